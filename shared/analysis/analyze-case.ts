import type { Case, Relation } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { ALL_SASB_CODES } from '../library/sasb';
import { HolderEchoRecord, PatternEchoRecord, type HeldRoles } from './echo-records';
import { CODE_PAIR_STRIDE, indexSystem, PAIR_STRIDE, type PairCarriers, type RoleHolding, type SystemHoldings } from './holdings';
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
  const [client, therapy, supervision] = SYSTEMS.map((system) => indexSystem(kase.systems[system], vocabulary)) as [
    SystemHoldings,
    SystemHoldings,
    SystemHoldings,
  ];
  const analysis = new CaseAnalyser(kase, vocabulary);

  for (const [role, presence] of acrossSystems(client.roles, therapy.roles, supervision.roles)) {
    analysis.holderEcho('role', 'exact', role, holdersIn(presence), { same: [role] });
  }

  for (const [, presence] of acrossSystems(client.patterns, therapy.patterns, supervision.patterns)) {
    const pair = (presence[0] ?? presence[1]) as PairCarriers;
    const carriers: Presence<Relation[]> = [presence[0]?.relations, presence[1]?.relations, presence[2]?.relations];
    analysis.patternEcho('exact', `${pair.from.id}>${pair.to.id}`, carriers);
  }

  for (const [code, presence] of acrossSystems(rolesByCode(client), rolesByCode(therapy), rolesByCode(supervision))) {
    if (!hasTwoDifferent(presence, (holding) => holding.role.id)) continue;
    const holders = presence.map((roles) => roles && roles.flatMap((holding) => holding.holders)) as Presence<string[]>;
    analysis.holderEcho('role', 'sasb', ALL_SASB_CODES[code] as string, holders, { bySystem: presence });
  }

  for (const [feeling, presence] of acrossSystems(client.feelings, therapy.feelings, supervision.feelings)) {
    analysis.holderEcho('feeling', 'exact', feeling, presence, NO_ROLES);
  }

  for (const [code, presence] of acrossSystems(client.patternCodes, therapy.patternCodes, supervision.patternCodes)) {
    if (!hasTwoDifferent(presence, (pair) => pair.from.rank * PAIR_STRIDE + pair.to.rank)) continue;
    const carriers = presence.map((pairs) => pairs && pairs.flatMap((pair) => pair.relations)) as Presence<Relation[]>;
    analysis.patternEcho('sasb', codePairKey(code), carriers);
  }

  return { caseId: kase.id, echoes: analysis.echoesInOrder() };
}

/** Builds the echoes of one case: occurrences in order, with their identifications. */
class CaseAnalyser {
  private readonly echoes: Echo[] = [];
  private readonly cast: CaseCast;
  private readonly kase: Case;
  private people: PersonOrder | undefined;
  private readonly context: WordingContext;
  private readonly marks: number[] = [];
  private stamp = 0;

  constructor(kase: Case, vocabulary: CaseVocabulary) {
    this.kase = kase;
    this.cast = castOf(kase);
    this.context = new WordingContext(vocabulary, kase.people);
  }

