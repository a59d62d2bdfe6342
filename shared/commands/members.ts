import type { Case } from '../case/schema';
import { SYSTEM_NAMES } from '../case/systems';
import type { CommandOf } from './caseCommand';
import { CommandError } from './commandError';
import {
  KIND_WORDS,
  emptyMember,
  findMember,
  findPerson,
  holderOf,
  knownFeelingIds,
  knownRoleIds,
  requiredPeople,
  withMember,
  withSystem,
  withoutPerson,
} from './caseParts';

/** Makes a person a member of a system; supervision takes members only once the case has a supervisor. */
export function addMember(kase: Case, { system, personId }: CommandOf<'add-member'>): Case {
  const person = findPerson(kase, personId);
  const current = kase.systems[system];
  if (current.members.some((m) => m.person === personId)) return kase;
  if (system === 'supervision' && !holderOf(kase.people, 'supervisor')) {
    throw new CommandError('not-allowed', `${SYSTEM_NAMES.supervision} needs a supervisor first: add the supervisor, then add ${person.name} to it.`);
  }
  return withSystem(kase, system, { ...current, members: [...current.members, emptyMember(personId)] });
}

/**
 * Takes a person out of a system, with the relations they take part in there.
 * The people a system must hold (case-format.md) cannot be taken out.
 */
export function removeMember(kase: Case, { system, personId }: CommandOf<'remove-member'>): Case {
  const person = findPerson(kase, personId);
  if (requiredPeople(kase.people, system).includes(person)) {
    throw new CommandError(
      'not-allowed',
      `${person.name} is ${KIND_WORDS[person.kind]} and must stay in ${SYSTEM_NAMES[system]}; they cannot be taken out of it.`,
    );
  }
  return withSystem(kase, system, withoutPerson(kase.systems[system], personId));
}

/** Sets the roles a member holds in a system; repeats are dropped, unknown roles refused. */
export function setMemberRoles(kase: Case, { system, personId, roles }: CommandOf<'set-member-roles'>): Case {
  findMember(kase, system, personId);
  const known = knownRoleIds(kase);
  const unknown = roles.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new CommandError('not-found', `There is no role "${unknown}" in this case; choose one from the list, or add it as a custom role first.`);
  }
  const next = [...new Set(roles)];
  return withSystem(
    kase,
    system,
    withMember(kase.systems[system], personId, (member) => (sameList(member.roles, next) ? member : { ...member, roles: next })),
  );
}

/** Sets the feelings a member reports in a system; repeats are dropped, unknown feelings refused. */
export function setMemberFeelings(kase: Case, { system, personId, feelings }: CommandOf<'set-member-feelings'>): Case {
  findMember(kase, system, personId);
  const known = knownFeelingIds(kase);
  const unknown = feelings.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new CommandError(
      'not-found',
      `There is no feeling "${unknown}" in this case; choose one from the list, or add it as a custom feeling first.`,
    );
  }
  const next = [...new Set(feelings)];
  return withSystem(
    kase,
    system,
    withMember(kase.systems[system], personId, (member) =>
      sameList(member.feelings, next) ? member : { ...member, feelings: next },
    ),
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
