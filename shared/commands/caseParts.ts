import type { Case, Member, Person, RelationalSystem } from '../case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type PersonKind, type SystemId } from '../case/systems';
import { BUILT_IN_FEELING_IDS } from '../library/feelings';
import { BUILT_IN_ROLE_IDS } from '../library/roles';
import { CommandError } from './commandError';

/** The kinds a case holds exactly (client, therapist) or at most (supervisor) one of. */
export type SingleKind = Exclude<PersonKind, 'other'>;

/** How a clinician reads a kind in a sentence: "the client". */
export const KIND_WORDS: Record<PersonKind, string> = {
  client: 'the client',
  therapist: 'the therapist',
  supervisor: 'the supervisor',
  other: 'another person',
};

/** The person with `personId`; refused when the case has none. */
export function findPerson(kase: Case, personId: string): Person {
  const person = kase.people.find((p) => p.id === personId);
  if (!person) throw new CommandError('not-found', `This case has no person "${personId}"; they may have been removed already.`);
  return person;
}

/** The person of a single kind, if the case has one. */
export function holderOf(people: readonly Person[], kind: SingleKind): Person | undefined {
  return people.find((p) => p.kind === kind);
}

/**
 * Who must be a member of a system (case-format.md, "who must be present"):
 * the client in the client's world, client and therapist in therapy,
 * therapist and supervisor in supervision when there is a supervisor.
 */
export function requiredPeople(people: readonly Person[], system: SystemId): Person[] {
  const client = holderOf(people, 'client');
  const therapist = holderOf(people, 'therapist');
  const supervisor = holderOf(people, 'supervisor');
  const wanted = { client: [client], therapy: [client, therapist], supervision: supervisor ? [therapist, supervisor] : [] }[system];
  return wanted.filter((p) => p !== undefined);
}

/** The member of `system` for `personId`; refused when they are not in it. */
export function findMember(kase: Case, system: SystemId, personId: string): Member {
  const person = findPerson(kase, personId);
  const member = kase.systems[system].members.find((m) => m.person === personId);
  if (!member) throw new CommandError('not-found', `${person.name} is not in ${SYSTEM_NAMES[system]}; add them to it first.`);
  return member;
}

/** A fresh member entry with nothing recorded yet. */
export function emptyMember(personId: string): Member {
  return { person: personId, roles: [], feelings: [] };
}

/** `kase` with one system replaced; the same case when the system is unchanged. */
export function withSystem(kase: Case, system: SystemId, next: RelationalSystem): Case {
  if (kase.systems[system] === next) return kase;
  return { ...kase, systems: { ...kase.systems, [system]: next } };
}

/** `kase` with every system passed through `change`; unchanged systems keep their identity. */
export function mapSystems(kase: Case, change: (system: RelationalSystem, id: SystemId) => RelationalSystem): Case {
  let result = kase;
  for (const id of SYSTEM_IDS) result = withSystem(result, id, change(kase.systems[id], id));
  return result;
}

/** `system` with one member replaced through `change`; the same system when nothing changed. */
export function withMember(system: RelationalSystem, personId: string, change: (member: Member) => Member): RelationalSystem {
  let changed = false;
  const members = system.members.map((member) => {
    if (member.person !== personId) return member;
    const next = change(member);
    if (next !== member) changed = true;
    return next;
  });
  return changed ? { ...system, members } : system;
}

/** `system` without `personId` as a member, and without the relations they take part in. */
export function withoutPerson(system: RelationalSystem, personId: string): RelationalSystem {
  const members = system.members.filter((m) => m.person !== personId);
  const relations = system.relations.filter((r) => r.from !== personId && r.to !== personId);
  if (members.length === system.members.length && relations.length === system.relations.length) return system;
  return { ...system, members, relations };
}

/**
 * Adds every required member a system lacks (after a change of who is the
 * client, therapist or supervisor), and empties supervision of members and
 * relations when the case no longer has a supervisor. Supervision notes are
 * kept: they are the clinician's own writing and the case file allows them.
 */
export function withRequiredMembers(kase: Case): Case {
  return mapSystems(kase, (system, id) => {
    if (id === 'supervision' && !holderOf(kase.people, 'supervisor')) {
      return system.members.length === 0 && system.relations.length === 0 ? system : { ...system, members: [], relations: [] };
    }
    const present = new Set(system.members.map((m) => m.person));
    const missing = requiredPeople(kase.people, id).filter((p) => !present.has(p.id));
    if (missing.length === 0) return system;
    return { ...system, members: [...system.members, ...missing.map((p) => emptyMember(p.id))] };
  });
}

/** Every role id a member or relation may use: the built-in library and the case's own. */
export function knownRoleIds(kase: Case): Set<string> {
  return new Set([...BUILT_IN_ROLE_IDS, ...kase.customRoles.map((r) => r.id)]);
}

/** Every feeling id a member may use: the built-in library and the case's own. */
export function knownFeelingIds(kase: Case): Set<string> {
  return new Set([...BUILT_IN_FEELING_IDS, ...kase.customFeelings.map((f) => f.id)]);
}

/** Every relation id in the case: they are unique across all three systems. */
export function relationIds(kase: Case): Set<string> {
  return new Set(SYSTEM_IDS.flatMap((id) => kase.systems[id].relations.map((r) => r.id)));
}
