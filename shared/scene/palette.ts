import type { Person } from '../case/schema';
import type { PersonKind } from '../case/systems';

/**
 * The person colours of every map, on screen and on paper: the client always
 * blue, the therapist green, the supervisor purple, so a clinician learns
 * them once; the others in cast order. Each carries white text at WCAG AA.
 */
export const PERSON_KIND_COLOURS: Record<Exclude<PersonKind, 'other'>, string> = {
  client: '#1f5c99',
  therapist: '#2b6e47',
  supervisor: '#6b4c9a',
};

export const OTHER_PERSON_COLOURS: readonly string[] = ['#a34f2a', '#2f6f78', '#9c3a5c', '#7a6217', '#55606e', '#7a5535'];

/**
 * Colours for the echoes highlighted on a printed or exported map (the
 * Okabe–Ito orange, vermillion and sky blue): apart from every person colour,
 * and told apart by most readers with a colour-vision deficiency.
 */
export const HIGHLIGHT_COLOURS: readonly string[] = ['#e69f00', '#d55e00', '#56b4e9'];

/** The colour of one person, the same in every map: by kind, and for others by their place among the others. */
export function personColour(people: readonly Person[], personId: string): string {
  const person = people.find((p) => p.id === personId);
  if (!person) return OTHER_PERSON_COLOURS[OTHER_PERSON_COLOURS.length - 1] as string;
  if (person.kind !== 'other') return PERSON_KIND_COLOURS[person.kind];
  const othersBefore = people.filter((p) => p.kind === 'other').findIndex((p) => p.id === personId);
  return OTHER_PERSON_COLOURS[othersBefore % OTHER_PERSON_COLOURS.length] as string;
}
