import type { Person } from '../../shared/case/schema';
import type { PersonKind } from '../../shared/case/systems';

/**
 * Fixed hues for the three people every case revolves around, so a clinician
 * learns them once: the client is always blue, the therapist green, the
 * supervisor purple. Every colour carries white text at WCAG AA (≥ 4.5:1).
 */
export const KIND_COLOURS: Record<Exclude<PersonKind, 'other'>, string> = {
  client: '#1f5c99',
  therapist: '#2b6e47',
  supervisor: '#6b4c9a',
};

/** Colours for everyone else, in the order they appear in the case's cast. */
export const OTHER_COLOURS: readonly string[] = ['#a34f2a', '#2f6f78', '#9c3a5c', '#7a6217', '#55606e', '#7a5535'];

/**
 * The colour of one person, the same in every map of the case: derived from
 * their kind, and for others from their place among the case's other people,
 * never from the system being drawn.
 */
export function personColour(people: readonly Person[], personId: string): string {
  const person = people.find((p) => p.id === personId);
  if (!person) return OTHER_COLOURS[OTHER_COLOURS.length - 1] as string;
  if (person.kind !== 'other') return KIND_COLOURS[person.kind];
  const othersBefore = people.filter((p) => p.kind === 'other').findIndex((p) => p.id === personId);
  return OTHER_COLOURS[othersBefore % OTHER_COLOURS.length] as string;
}
