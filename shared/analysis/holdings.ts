import { IntList } from './int-list';
import { HOLDING_STRIDE, NO_ROLE, RELATION_STRIDE, SYSTEM_COUNT, type NumberedCase } from './numbered-case';

/**
 * Who holds each role and reports each feeling, per system, as bit sets over
 * the people's numbers. A set is `words` 32-bit words; the set of key K in
 * system S starts at `(K * 3 + S) * words`. Bit sets because most keys are
 * held by few people many times over (member roles, relation ends): setting a
 * bit drops the repeats, and reading the bits lists the people once each in
 * id order (PersonOrder), with no sorting (docs/benchmarks.md).
 */
export interface Holdings {
  /** 32-bit words per set of people. */
  words: number;
  /** Per role number, a bit per system holding it (1 client, 2 therapy, 4 supervision). */
  roleSystems: Int32Array;
  roleHolders: Int32Array;
  /** Per feeling number, a bit per system where someone reports it. */
  feelingSystems: Int32Array;
  feelingHolders: Int32Array;
}

const roleSystems = new IntList();
const roleHolders = new IntList();
const feelingSystems = new IntList();
const feelingHolders = new IntList();

/**
 * Person P holds role R in system S when R is one of P's member roles in S,
 * the fromRole of a relation from P, or the toRole of a relation to P
 * (analysis.md, "Holding a role"). Reused by the next analysis, like NumberedCase.
 */
export function holdingsOf(numbered: NumberedCase): Holdings {
  const words = Math.max(1, Math.ceil(numbered.people.count / 32));
  const roleCount = numbered.vocabulary.roleCount;
  const feelingCount = numbered.vocabulary.feelingCount;
  const holdings: Holdings = {
    words,
    roleSystems: roleSystems.fill(roleCount, 0),
    roleHolders: roleHolders.fill(roleCount * SYSTEM_COUNT * words, 0),
    feelingSystems: feelingSystems.fill(feelingCount, 0),
    feelingHolders: feelingHolders.fill(feelingCount * SYSTEM_COUNT * words, 0),
  };

  const members = numbered.memberRoles;
  for (let at = 0; at < members.length; at += HOLDING_STRIDE) {
    const { items } = members;
    hold(holdings.roleSystems, holdings.roleHolders, words, items[at + 2] as number, items[at] as number, items[at + 1] as number);
  }
  const feelings = numbered.memberFeelings;
  for (let at = 0; at < feelings.length; at += HOLDING_STRIDE) {
    const { items } = feelings;
    hold(holdings.feelingSystems, holdings.feelingHolders, words, items[at + 2] as number, items[at] as number, items[at + 1] as number);
  }
  const relations = numbered.relationNumbers;
  for (let at = 0; at < relations.length; at += RELATION_STRIDE) {
    const { items } = relations;
    const system = items[at] as number;
    const fromRole = items[at + 3] as number;
    const toRole = items[at + 4] as number;
    if (fromRole !== NO_ROLE) hold(holdings.roleSystems, holdings.roleHolders, words, fromRole, system, items[at + 1] as number);
    if (toRole !== NO_ROLE) hold(holdings.roleSystems, holdings.roleHolders, words, toRole, system, items[at + 2] as number);
  }
  return holdings;
}

function hold(systems: Int32Array, holders: Int32Array, words: number, key: number, system: number, person: number): void {
  systems[key] = (systems[key] as number) | (1 << system);
  const word = (key * SYSTEM_COUNT + system) * words + (person >>> 5);
  holders[word] = (holders[word] as number) | (1 << (person & 31));
}

/** True when `person` is in the set of `key` in `system`; false for -1, "nobody". */
export function isHolder(holders: Int32Array, words: number, key: number, system: number, person: number): boolean {
  if (person < 0) return false;
  return (((holders[(key * SYSTEM_COUNT + system) * words + (person >>> 5)] as number) >>> (person & 31)) & 1) === 1;
}

/** True when a set of systems (bits as in Holdings) has two or three: an echo. */
export function recurs(systems: number): boolean {
  return (systems & (systems - 1)) !== 0;
}
