import type { Case, CustomFeeling, CustomRole, Member, Relation, RelationalSystem } from '../case/schema';
import { BUILT_IN_FEELINGS } from '../library/feelings';
import { BUILT_IN_ROLES } from '../library/roles';
import { isSasbCode, type SasbCode } from '../library/sasb';
import type { CommandOf } from './caseCommand';
import { CommandError } from './commandError';
import { mapSystems } from './caseParts';
import { LIMITS, checkId, trimmedText, withOptional } from './fieldRules';

/** Adds a role of the case's own, optionally placed on the SASB model. */
export function addCustomRole(kase: Case, { role }: CommandOf<'add-custom-role'>): Case {
  checkId(role.id, 'a custom role');
  const builtIn = BUILT_IN_ROLES.find((r) => r.id === role.id);
  if (builtIn) {
    throw new CommandError('not-allowed', `"${role.id}" is the id of the built-in role "${builtIn.label}"; give the custom role another id.`);
  }
  const existing = kase.customRoles.find((r) => r.id === role.id);
  if (existing) {
    throw new CommandError('not-allowed', `The custom role "${existing.label}" already has the id "${role.id}"; give the new role another id.`);
  }
  const label = trimmedText(role.label, 'A role label', LIMITS.label);
  const added = withOptional<CustomRole, 'sasb'>({ id: role.id, label }, 'sasb', checkedSasb(role.sasb));
  return { ...kase, customRoles: [...kase.customRoles, added] };
}

/** Relabels a custom role or changes its SASB code (null clears the code). */
export function updateCustomRole(kase: Case, { roleId, label, sasb }: CommandOf<'update-custom-role'>): Case {
  const role = findCustomRole(kase, roleId);
  const nextLabel = label === undefined ? role.label : trimmedText(label, 'A role label', LIMITS.label);
  const nextSasb = sasb === undefined ? role.sasb : checkedSasb(sasb ?? undefined);
  if (nextLabel === role.label && nextSasb === role.sasb) return kase;
  const next = withOptional<CustomRole, 'sasb'>({ ...role, label: nextLabel }, 'sasb', nextSasb);
  return { ...kase, customRoles: kase.customRoles.map((r) => (r === role ? next : r)) };
}

/** Removes a custom role, and takes it off every member and every relation end that used it. */
export function removeCustomRole(kase: Case, { roleId }: CommandOf<'remove-custom-role'>): Case {
  const role = findCustomRole(kase, roleId);
  const withoutRole = { ...kase, customRoles: kase.customRoles.filter((r) => r !== role) };
  return mapSystems(withoutRole, (system) => withoutRoleIn(system, roleId));
}

/** Adds a feeling of the case's own. */
export function addCustomFeeling(kase: Case, { feeling }: CommandOf<'add-custom-feeling'>): Case {
  checkId(feeling.id, 'a custom feeling');
  const builtIn = BUILT_IN_FEELINGS.find((f) => f.id === feeling.id);
  if (builtIn) {
    throw new CommandError(
      'not-allowed',
      `"${feeling.id}" is the id of the built-in feeling "${builtIn.label}"; give the custom feeling another id.`,
    );
  }
  const existing = kase.customFeelings.find((f) => f.id === feeling.id);
  if (existing) {
    throw new CommandError(
      'not-allowed',
      `The custom feeling "${existing.label}" already has the id "${feeling.id}"; give the new feeling another id.`,
    );
  }
  const added: CustomFeeling = { id: feeling.id, label: trimmedText(feeling.label, 'A feeling label', LIMITS.label) };
  return { ...kase, customFeelings: [...kase.customFeelings, added] };
}

/** Removes a custom feeling, and takes it off every member that reported it. */
export function removeCustomFeeling(kase: Case, { feelingId }: CommandOf<'remove-custom-feeling'>): Case {
  const feeling = kase.customFeelings.find((f) => f.id === feelingId);
  if (!feeling) throw new CommandError('not-found', `This case has no custom feeling "${feelingId}"; it may have been removed already.`);
  const withoutFeeling = { ...kase, customFeelings: kase.customFeelings.filter((f) => f !== feeling) };
  return mapSystems(withoutFeeling, (system) => {
    if (!system.members.some((m) => m.feelings.includes(feelingId))) return system;
    const members = system.members.map((m): Member =>
      m.feelings.includes(feelingId) ? { ...m, feelings: m.feelings.filter((id) => id !== feelingId) } : m,
    );
    return { ...system, members };
  });
}

function findCustomRole(kase: Case, roleId: string): CustomRole {
  const role = kase.customRoles.find((r) => r.id === roleId);
  if (!role) throw new CommandError('not-found', `This case has no custom role "${roleId}"; it may have been removed already.`);
  return role;
}

function checkedSasb(code: string | undefined): SasbCode | undefined {
  if (code === undefined) return undefined;
  if (!isSasbCode(code)) {
    throw new CommandError('invalid', `"${code}" is not a SASB code; use other.N, self.N or introject.N with N from 1 to 8.`);
  }
  return code;
}

function withoutRoleIn(system: RelationalSystem, roleId: string): RelationalSystem {
  const usedByMember = system.members.some((m) => m.roles.includes(roleId));
  const usedByRelation = system.relations.some((r) => r.fromRole === roleId || r.toRole === roleId);
  if (!usedByMember && !usedByRelation) return system;
  const members = system.members.map((m): Member =>
    m.roles.includes(roleId) ? { ...m, roles: m.roles.filter((id) => id !== roleId) } : m,
  );
  const relations = system.relations.map((r): Relation => {
    let next = r;
    if (next.fromRole === roleId) next = withOptional(next, 'fromRole', undefined);
    if (next.toRole === roleId) next = withOptional(next, 'toRole', undefined);
    return next;
  });
  return { ...system, members, relations };
}
