import type { Case, Relation } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { indexSystem, type SystemHoldings } from './holdings';
import { holderIdentification, PatternIdentifier, type CaseCast } from './identification';
import { compareCodePoints } from './order';
import type {
  CaseAnalysis,
  Echo,
  EchoKind,
  EchoMatch,
  EchoWording,
  HolderEcho,
  HolderOccurrence,
  PatternEcho,
  RelationOccurrence,
} from './types';
import { caseVocabulary } from './vocabulary';
import { describeEcho, WordingContext, type EchoFacts } from './wording';

/** What each system, in system order, holds under one key; `undefined` where it holds nothing. */
type Presence<T> = [T | undefined, T | undefined, T | undefined];

const SYSTEMS: readonly SystemId[] = SYSTEM_IDS;
const KIND_ORDER: Record<EchoKind, number> = { pattern: 0, role: 1, feeling: 2 };
const MATCH_ORDER: Record<EchoMatch, number> = { exact: 0, sasb: 1 };
const NO_ROLES: readonly string[] = [];

/**
 * Every echo of one case (analysis.md, "Echoes"): what recurs across its
 * systems, with its occurrences and Racker's identifications, in the
 * documented order. Pure, and linear in the size of the case: holdings are
 * indexed by key, and only keys present in two or more systems become echoes.
 */
export function analyzeCase(kase: Case): CaseAnalysis {
  const vocabulary = caseVocabulary(kase);
  const holdings = SYSTEMS.map((system) => indexSystem(kase.systems[system], vocabulary));
  const cast = castOf(kase);
  const context = new WordingContext(vocabulary, kase.people);
  const echoes: Echo[] = [];

  for (const [role, presence] of acrossSystems(holdings, 'roles')) {
    echoes.push(holderEcho('role', 'exact', role, presence, [role], cast, context));
  }
  for (const [code, byRole] of acrossSystems(holdings, 'roleCodes')) {
    if (distinctKeys(byRole) < 2) continue;
    const presence = byRole.map((roles) => roles && [...roles.values()].flat()) as Presence<string[]>;
    echoes.push(holderEcho('role', 'sasb', code, presence, byRole, cast, context));
  }
  for (const [feeling, presence] of acrossSystems(holdings, 'feelings')) {
    echoes.push(holderEcho('feeling', 'exact', feeling, presence, NO_ROLES, cast, context));
  }
  for (const [pattern, presence] of acrossSystems(holdings, 'patterns')) {
    echoes.push(patternEcho('exact', pattern, presence, cast, context));
  }
  for (const [code, byPair] of acrossSystems(holdings, 'patternCodes')) {
    if (distinctKeys(byPair) < 2) continue;
    const presence = byPair.map((pairs) => pairs && [...pairs.values()].flat()) as Presence<Relation[]>;
    echoes.push(patternEcho('sasb', code, presence, cast, context));
  }

  echoes.sort(compareEchoes);
  return { caseId: kase.id, echoes };
}

/**
 * A role or feeling echo. `roles` says which role ids each occurrence rests
 * on, for the wording: the same for all, or looked up by code per system.
 */
function holderEcho(
  kind: 'role' | 'feeling',
  match: EchoMatch,
  key: string,
  presence: Presence<readonly string[]>,
  roles: readonly string[] | Presence<ReadonlyMap<string, readonly string[]>>,
  cast: CaseCast,
  context: WordingContext,
): HolderEcho {
  const systems: SystemId[] = [];
  const occurrences: HolderOccurrence[] = [];
  for (let index = 0; index < SYSTEMS.length; index += 1) {
    const holders = presence[index];
    if (holders === undefined) continue;
    const system = SYSTEMS[index] as SystemId;
    systems.push(system);
    for (const person of distinctSorted(holders)) {
      const identification = holderIdentification(system, person, presence, cast);
      occurrences.push(identification ? { system, person, identification } : { system, person });
    }
  }
  const parallel = systems.length === SYSTEMS.length;
  let wording: EchoWording | undefined;
  return {
    id: `${kind}:${match}:${key}`,
    kind,
    match,
    key,
    systems,
    parallel,
    occurrences,
    // An enumerable getter worked out on first read and then kept: every
    // reader (screen, JSON, structured clone, spread) sees a plain field, while
    // the command line's JSON and bulk analyses, which never read it, do not
    // pay for the sentences of every echo.
    get wording() {
      wording ??= describeEcho(holderFacts(kind, match, key, systems, parallel, occurrences, roles), context);
      return wording;
    },
  };
}

/** A pattern echo: one occurrence per relation carrying the pattern. */
function patternEcho(
  match: EchoMatch,
  key: string,
  presence: Presence<readonly Relation[]>,
  cast: CaseCast,
  context: WordingContext,
): PatternEcho {
  const identifier = new PatternIdentifier(presence, cast);
  const systems: SystemId[] = [];
  const occurrences: RelationOccurrence[] = [];
  const carriers: Relation[] = [];
  for (let index = 0; index < SYSTEMS.length; index += 1) {
    const relations = presence[index];
    if (relations === undefined) continue;
    const system = SYSTEMS[index] as SystemId;
    systems.push(system);
    const ordered = relations.length === 1 ? relations : [...relations].sort(byRelationId);
    for (const relation of ordered) {
      const { id, from, to } = relation;
      const identification = identifier.identify(system, relation);
      occurrences.push(identification ? { system, relation: id, from, to, identification } : { system, relation: id, from, to });
      carriers.push(relation);
    }
  }
  const parallel = systems.length === SYSTEMS.length;
  let wording: EchoWording | undefined;
  return {
    id: `pattern:${match}:${key}`,
    kind: 'pattern',
    match,
    key,
    systems,
    parallel,
    occurrences,
    // Worked out on first read, as for role and feeling echoes.
    get wording() {
      wording ??= describeEcho(patternFacts(match, key, systems, parallel, carriers, occurrences), context);
      return wording;
    },
  };
}

