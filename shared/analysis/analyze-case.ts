import type { Case, Relation } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { ALL_SASB_CODES } from '../library/sasb';
import { HolderEchoRecord, PatternEchoRecord, type HeldRoles } from './echo-records';
import { indexSystem, PAIR_STRIDE, type SystemHoldings } from './holdings';
import { holderIdentification, PatternIdentifier, type CaseCast } from './identification';
import { compareCodePoints } from './order';
import { PersonOrder } from './person-order';
import type { CaseAnalysis, Echo, EchoKind, EchoMatch, HolderOccurrence, RelationOccurrence } from './types';
import { CaseVocabulary } from './vocabulary';
import { WordingContext } from './wording';

/** What each system, in system order, holds under one key; `undefined` where it holds nothing. */
type Presence<T> = [T | undefined, T | undefined, T | undefined];

const SYSTEMS: readonly SystemId[] = SYSTEM_IDS;
const KIND_ORDER: Record<EchoKind, number> = { pattern: 0, role: 1, feeling: 2 };
const MATCH_ORDER: Record<EchoMatch, number> = { exact: 0, sasb: 1 };
const NO_ROLES: HeldRoles = { same: [] };

/**
 * Every echo of one case (analysis.md, "Echoes"): what recurs across its
 * systems, with its occurrences and Racker's identifications, in the
 * documented order. Pure, and linear in the size of the case: holdings are
 * indexed by key, and only keys present in two or more systems become echoes.
 */
export function analyzeCase(kase: Case): CaseAnalysis {
  const vocabulary = new CaseVocabulary(kase);
  const people = new PersonOrder(kase.people);
  const [client, therapy, supervision] = SYSTEMS.map((system) =>
    indexSystem(kase.systems[system], vocabulary, people),
  ) as [SystemHoldings, SystemHoldings, SystemHoldings];
  const analysis = new CaseAnalyser(castOf(kase, people), people, new WordingContext(vocabulary, kase.people));

  for (let rank = 0; rank < vocabulary.roleCount; rank += 1) {
    const presence: Presence<number[]> = [client.roles[rank], therapy.roles[rank], supervision.roles[rank]];
    if (systemCount(presence) < 2) continue;
    const role = vocabulary.roleAt(rank).id;
    analysis.holderEcho('role', 'exact', role, presence, { same: [role] });
  }

  for (const [code, byRole] of rolesByCode([client, therapy, supervision], vocabulary)) {
    if (systemCount(byRole) < 2 || distinctKeys(byRole) < 2) continue;
    const presence = byRole.map((roles) => roles && analysis.distinctSorted([...roles.values()].flat())) as Presence<
      readonly number[]
    >;
    analysis.holderEcho('role', 'sasb', code, presence, { bySystem: byRole.map((roles) => roles && analysis.named(roles)) });
  }

  for (let rank = 0; rank < vocabulary.feelingCount; rank += 1) {
    const presence: Presence<number[]> = [client.feelings[rank], therapy.feelings[rank], supervision.feelings[rank]];
    if (systemCount(presence) < 2) continue;
    analysis.holderEcho('feeling', 'exact', vocabulary.feelingAt(rank).id, presence, NO_ROLES);
  }

  for (const [pattern, presence] of acrossSystems(client.patterns, therapy.patterns, supervision.patterns)) {
    analysis.patternEcho('exact', patternKey(pattern, vocabulary), presence);
  }

  const [clientCodes, therapyCodes, supervisionCodes] = [client, therapy, supervision].map((h) =>
    patternsByCode(h, vocabulary),
  ) as [PatternsByCode, PatternsByCode, PatternsByCode];
  for (const [code, byPair] of acrossSystems(clientCodes, therapyCodes, supervisionCodes)) {
    if (distinctKeys(byPair) < 2) continue;
    const presence = byPair.map((pairs) => pairs && [...pairs.values()].flat()) as Presence<Relation[]>;
    analysis.patternEcho('sasb', codePairKey(code), presence);
  }

  return { caseId: kase.id, echoes: analysis.echoesInOrder() };
}

/** Builds the echoes of one case: occurrences in order, with their identifications. */
class CaseAnalyser {
  private readonly echoes: Echo[] = [];
  private readonly marks: number[] = [];
  private stamp = 0;

  constructor(
    private readonly cast: CaseCast,
    private readonly people: PersonOrder,
    private readonly context: WordingContext,
  ) {}

  holderEcho(
    kind: 'role' | 'feeling',
    match: EchoMatch,
    key: string,
    /** Per system, the people holding the key, once each and in order. */
    presence: Presence<readonly number[]>,
    held: HeldRoles,
  ): void {
    const systems: SystemId[] = [];
    const occurrences: HolderOccurrence[] = [];
    for (let index = 0; index < SYSTEMS.length; index += 1) {
      const holders = presence[index];
      if (holders === undefined) continue;
      const system = SYSTEMS[index] as SystemId;
      systems.push(system);
      for (const rank of holders) {
        const person = this.people.idAt(rank);
        const identification = holderIdentification(system, rank, presence, this.cast);
        occurrences.push(identification ? { system, person, identification } : { system, person });
      }
    }
    this.echoes.push(new HolderEchoRecord(kind, match, key, systems, occurrences, held, this.context));
  }

