import type { Case, Person } from '../case/schema';
import { SYSTEM_NAMES } from '../case/systems';
import type { CommandOf } from './caseCommand';
import { CommandError } from './commandError';
import {
  KIND_WORDS,
  emptyMember,
  findPerson,
  holderOf,
  mapSystems,
  withRequiredMembers,
  withoutPerson,
} from './caseParts';
import { LIMITS, checkId, optionalFreeText, trimmedText, withOptional } from './fieldRules';

/**
 * Adds a person and makes them a member of the chosen systems. A new
 * supervisor joins supervision with the therapist, as the case requires; the
 * client and the therapist exist from the start, so another cannot be added.
 */
export function addPerson(kase: Case, { person, systems }: CommandOf<'add-person'>): Case {
  checkId(person.id, 'a person');
  if (kase.people.some((p) => p.id === person.id)) {
    throw new CommandError('not-allowed', `Someone in this case already has the id "${person.id}"; choose another id.`);
  }
  if (kase.people.length >= LIMITS.people) {
    throw new CommandError('not-allowed', `A case can hold at most ${LIMITS.people} people; remove someone before adding another.`);
  }
  const name = trimmedText(person.name, 'A name', LIMITS.name);
  const note = optionalFreeText(person.note ?? '', 'A note');
  if (person.kind !== 'other') {
    const holder = holderOf(kase.people, person.kind);
    if (holder) {
      throw new CommandError(
        'not-allowed',
        `${holder.name} is already ${KIND_WORDS[person.kind]}, and a case has only one. Add ${name} as another person, then make them ${KIND_WORDS[person.kind]} if you need to.`,
      );
    }
  }
  const joins = new Set(systems);
  if (person.kind === 'supervisor') joins.add('supervision');
  else if (joins.has('supervision') && !holderOf(kase.people, 'supervisor')) {
    throw new CommandError('not-allowed', `${SYSTEM_NAMES.supervision} needs a supervisor first: add the supervisor, then add ${name} to it.`);
  }

  const added = withOptional<Person, 'note'>({ id: person.id, name, kind: person.kind }, 'note', note);
  const withPerson = withRequiredMembers({ ...kase, people: [...kase.people, added] });
  return mapSystems(withPerson, (system, id) =>
    joins.has(id) && !system.members.some((m) => m.person === added.id)
      ? { ...system, members: [...system.members, emptyMember(added.id)] }
      : system,
  );
}

/** Renames a person; the name is trimmed. */
export function renamePerson(kase: Case, { personId, name }: CommandOf<'rename-person'>): Case {
  const person = findPerson(kase, personId);
  const next = trimmedText(name, 'A name', LIMITS.name);
  return next === person.name ? kase : withPersonChanged(kase, { ...person, name: next });
}

/** Sets the note on a person; an empty note is stored as none. */
export function setPersonNote(kase: Case, { personId, note }: CommandOf<'set-person-note'>): Case {
  const person = findPerson(kase, personId);
  const next = optionalFreeText(note, `The note on ${person.name}`);
  if ((person.note ?? '') === (next ?? '')) return kase;
  return withPersonChanged(kase, withOptional(person, 'note', next));
}

/**
 * Changes what kind of person someone is, keeping one client, one therapist
 * and at most one supervisor:
 * - the client and the therapist cannot simply stop being so (the case would
 *   have none); instead another person is made the client or therapist;
 * - making someone the client, therapist or supervisor hands the kind over:
 *   whoever held it becomes "other" and stays where they are, and the new
 *   holder joins the systems that kind must be in;
 * - when the case loses its supervisor (supervisor made "other", or made the
 *   client or therapist), supervision is emptied of members and relations, as
 *   a case without a supervisor requires. A clinician expects "not the
 *   supervisor any more" to end the supervision map, not to be told to take
 *   it apart by hand first; Undo brings the map back whole.
 */
export function setPersonKind(kase: Case, { personId, kind }: CommandOf<'set-person-kind'>): Case {
  const person = findPerson(kase, personId);
  if (person.kind === kind) return kase;
  if (person.kind === 'client' || person.kind === 'therapist') {
    const role = KIND_WORDS[person.kind];
    throw new CommandError(
      'not-allowed',
      `${person.name} is ${role}, and a case has exactly one. To change who is ${role}, make another person ${role} instead.`,
    );
  }
  const displaced = kind === 'other' ? undefined : holderOf(kase.people, kind);
  const people = kase.people.map((p): Person => {
    if (p === person) return { ...p, kind };
    if (p === displaced) return { ...p, kind: 'other' };
    return p;
  });
  return withRequiredMembers({ ...kase, people });
}

/**
 * Removes a person with their memberships and every relation they take part
 * in. The client and the therapist cannot be removed; removing the supervisor
 * empties supervision (Undo brings it back).
 */
export function removePerson(kase: Case, { personId }: CommandOf<'remove-person'>): Case {
  const person = findPerson(kase, personId);
  if (person.kind === 'client' || person.kind === 'therapist') {
    const role = KIND_WORDS[person.kind];
    throw new CommandError(
      'not-allowed',
      `${person.name} is ${role} and cannot be removed: a case has exactly one. Make another person ${role} first, or rename ${person.name}.`,
    );
  }
  const people = kase.people.filter((p) => p !== person);
  const withoutThem = mapSystems({ ...kase, people }, (system) => withoutPerson(system, personId));
  return withRequiredMembers(withoutThem);
}

function withPersonChanged(kase: Case, changed: Person): Case {
  return { ...kase, people: kase.people.map((p) => (p.id === changed.id ? changed : p)) };
}