  holderEcho(
    kind: 'role' | 'feeling',
    match: EchoMatch,
    key: string,
    /** Per system, the people holding the key, possibly repeated. */
    presence: Presence<readonly string[]>,
    held: HeldRoles,
  ): void {
    const systems: SystemId[] = [];
    const occurrences: HolderOccurrence[] = [];
    for (let index = 0; index < SYSTEMS.length; index += 1) {
      const holders = presence[index];
      if (holders === undefined) continue;
      const system = SYSTEMS[index] as SystemId;
      systems.push(system);
      for (const person of this.distinctSorted(holders)) {
        const identification = holderIdentification(system, person, presence, this.cast);
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

  echoesInOrder(): Echo[] {
    return this.echoes.sort(compareEchoes);
  }

  /**
   * The people of a holder list once each, in code-point order. Duplicates
   * are dropped with a mark per person before sorting, so only the few
   * distinct holders are sorted, and numerically (PersonOrder numbers follow
   * code-point order).
   */
  private distinctSorted(people: readonly string[]): readonly string[] {
    if (people.length === 1) return people;
    if (people.length <= SHORT_LIST) return distinctSortedShort(people);
    // Numbered only when a long list needs it: most cases never pay for it.
    const order = (this.people ??= new PersonOrder(this.kase.people));
    const stamp = ++this.stamp;
    const ranks: number[] = [];
    for (const person of people) {
      const rank = order.rankOf(person);
      if (this.marks[rank] === stamp) continue;
      this.marks[rank] = stamp;
      ranks.push(rank);
    }
    if (ranks.length > 1) ranks.sort(byNumber);
    return ranks.map((rank) => order.idAt(rank));
  }
}

/** Up to this length, de-duplicating by comparing with the people kept so far is cheaper than numbering them. */
const SHORT_LIST = 12;

function distinctSortedShort(people: readonly string[]): string[] {
  const kept: string[] = [];
  for (const person of people) if (!kept.includes(person)) kept.push(person);
  return kept.length > 1 ? kept.sort(compareCodePoints) : kept;
}

/** Per numbered SASB code, the roles with that code held in one system. */
function rolesByCode(holdings: SystemHoldings): Map<number, RoleHolding[]> {
  const byCode = new Map<number, RoleHolding[]>();
  for (const holding of holdings.roles.values()) {
    const code = holding.role.codeNumber;
    if (code < 0) continue;
    const roles = byCode.get(code);
    if (roles === undefined) byCode.set(code, [holding]);
    else roles.push(holding);
  }
  return byCode;
}

function codePairKey(codePair: number): string {
  return `${ALL_SASB_CODES[Math.floor(codePair / CODE_PAIR_STRIDE)]}>${ALL_SASB_CODES[codePair % CODE_PAIR_STRIDE]}`;
}

function holdersIn(presence: Presence<RoleHolding>): Presence<string[]> {
  return [presence[0]?.holders, presence[1]?.holders, presence[2]?.holders];
}

/**
 * The keys present in at least two systems, with what each system holds under
 * them. Each key is looked up once per system, so the cost follows the number
 * of distinct keys, never the number of pairs of holdings.
 */
function acrossSystems<K, T>(
  client: ReadonlyMap<K, T>,
  therapy: ReadonlyMap<K, T>,
  supervision: ReadonlyMap<K, T>,
): [K, Presence<T>][] {
  const found: [K, Presence<T>][] = [];
  // forEach rather than for…of: it hands over key and value without an entry array per key.
  client.forEach((held, key) => {
    const inTherapy = therapy.get(key);
    const inSupervision = supervision.get(key);
    if (inTherapy !== undefined || inSupervision !== undefined) found.push([key, [held, inTherapy, inSupervision]]);
  });
  if (supervision.size === 0) return found;
  therapy.forEach((held, key) => {
    const inSupervision = supervision.get(key);
    // Keys also held in the client's world were found above.
    if (inSupervision !== undefined && !client.has(key)) found.push([key, [undefined, held, inSupervision]]);
  });
  return found;
}

/** True when the entries of all systems name at least two different role ids (or role pairs). */
function hasTwoDifferent<T>(presence: Presence<readonly T[]>, name: (entry: T) => string | number): boolean {
  let first: string | number | undefined;
  for (const entries of presence) {
    if (entries === undefined) continue;
    for (const entry of entries) {
      const named = name(entry);
      if (first === undefined) first = named;
      else if (named !== first) return true;
    }
  }
  return false;
}

function castOf(kase: Case): CaseCast {
  const cast: CaseCast = { client: undefined, therapist: undefined, supervisor: undefined };
  for (const { id, kind } of kase.people) if (kind !== 'other') cast[kind] ??= id;
  return cast;
}

function byNumber(a: number, b: number): number {
  return a - b;
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
