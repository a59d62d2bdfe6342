import type { Case, Relation } from '../case/schema';
import { SYSTEM_NAMES, type SystemId } from '../case/systems';
import type { CommandOf } from './caseCommand';
import { CommandError } from './commandError';
import { findPerson, knownRoleIds, relationIds, withSystem } from './caseParts';
import { LIMITS, checkId, optionalFreeText } from './fieldRules';

/** Draws a relation between two members of a system (or from a member to themself). */
export function addRelation(kase: Case, { system, relation }: CommandOf<'add-relation'>): Case {
  checkId(relation.id, 'a relation');
  if (relationIds(kase).has(relation.id)) {
    throw new CommandError('not-allowed', `A relation with the id "${relation.id}" already exists in this case; choose another id.`);
  }
  const current = kase.systems[system];
  if (current.relations.length >= LIMITS.relationsPerSystem) {
    throw new CommandError(
      'not-allowed',
      `${SYSTEM_NAMES[system]} already holds ${LIMITS.relationsPerSystem.toLocaleString('en')} relations, the most a system can hold; remove one before adding another.`,
    );
  }
  const added = checkedRelation(kase, system, relation);
  return withSystem(kase, system, { ...current, relations: [...current.relations, added] });
}

/**
 * Changes a relation's ends, roles or act. A role set to null is cleared; the
 * result must still be a valid relation, so making it a relation of a person
 * to themself needs the second role cleared in the same edit.
 */
export function updateRelation(kase: Case, { system, relationId, changes }: CommandOf<'update-relation'>): Case {
  const current = kase.systems[system];
  const relation = findRelation(kase, system, relationId);
  const draft: Relation = {
    id: relation.id,
    from: changes.from ?? relation.from,
    to: changes.to ?? relation.to,
    fromRole: changes.fromRole === undefined ? relation.fromRole : (changes.fromRole ?? undefined),
    toRole: changes.toRole === undefined ? relation.toRole : (changes.toRole ?? undefined),
    act: changes.act ?? relation.act,
  };
  const next = checkedRelation(kase, system, draft);
  const unchanged =
    next.from === relation.from &&
    next.to === relation.to &&
    next.fromRole === relation.fromRole &&
    next.toRole === relation.toRole &&
    (next.act ?? '') === (relation.act ?? '');
  if (unchanged) return kase;
  return withSystem(kase, system, { ...current, relations: current.relations.map((r) => (r === relation ? next : r)) });
}

/** Removes one relation. */
export function removeRelation(kase: Case, { system, relationId }: CommandOf<'remove-relation'>): Case {
  const current = kase.systems[system];
  const relation = findRelation(kase, system, relationId);
  return withSystem(kase, system, { ...current, relations: current.relations.filter((r) => r !== relation) });
}

function findRelation(kase: Case, system: SystemId, relationId: string): Relation {
  const relation = kase.systems[system].relations.find((r) => r.id === relationId);
  if (!relation) {
    throw new CommandError('not-found', `${SYSTEM_NAMES[system]} has no relation "${relationId}"; it may have been removed already.`);
  }
  return relation;
}

/**
 * A relation valid by case-format.md, holding only the fields that have a
 * value; refused when an end is not a member of the system, a role is
 * unknown, or a relation of a person to themself names a second role.
 */
function checkedRelation(kase: Case, system: SystemId, draft: Relation): Relation {
  const members = new Set(kase.systems[system].members.map((m) => m.person));
  for (const end of [draft.from, draft.to]) {
    const person = findPerson(kase, end);
    if (!members.has(end)) {
      throw new CommandError(
        'not-allowed',
        `${person.name} is not in ${SYSTEM_NAMES[system]}; add them to it before drawing a relation.`,
      );
    }
  }
  const roles = knownRoleIds(kase);
  for (const role of [draft.fromRole, draft.toRole]) {
    if (role !== undefined && !roles.has(role)) {
      throw new CommandError('not-found', `There is no role "${role}" in this case; choose one from the list, or add it as a custom role first.`);
    }
  }
  if (draft.from === draft.to && draft.toRole !== undefined) {
    const person = findPerson(kase, draft.from);
    throw new CommandError('invalid', `A relation of ${person.name} to themself has only one role; clear the second role.`);
  }
  const act = optionalFreeText(draft.act ?? '', 'The act');
  const relation: Relation = { id: draft.id, from: draft.from, to: draft.to };
  if (draft.fromRole !== undefined) relation.fromRole = draft.fromRole;
  if (draft.toRole !== undefined) relation.toRole = draft.toRole;
  if (act !== undefined) relation.act = act;
  return relation;
}
