import type { Person } from '../case/schema';
import { SYSTEM_NAMES, type SystemId } from '../case/systems';
import { sasbClusterName, type SasbCode } from '../library/sasb';
import type { EchoKind, EchoMatch, EchoWording, Identification, IdentificationKind, OccurrenceWording } from './types';
import type { CaseVocabulary } from './vocabulary';

/** What the wording of one echo is made from, before its words exist. */
export interface EchoFacts {
  kind: EchoKind;
  match: EchoMatch;
  key: string;
  systems: readonly SystemId[];
  parallel: boolean;
  occurrences: readonly {
    system: SystemId;
    /** The person holding it, or the two ends of the relation carrying it. */
    people: readonly string[];
    /** The role ids this occurrence rests on: one held role, or the relation's two roles. */
    roles: readonly string[];
    identification?: Identification;
  }[];
}

/** Names of people and labels of roles and feelings, as the case defines them. */
export class WordingContext {
  private names: Map<string, string> | undefined;

  constructor(
    readonly vocabulary: CaseVocabulary,
    private readonly people: readonly Person[],
  ) {}

  /** The name of a person of the case; their id if the case does not list them. */
  personName(id: string): string {
    // Built on the first name asked for: most analyses are never put into words.
    this.names ??= new Map(this.people.map((person) => [person.id, person.name]));
    return this.names.get(id) ?? id;
  }
}

const POSITIONS: Record<keyof Identification, Record<IdentificationKind, string>> = {
  therapist: {
    concordant: "the therapist may be taking the client's own position (concordant)",
    complementary: "the therapist may be taking the position of the client's others (complementary)",
  },
  supervisor: {
    concordant: "the supervisor may be taking the therapist's own position in therapy (concordant)",
    complementary: "the supervisor may be taking the position of the therapist's others in therapy (complementary)",
  },
};
const WHO = ['therapist', 'supervisor'] as const;
const IDENTIFICATIONS = ['concordant', 'complementary'] as const;

/** Plain clinical words for one echo: labels, names, systems and a tentative summary. */
export function describeEcho(facts: EchoFacts, context: WordingContext): EchoWording {
  const { vocabulary } = context;
  const label = echoLabel(facts, vocabulary);
  const systems = facts.systems.map((system) => SYSTEM_NAMES[system]);

  const roleIds = new Set<string>();
  const occurrences = facts.occurrences.map((occurrence): OccurrenceWording => {
    for (const role of occurrence.roles) roleIds.add(role);
    const wording: OccurrenceWording = {
      system: SYSTEM_NAMES[occurrence.system],
      people: occurrence.people.map((id) => context.personName(id)).join(' → '),
      roles: occurrence.roles.map((role) => vocabulary.role(role).label),
    };
    if (occurrence.identification !== undefined) wording.identification = identificationWords(occurrence.identification);
    return wording;
  });
  const roles = [...roleIds]
    .sort((a, b) => vocabulary.role(a).rank - vocabulary.role(b).rank)
    .map((role) => vocabulary.role(role).label);

  return { label, roles, systems, occurrences, summary: summarise(facts, label, systems, context) };
}

function echoLabel(facts: EchoFacts, vocabulary: CaseVocabulary): string {
  if (facts.kind === 'feeling') return vocabulary.feelingLabel(facts.key);
  const parts = facts.key.split('>');
  const labels =
    facts.match === 'exact'
      ? parts.map((role) => vocabulary.role(role).label)
      : parts.map((code) => `${code} ${sasbClusterName(code as SasbCode)}`);
  return labels.join(' → ');
}

function summarise(facts: EchoFacts, label: string, systems: readonly string[], context: WordingContext): string {
  const where = listInWords(systems);
  const reach = facts.parallel ? ': possibly a full parallel process' : '';
  const sentences = [`${label}${rolesBehind(facts, context)} recurs${asWhat(facts)} in ${where}${reach}.`];

  for (const who of WHO) {
    for (const kind of IDENTIFICATIONS) {
      const inSystems = facts.systems.filter((system) =>
        facts.occurrences.some((o) => o.system === system && o.identification?.[who] === kind),
      );
      if (inSystems.length === 0) continue;
      sentences.push(`In ${listInWords(inSystems.map((s) => SYSTEM_NAMES[s]))} ${POSITIONS[who][kind]}.`);
    }
  }
  return sentences.join(' ');
}

function asWhat(facts: EchoFacts): string {
  if (facts.kind === 'feeling') return ' as a feeling';
  return facts.kind === 'role' && facts.match === 'exact' ? ' as a role' : '';
}

// A code-level echo names the concrete roles behind it, so the clinician sees
// which differently named positions the analysis counts as the same.
function rolesBehind(facts: EchoFacts, context: WordingContext): string {
  if (facts.match === 'exact') return '';
  const { vocabulary } = context;
  const variants = new Map<string, readonly string[]>();
  for (const occurrence of facts.occurrences) {
    const roles = facts.kind === 'role' ? occurrence.roles.map((role) => [role]) : [occurrence.roles];
    for (const combination of roles) variants.set(combination.join('>'), combination);
  }
  const ranked = [...variants.values()].sort((a, b) => compareRanks(a, b, vocabulary));
  const named = ranked.map((roles) => roles.map((role) => vocabulary.role(role).label).join(' → '));
  return ` (${named.join(facts.kind === 'role' ? ', ' : '; ')})`;
}

function compareRanks(a: readonly string[], b: readonly string[], vocabulary: CaseVocabulary): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = vocabulary.role(a[index] as string).rank - vocabulary.role(b[index] as string).rank;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function identificationWords(identification: Identification): string {
  const parts = WHO.flatMap((who) => {
    const kind = identification[who];
    return kind === undefined ? [] : [POSITIONS[who][kind]];
  });
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A", "A and B", "A, B and C". */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
