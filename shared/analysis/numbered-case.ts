import type { Case, Relation } from '../case/schema';
import { SYSTEM_IDS } from '../case/systems';
import { IntList } from './int-list';
import { PersonOrder } from './person-order';
import { CaseVocabulary } from './vocabulary';

/** The systems' numbers, in SYSTEM_IDS order. */
export const CLIENT = 0;
export const THERAPY = 1;
export const SUPERVISION = 2;
export const SYSTEM_COUNT = SYSTEM_IDS.length;

/** Numbers per member role or feeling in NumberedCase's lists: system, person, role or feeling. */
export const HOLDING_STRIDE = 3;
/** Numbers per relation in NumberedCase's list: system, from, to, fromRole, toRole. */
export const RELATION_STRIDE = 5;
/** In place of a role a relation does not name. */
export const NO_ROLE = -1;

/**
 * A case with every id it names turned into a small integer: people by
 * PersonOrder, roles and feelings by CaseVocabulary, systems 0 (client),
 * 1 (therapy), 2 (supervision). Each id is looked up once, here; everything
 * after works on numbers (docs/benchmarks.md). The lists are reused by the
 * next analysis: read them before starting another.
 */
export interface NumberedCase {
  people: PersonOrder;
  vocabulary: CaseVocabulary;
  /** Member roles: HOLDING_STRIDE numbers each. */
  memberRoles: IntList;
  /** Member feelings: HOLDING_STRIDE numbers each. */
  memberFeelings: IntList;
  /** The relations of all systems, in system order then the case's order; a relation's number is its index here. */
  relations: Relation[];
  /**
   * RELATION_STRIDE numbers per relation, in the same order. A relation to
   * oneself is a stance with one role only (case-format.md): its toRole is NO_ROLE.
   */
  relationNumbers: IntList;
}

const memberRoles = new IntList();
const memberFeelings = new IntList();
const relationNumbers = new IntList();

/** Numbers every id of a case in one pass over its members and relations. */
export function numberCase(kase: Case): NumberedCase {
  const people = new PersonOrder(kase.people);
  const vocabulary = new CaseVocabulary(kase);
  let relationCount = 0;
  for (const system of SYSTEM_IDS) relationCount += kase.systems[system].relations.length;
  const relations = new Array<Relation>(relationCount);
  memberRoles.reset(64);
  memberFeelings.reset(128);
  relationNumbers.reset(relationCount * RELATION_STRIDE);

  let index = 0;
  for (let system = CLIENT; system < SYSTEM_COUNT; system += 1) {
    const { members, relations: systemRelations } = kase.systems[SYSTEM_IDS[system] as (typeof SYSTEM_IDS)[number]];
    for (const member of members) {
      const person = people.numberOf(member.person);
      for (const role of member.roles) {
        memberRoles.push(system);
        memberRoles.push(person);
        memberRoles.push(vocabulary.roleNumber(role));
      }
      for (const feeling of member.feelings) {
        memberFeelings.push(system);
        memberFeelings.push(person);
        memberFeelings.push(vocabulary.feelingNumber(feeling));
      }
    }
    for (const relation of systemRelations) {
      relations[index] = relation;
      index += 1;
      const { fromRole, toRole } = relation;
      const from = people.numberOf(relation.from);
      const to = people.numberOf(relation.to);
      relationNumbers.push(system);
      relationNumbers.push(from);
      relationNumbers.push(to);
      relationNumbers.push(fromRole === undefined ? NO_ROLE : vocabulary.roleNumber(fromRole));
      relationNumbers.push(toRole === undefined || from === to ? NO_ROLE : vocabulary.roleNumber(toRole));
    }
  }

  const renumbered = people.renumber();
  if (renumbered !== undefined) {
    renumberPeople(memberRoles, HOLDING_STRIDE, [1], renumbered);
    renumberPeople(memberFeelings, HOLDING_STRIDE, [1], renumbered);
    renumberPeople(relationNumbers, RELATION_STRIDE, [1, 2], renumbered);
  }
  return { people, vocabulary, memberRoles, memberFeelings, relations, relationNumbers };
}

/**
 * Rewrites the person numbers (at `offsets` in each entry of `stride` numbers)
 * after PersonOrder.renumber; only a case naming people it does not list gets here.
 */
function renumberPeople(list: IntList, stride: number, offsets: readonly number[], renumbered: Int32Array): void {
  const { items } = list;
  for (let start = 0; start < list.length; start += stride) {
    for (const offset of offsets) items[start + offset] = renumbered[items[start + offset] as number] as number;
  }
}
