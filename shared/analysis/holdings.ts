import type { Relation, RelationalSystem } from '../case/schema';
import type { CaseVocabulary } from './vocabulary';

/**
 * Room for role numbers in a pattern's number: `fromRank * PAIR_STRIDE +
 * toRank`. A case has at most 25 built-in roles plus its custom ones, far
 * below this, and the product stays a small integer.
 */
export const PAIR_STRIDE = 1 << 15;

/**
 * Who holds what in one system, indexed by key so echoes are found without
 * comparing relations pairwise. Holder lists may repeat a person (one entry
 * per member role and per relation end); they are de-duplicated only for the
 * keys that become echoes, where they are sorted anyway.
 */
export interface SystemHoldings {
  /** By role number: the people holding it (member roles, `fromRole` of their relations, `toRole` of relations to them). */
  roles: (string[] | undefined)[];
  /** Feeling id → the members who report it. */
  feelings: Map<string, string[]>;
  /** Pattern number (see PAIR_STRIDE) → the relations with that `fromRole` and `toRole`. */
  patterns: Map<number, Relation[]>;
}

/** Indexes every holding of one system in a single pass over its members and relations. */
export function indexSystem(system: RelationalSystem, vocabulary: CaseVocabulary): SystemHoldings {
  const roles: (string[] | undefined)[] = [];
  const feelings = new Map<string, string[]>();
  const patterns = new Map<number, Relation[]>();

  for (const member of system.members) {
    for (const role of member.roles) hold(roles, vocabulary.rankOf(role), member.person);
    for (const feeling of member.feelings) {
      const holders = feelings.get(feeling);
      if (holders === undefined) feelings.set(feeling, [member.person]);
      else holders.push(member.person);
    }
  }
  for (const relation of system.relations) {
    const { from, to, fromRole, toRole } = relation;
    const fromRank = fromRole === undefined ? -1 : vocabulary.rankOf(fromRole);
    if (fromRank >= 0) hold(roles, fromRank, from);
    // A relation to oneself is a stance with one role only (case-format.md).
    if (toRole === undefined || from === to) continue;
    const toRank = vocabulary.rankOf(toRole);
    hold(roles, toRank, to);
    if (fromRank < 0) continue;
    const pattern = fromRank * PAIR_STRIDE + toRank;
    const carriers = patterns.get(pattern);
    if (carriers === undefined) patterns.set(pattern, [relation]);
    else carriers.push(relation);
  }
  return { roles, feelings, patterns };
}

function hold(roles: (string[] | undefined)[], rank: number, person: string): void {
  const holders = roles[rank];
  if (holders === undefined) roles[rank] = [person];
  else holders.push(person);
}
