import type { Relation, RelationalSystem } from '../case/schema';
import type { PersonOrder } from './person-order';
import type { CaseVocabulary } from './vocabulary';

/**
 * Room for a pattern's `toRole` number in its number: `fromRank *
 * PAIR_STRIDE + toRank`. A case file of at most 10 MiB cannot name this many
 * roles, and the number stays an exact integer.
 */
export const PAIR_STRIDE = 2 ** 20;

/**
 * Who holds what in one system, indexed by key so echoes are found without
 * comparing relations pairwise. Roles, feelings and people are held by their
 * numbers (CaseVocabulary, PersonOrder).
 */
export interface SystemHoldings {
  /** By role number: the people holding it, once each, in order (member roles, `fromRole` of their relations, `toRole` of relations to them). */
  roles: (number[] | undefined)[];
  /** By feeling number: the members who report it, once each, in order. */
  feelings: (number[] | undefined)[];
  /** Pattern number (see PAIR_STRIDE) → the relations with that `fromRole` and `toRole`, in the system's order. */
  patterns: Map<number, Relation[]>;
}

// A holding packs key and person in one number, `key * PERSON_STRIDE + person`,
// so one numeric sort groups holdings by key, puts each key's people in order
// and brings duplicates side by side. A case has at most 500 people (and a
// file cannot name 2^16 unknown ones), and the product stays an exact integer.
const PERSON_STRIDE = 2 ** 16;

/** Indexes every holding of one system in a single pass over its members and relations. */
export function indexSystem(system: RelationalSystem, vocabulary: CaseVocabulary, people: PersonOrder): SystemHoldings {
  let memberRoles = 0;
  let memberFeelings = 0;
  for (const member of system.members) {
    memberRoles += member.roles.length;
    memberFeelings += member.feelings.length;
  }
  const roles = new Float64Array(memberRoles + 2 * system.relations.length);
  const feelings = new Float64Array(memberFeelings);
  let roleCount = 0;
  let feelingCount = 0;
  const patterns = new Map<number, Relation[]>();

  for (const member of system.members) {
    if (member.roles.length === 0 && member.feelings.length === 0) continue;
    const person = people.rankOf(member.person);
    for (const role of member.roles) roles[roleCount++] = vocabulary.rankOf(role) * PERSON_STRIDE + person;
    for (const feeling of member.feelings) feelings[feelingCount++] = vocabulary.feelingRankOf(feeling) * PERSON_STRIDE + person;
  }
  for (const relation of system.relations) {
    const { from, to, fromRole, toRole } = relation;
    const fromRank = fromRole === undefined ? -1 : vocabulary.rankOf(fromRole);
    if (fromRank >= 0) roles[roleCount++] = fromRank * PERSON_STRIDE + people.rankOf(from);
    // A relation to oneself is a stance with one role only (case-format.md).
    if (toRole === undefined || from === to) continue;
    const toRank = vocabulary.rankOf(toRole);
    roles[roleCount++] = toRank * PERSON_STRIDE + people.rankOf(to);
    if (fromRank < 0) continue;
    const pattern = fromRank * PAIR_STRIDE + toRank;
    const carriers = patterns.get(pattern);
    if (carriers === undefined) patterns.set(pattern, [relation]);
    else carriers.push(relation);
  }

  return { roles: byKey(roles.subarray(0, roleCount)), feelings: byKey(feelings.subarray(0, feelingCount)), patterns };
}

/** Unpacks sorted holdings into, per key number, its distinct people in order. */
function byKey(holdings: Float64Array): (number[] | undefined)[] {
  holdings.sort();
  const people: (number[] | undefined)[] = [];
  let previousHolding = -1;
  let previousKey = -1;
  let current: number[] = [];
  for (let index = 0; index < holdings.length; index += 1) {
    const holding = holdings[index] as number;
    if (holding === previousHolding) continue;
    previousHolding = holding;
    const key = Math.floor(holding / PERSON_STRIDE);
    if (key !== previousKey) {
      people[key] = current = [];
      previousKey = key;
    }
    current.push(holding - key * PERSON_STRIDE);
  }
  return people;
}
