import type { Relation, RelationalSystem } from '../case/schema';
import { ALL_SASB_CODES } from '../library/sasb';
import type { CaseVocabulary, RoleEntry } from './vocabulary';

/** One role in one system: who holds it. */
export interface RoleHolding {
  role: RoleEntry;
  /** The people holding it, one entry per member role and per relation end (so possibly repeated). */
  holders: string[];
}

/** The relations of one role pair (`fromRole` A, `toRole` B) in one system. */
export interface PairCarriers {
  from: RoleEntry;
  to: RoleEntry;
  relations: Relation[];
}

/**
 * Room for the second role's rank in a pair's number, `A.rank * PAIR_STRIDE +
 * B.rank`: a case file of at most 10 MiB cannot name this many roles, and the
 * number stays an exact integer.
 */
export const PAIR_STRIDE = 2 ** 20;

/**
 * Who holds what in one system, indexed by key so echoes are found without
 * comparing relations pairwise. Holder lists are de-duplicated later, only for
 * the keys that recur, where they are put in order anyway.
 */
export interface SystemHoldings {
  /** Role id → who holds it (member roles, `fromRole` of their relations, `toRole` of relations to them). */
  roles: Map<string, RoleHolding>;
  /** Feeling id → the members who report it. */
  feelings: Map<string, string[]>;
  /** Numbered role pair (see PAIR_STRIDE) → the relations carrying it, in the system's order. */
  patterns: Map<number, PairCarriers>;
  /**
   * Numbered SASB code pair (`fromCode * CODE_PAIR_STRIDE + toCode`, codes
   * numbered as in ALL_SASB_CODES) → the role pairs with those codes. Numbers,
   * not `CA>CB` texts, so no text is built for patterns whose codes do not recur.
   */
  patternCodes: Map<number, PairCarriers[]>;
}

/** Room for the second code of a pair in its number. */
export const CODE_PAIR_STRIDE = ALL_SASB_CODES.length;

/** Indexes every holding of one system in a single pass over its members and relations. */
export function indexSystem(system: RelationalSystem, vocabulary: CaseVocabulary): SystemHoldings {
  const roles = new Map<string, RoleHolding>();
  const feelings = new Map<string, string[]>();
  const patterns = new Map<number, PairCarriers>();
  const patternCodes = new Map<number, PairCarriers[]>();

  for (const member of system.members) {
    for (const role of member.roles) hold(roles, role, member.person, vocabulary);
    for (const feeling of member.feelings) {
      const holders = feelings.get(feeling);
      if (holders === undefined) feelings.set(feeling, [member.person]);
      else holders.push(member.person);
    }
  }
  for (const relation of system.relations) {
    const { from, to, fromRole, toRole } = relation;
    const start = fromRole === undefined ? undefined : hold(roles, fromRole, from, vocabulary);
    // A relation to oneself is a stance with one role only (case-format.md).
    if (toRole === undefined || from === to) continue;
    const end = hold(roles, toRole, to, vocabulary);
    if (start === undefined) continue;
    // Pairs are numbered, not written as `A>B`, so no text is built per relation.
    const number = start.role.rank * PAIR_STRIDE + end.role.rank;
    const found = patterns.get(number);
    if (found !== undefined) {
      found.relations.push(relation);
      continue;
    }
    const pair: PairCarriers = { from: start.role, to: end.role, relations: [relation] };
    patterns.set(number, pair);
    if (start.role.codeNumber < 0 || end.role.codeNumber < 0) continue;
    const code = start.role.codeNumber * CODE_PAIR_STRIDE + end.role.codeNumber;
    const pairs = patternCodes.get(code);
    if (pairs === undefined) patternCodes.set(code, [pair]);
    else pairs.push(pair);
  }
  return { roles, feelings, patterns, patternCodes };
}

function hold(roles: Map<string, RoleHolding>, role: string, person: string, vocabulary: CaseVocabulary): RoleHolding {
  let holding = roles.get(role);
  if (holding === undefined) roles.set(role, (holding = { role: vocabulary.role(role), holders: [person] }));
  else holding.holders.push(person);
  return holding;
}
