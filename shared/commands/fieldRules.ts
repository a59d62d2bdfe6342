import { CommandError } from './commandError';

/** The limits of case-format.md that an edit can run into. */
export const LIMITS = {
  name: 120,
  title: 200,
  label: 60,
  freeText: 20_000,
  people: 500,
  relationsPerSystem: 2_000,
} as const;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `value` trimmed; refused when it is empty or longer than `max`. `what` starts the message: "A name". */
export function trimmedText(value: string, what: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new CommandError('invalid', `${what} cannot be empty.`);
  if (text.length > max) {
    throw new CommandError('invalid', `${what} can be at most ${count(max)} characters; this one has ${count(text.length)}.`);
  }
  return text;
}

/**
 * Free text (summary, notes, a note, an act) as typed, or undefined when
 * empty: an optional field left blank is stored as absent, so clearing a
 * text and never writing one give the same case.
 */
export function optionalFreeText(value: string, what: string): string | undefined {
  if (value.length > LIMITS.freeText) {
    throw new CommandError(
      'invalid',
      `${what} can be at most ${count(LIMITS.freeText)} characters; this one has ${count(value.length)}. Shorten it first.`,
    );
  }
  return value === '' ? undefined : value;
}

/** Refuses an id the case file could not store. `what` names its owner: "a person". */
export function checkId(id: string, what: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new CommandError('invalid', `"${id}" cannot be the id of ${what}: use 1–64 letters, digits, "_" or "-".`);
  }
}

/** `base` with `key` set to `value`, or without `key` when `value` is undefined. */
export function withOptional<T extends object, K extends keyof T>(base: T, key: K, value: T[K] | undefined): T {
  const copy = { ...base };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function count(n: number): string {
  return n.toLocaleString('en');
}