  patternEcho(match: EchoMatch, key: string, presence: Presence<readonly Relation[]>): void {
    const identifier = new PatternIdentifier(presence, this.cast);
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
    this.echoes.push(new PatternEchoRecord(match, key, systems, occurrences, carriers, this.context));
  }

  /**
   * The people of several holder lists once each, in order. Duplicates are
   * dropped with a mark per person before sorting, so only the distinct
   * holders are sorted, numerically: PersonOrder numbers follow code-point order.
   */
  distinctSorted(people: readonly number[]): readonly number[] {
    if (people.length === 1) return people;
    const stamp = ++this.stamp;
    const distinct: number[] = [];
    for (const person of people) {
      if (this.marks[person] === stamp) continue;
      this.marks[person] = stamp;
      distinct.push(person);
    }
    return distinct.length === 1 ? distinct : distinct.sort(byNumber);
  }

  /** Role id → holders by id, for the wording of a code-level echo. */
  named(byRole: ReadonlyMap<string, readonly number[]>): Map<string, string[]> {
    const named = new Map<string, string[]>();
    for (const [role, holders] of byRole) named.set(role, holders.map((rank) => this.people.idAt(rank)));
    return named;
  }

  echoesInOrder(): Echo[] {
    return this.echoes.sort(compareEchoes);
  }
}

/** Per SASB code, what each system holds under it: role id → the people holding that role. */
function rolesByCode(
  holdings: readonly SystemHoldings[],
  vocabulary: CaseVocabulary,
): Map<string, Presence<Map<string, number[]>>> {
  const byCode = new Map<string, Presence<Map<string, number[]>>>();
  for (let rank = 0; rank < vocabulary.roleCount; rank += 1) {
    const { id, sasb } = vocabulary.roleAt(rank);
    if (sasb === undefined) continue;
    holdings.forEach((system, index) => {
      const holders = system.roles[rank];
      if (holders === undefined) return;
      let presence = byCode.get(sasb);
      if (presence === undefined) byCode.set(sasb, (presence = [undefined, undefined, undefined]));
      (presence[index] ??= new Map()).set(id, holders);
    });
  }
  return byCode;
}

/** Numbered SASB code pair `CA>CB` → pattern number → the relations with that role pair. */
type PatternsByCode = Map<number, Map<number, Relation[]>>;

const CODE_PAIR_STRIDE = ALL_SASB_CODES.length;

// Numbers, not `CA>CB` texts, so no text is built for a pattern that does not recur.
function patternsByCode(holdings: SystemHoldings, vocabulary: CaseVocabulary): PatternsByCode {
  const byCode: PatternsByCode = new Map();
  for (const [pattern, relations] of holdings.patterns) {
    const fromCode = vocabulary.roleAt(Math.floor(pattern / PAIR_STRIDE)).codeNumber;
    const toCode = vocabulary.roleAt(pattern % PAIR_STRIDE).codeNumber;
    if (fromCode < 0 || toCode < 0) continue;
    const code = fromCode * CODE_PAIR_STRIDE + toCode;
    let byPair = byCode.get(code);
    if (byPair === undefined) byCode.set(code, (byPair = new Map()));
    byPair.set(pattern, relations);
  }
  return byCode;
}

function codePairKey(codePair: number): string {
  return `${ALL_SASB_CODES[Math.floor(codePair / CODE_PAIR_STRIDE)]}>${ALL_SASB_CODES[codePair % CODE_PAIR_STRIDE]}`;
}

function patternKey(pattern: number, vocabulary: CaseVocabulary): string {
  return `${vocabulary.roleAt(Math.floor(pattern / PAIR_STRIDE)).id}>${vocabulary.roleAt(pattern % PAIR_STRIDE).id}`;
}

/**
 * The keys present in at least two systems, with what each system holds under
 * them. Each key is looked up once per system, so the cost follows the number
 * of distinct keys, never the number of pairs of holdings.
 */
function acrossSystems<K, T>(client: Map<K, T>, therapy: Map<K, T>, supervision: Map<K, T>): [K, Presence<T>][] {
  const found: [K, Presence<T>][] = [];
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

function systemCount(presence: Presence<unknown>): number {
  return (presence[0] === undefined ? 0 : 1) + (presence[1] === undefined ? 0 : 1) + (presence[2] === undefined ? 0 : 1);
}

/** How many different role ids (or role pairs) the systems hold under one code, across all of them. */
function distinctKeys<K>(presence: Presence<ReadonlyMap<K, unknown>>): number {
  const keys = new Set<K>();
  for (const byKey of presence) if (byKey !== undefined) for (const key of byKey.keys()) keys.add(key);
  return keys.size;
}

function byNumber(a: number, b: number): number {
  return a - b;
}

function castOf(kase: Case, people: PersonOrder): CaseCast {
  const cast: CaseCast = {
    client: undefined,
    therapist: undefined,
    supervisor: undefined,
    clientRank: -1,
    therapistRank: -1,
    supervisorRank: -1,
  };
  for (const { id, kind } of kase.people) {
    if (kind === 'other' || cast[kind] !== undefined) continue;
    cast[kind] = id;
    cast[`${kind}Rank`] = people.rankOf(id);
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