function holderFacts(
  kind: 'role' | 'feeling',
  match: EchoMatch,
  key: string,
  systems: readonly SystemId[],
  parallel: boolean,
  occurrences: readonly HolderOccurrence[],
  roles: readonly string[] | Presence<ReadonlyMap<string, readonly string[]>>,
): EchoFacts {
  return {
    kind,
    match,
    key,
    systems,
    parallel,
    occurrences: occurrences.map((occurrence) => ({
      system: occurrence.system,
      people: [occurrence.person],
      roles: isFixed(roles) ? roles : rolesHeld(roles[SYSTEMS.indexOf(occurrence.system)], occurrence.person),
      identification: occurrence.identification,
    })),
  };
}

function patternFacts(
  match: EchoMatch,
  key: string,
  systems: readonly SystemId[],
  parallel: boolean,
  carriers: readonly Relation[],
  occurrences: readonly RelationOccurrence[],
): EchoFacts {
  return {
    kind: 'pattern',
    match,
    key,
    systems,
    parallel,
    occurrences: occurrences.map((occurrence, index) => {
      const relation = carriers[index] as Relation;
      return {
        system: occurrence.system,
        people: [occurrence.from, occurrence.to],
        roles: [relation.fromRole ?? '', relation.toRole ?? ''],
        identification: occurrence.identification,
      };
    }),
  };
}

function isFixed(
  roles: readonly string[] | Presence<ReadonlyMap<string, readonly string[]>>,
): roles is readonly string[] {
  return roles.length === 0 || typeof roles[0] === 'string';
}

/** The role ids (with one code) a person holds in one system. */
function rolesHeld(byRole: ReadonlyMap<string, readonly string[]> | undefined, person: string): string[] {
  const roles: string[] = [];
  if (byRole !== undefined) for (const [role, people] of byRole) if (people.includes(person)) roles.push(role);
  return roles;
}

/**
 * The keys of one index present in at least two systems, with what each system
 * holds under them. Each key is looked up once per system, so the cost follows
 * the number of distinct keys, never the number of pairs of holdings.
 */
function acrossSystems<K extends keyof SystemHoldings>(
  holdings: readonly SystemHoldings[],
  index: K,
): [string, Presence<HeldUnder<K>>][] {
  const [client, therapy, supervision] = holdings.map((h) => h[index]) as Map<string, HeldUnder<K>>[];
  const found: [string, Presence<HeldUnder<K>>][] = [];
  if (client === undefined || therapy === undefined || supervision === undefined) return found;
  for (const [key, held] of client) {
    const inTherapy = therapy.get(key);
    const inSupervision = supervision.get(key);
    if (inTherapy !== undefined || inSupervision !== undefined) found.push([key, [held, inTherapy, inSupervision]]);
  }
  for (const [key, held] of therapy) {
    const inSupervision = supervision.get(key);
    // Keys also held in the client's world were found above.
    if (inSupervision !== undefined && !client.has(key)) found.push([key, [undefined, held, inSupervision]]);
  }
  return found;
}

type HeldUnder<K extends keyof SystemHoldings> = SystemHoldings[K] extends Map<string, infer T> ? T : never;

/** How many different role ids (or role pairs) the systems hold under one code, across all of them. */
function distinctKeys(presence: Presence<ReadonlyMap<string, unknown>>): number {
  const keys = new Set<string>();
  for (const byKey of presence) if (byKey !== undefined) for (const key of byKey.keys()) keys.add(key);
  return keys.size;
}

/** The people of a holder list once each, in code-point order. */
function distinctSorted(people: readonly string[]): string[] {
  if (people.length === 1) return [...people];
  const sorted = [...people].sort(compareCodePoints);
  let kept = 0;
  for (const person of sorted) if (kept === 0 || sorted[kept - 1] !== person) sorted[kept++] = person;
  sorted.length = kept;
  return sorted;
}

function castOf(kase: Case): CaseCast {
  const cast: CaseCast = { client: undefined, therapist: undefined, supervisor: undefined };
  for (const person of kase.people) {
    if (person.kind !== 'other') cast[person.kind] ??= person.id;
  }
  return cast;
}

function byRelationId(a: Relation, b: Relation): number {
  return compareCodePoints(a.id, b.id);
}

/** analysis.md's order: systems (3 before 2), kind (pattern, role, feeling), match (exact, sasb), key by code point. */
function compareEchoes(a: Echo, b: Echo): number {
  return (
    b.systems.length - a.systems.length ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    MATCH_ORDER[a.match] - MATCH_ORDER[b.match] ||
    compareCodePoints(a.key, b.key)
  );
}
