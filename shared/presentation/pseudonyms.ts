import type { Person } from '../case/schema';
import type { PersonKind } from '../case/systems';
import { isDescriptiveName, isImpersonalWord, relationLabelIn } from './relationWords';

const KIND_LABELS: Record<Exclude<PersonKind, 'other'>, string> = {
  client: 'Client',
  therapist: 'Therapist',
  supervisor: 'Supervisor',
};

/**
 * A neutral label for every person of a case, by person id: Client,
 * Therapist and Supervisor by kind; anyone else by their role in the client's
 * life, taken from their name when it only describes a relation ("Older
 * sister" stays "Older sister"), else from the first relationship word in
 * their name or note ("his mother" → "Mother"), else their initials
 * ("Anna Bell" → "A. B."). A label already taken gets a number ("Sister 2"),
 * in the order of the cast.
 */
export function pseudonymsFor(people: readonly Person[]): Record<string, string> {
  const pseudonyms: Record<string, string> = {};
  const taken = new Set<string>();
  for (const person of people) {
    const base = baseLabel(person);
    let label = base;
    for (let number = 2; taken.has(label.toLowerCase()); number += 1) label = `${base} ${number}`;
    taken.add(label.toLowerCase());
    pseudonyms[person.id] = label;
  }
  return pseudonyms;
}

function baseLabel(person: Person): string {
  if (person.kind !== 'other') return KIND_LABELS[person.kind];
  const name = person.name.replace(/\s+/g, ' ').trim();
  if (isDescriptiveName(name)) return name.charAt(0).toUpperCase() + name.slice(1);
  return relationLabelIn(name) ?? relationLabelIn(person.note ?? '') ?? initials(name);
}

/** "Anna Bell" → "A. B."; titles are left out ("Dr Shah" → "S."); "Person" when the name has no letters. */
export function initials(name: string): string {
  const parts = letterRuns(name).filter((part) => !isImpersonalWord(part));
  if (parts.length === 0) return 'Person';
  return parts.map((part) => `${part.charAt(0).toUpperCase()}.`).join(' ');
}

/** The runs of letters in a name: "Mary-Jane O'Neill" → Mary, Jane, O, Neill. */
export function letterRuns(name: string): string[] {
  return name.match(/[\p{L}\p{M}]+/gu) ?? [];
}
