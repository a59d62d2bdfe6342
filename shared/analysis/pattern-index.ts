import { ALL_SASB_CODES } from '../library/sasb';
import { IntList } from './int-list';
import { NO_ROLE, RELATION_STRIDE, SYSTEM_COUNT, type NumberedCase } from './numbered-case';
import type { CaseVocabulary } from './vocabulary';

/** Marks the end of a chain of relations or of role pairs. */
export const END = -1;
const CODE_COUNT = ALL_SASB_CODES.length;

/**
 * The relations of a case grouped by role pair (`fromRole` A, `toRole` B) and
 * by pair of SASB codes, without an object or array per group: a group is a
 * chain through integer tables (docs/benchmarks.md), and most groups, being
 * in one system only, are never read. Reused by the next analysis, like NumberedCase.
 */
export interface PatternIndex {
  /** Role pairs are numbered 0…pairCount-1 as met. */
  pairCount: number;
  pairFromRole: Int32Array;
  pairToRole: Int32Array;
  /** Per pair, a bit per system carrying it (as Holdings.roleSystems). */
  pairSystems: Int32Array;
  /** Per pair and system (`pair * 3 + system`), its first relation number; END for none. */
  firstRelation: Int32Array;
  /** Per relation number, the next relation of its pair in its system, in the case's order; END after the last. */
  nextRelation: Int32Array;
  /** Pairs of codes are numbered 0…codePairCount-1 as met. */
  codePairCount: number;
  /** Per code pair, `fromCode * 24 + toCode` (codes numbered as in ALL_SASB_CODES). */
  codePairCodes: Int32Array;
  /** Per code pair, a bit per system carrying it. */
  codePairSystems: Int32Array;
  /** Per code pair, how many different role pairs carry it. */
  codePairRolePairs: Int32Array;
  /** Per code pair, its first role pair; the next in `nextPairOfCode`, END after the last. */
  firstPairOfCode: Int32Array;
  nextPairOfCode: Int32Array;
}

const pairFromRole = new IntList();
const pairToRole = new IntList();
const pairSystems = new IntList();
const firstRelation = new IntList();
const nextRelation = new IntList();
const codePairCodes = new IntList();
const codePairSystems = new IntList();
const codePairRolePairs = new IntList();
const firstPairOfCode = new IntList();
const nextPairOfCode = new IntList();
const codePairByCodes = new IntList();
const pairByRoles = new IntList();
/**
 * Up to this many possible role pairs (64 roles), a pair's number is found in
 * a table indexed by `fromRole * roles + toRole`, faster than a Map; a case
 * with more custom roles uses a Map, whose size follows the pairs it meets.
 */
const PAIR_TABLE_LIMIT = 64 * 64;

/** Groups the relations carrying a role at both ends (analysis.md, "Echo kinds" 4 and 5). */
export function patternIndexOf(numbered: NumberedCase): PatternIndex {
  const { relationNumbers, vocabulary } = numbered;
  const relationCount = numbered.relations.length;
  const roleCount = vocabulary.roleCount;
  // At most one new pair per relation, so these never grow during the pass.
  pairFromRole.reset(relationCount);
  pairToRole.reset(relationCount);
  pairSystems.reset(relationCount);
  firstRelation.reset(relationCount * SYSTEM_COUNT);
  nextRelation.reset(relationCount);
  codePairCodes.reset(relationCount);
  codePairSystems.reset(relationCount);
  codePairRolePairs.reset(relationCount);
  firstPairOfCode.reset(relationCount);
  nextPairOfCode.reset(relationCount);
  const codePairOf = codePairByCodes.fill(CODE_COUNT * CODE_COUNT, END);
  const pairTable = roleCount * roleCount <= PAIR_TABLE_LIMIT ? pairByRoles.fill(roleCount * roleCount, END) : undefined;
  const pairMap = pairTable === undefined ? new Map<number, number>() : undefined;

  const numbers = relationNumbers.items;
  const next = nextRelation.items;
  // From the last relation back: each is put at the head of its chain, so
  // chains read in the case's order, which is often already id order.
  for (let relation = relationCount - 1; relation >= 0; relation -= 1) {
    const at = relation * RELATION_STRIDE;
    const fromRole = numbers[at + 3] as number;
    const toRole = numbers[at + 4] as number;
    if (fromRole === NO_ROLE || toRole === NO_ROLE) continue;
    const system = numbers[at] as number;
    const key = fromRole * roleCount + toRole;
    let pair = pairTable === undefined ? (pairMap?.get(key) ?? END) : (pairTable[key] as number);
    if (pair === END) {
      pair = addPair(fromRole, toRole, vocabulary, codePairOf);
      if (pairTable === undefined) pairMap?.set(key, pair);
      else pairTable[key] = pair;
    }
    pairSystems.items[pair] = (pairSystems.items[pair] as number) | (1 << system);
    const head = pair * SYSTEM_COUNT + system;
    next[relation] = firstRelation.items[head] as number;
    firstRelation.items[head] = relation;
  }

  // A pair of codes is carried wherever any of its role pairs is.
  const codes = codePairSystems.items;
  for (let codePair = 0; codePair < codePairCodes.length; codePair += 1) {
    for (let pair = firstPairOfCode.items[codePair] as number; pair !== END; pair = nextPairOfCode.items[pair] as number) {
      codes[codePair] = (codes[codePair] as number) | (pairSystems.items[pair] as number);
    }
  }

  return {
    pairCount: pairSystems.length,
    pairFromRole: pairFromRole.items,
    pairToRole: pairToRole.items,
    pairSystems: pairSystems.items,
    firstRelation: firstRelation.items,
    nextRelation: next,
    codePairCount: codePairCodes.length,
    codePairCodes: codePairCodes.items,
    codePairSystems: codes,
    codePairRolePairs: codePairRolePairs.items,
    firstPairOfCode: firstPairOfCode.items,
    nextPairOfCode: nextPairOfCode.items,
  };
}

/** Numbers a role pair met for the first time, and files it under its pair of codes when both roles have one. */
function addPair(fromRole: number, toRole: number, vocabulary: CaseVocabulary, codePairOf: Int32Array): number {
  const pair = pairSystems.length;
  pairFromRole.push(fromRole);
  pairToRole.push(toRole);
  pairSystems.push(0);
  for (let system = 0; system < SYSTEM_COUNT; system += 1) firstRelation.push(END);
  nextPairOfCode.push(END);

  const fromCode = vocabulary.roleAt(fromRole).codeNumber;
  const toCode = vocabulary.roleAt(toRole).codeNumber;
  if (fromCode < 0 || toCode < 0) return pair;
  const codes = fromCode * CODE_COUNT + toCode;
  let codePair = codePairOf[codes] as number;
  if (codePair === END) {
    codePair = codePairCodes.length;
    codePairOf[codes] = codePair;
    codePairCodes.push(codes);
    codePairSystems.push(0);
    codePairRolePairs.push(0);
    firstPairOfCode.push(END);
  }
  codePairRolePairs.items[codePair] = (codePairRolePairs.items[codePair] as number) + 1;
  nextPairOfCode.items[pair] = firstPairOfCode.items[codePair] as number;
  firstPairOfCode.items[codePair] = pair;
  return pair;
}
