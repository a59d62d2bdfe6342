import type { Person } from '../case/schema';
import { letterRuns } from './pseudonyms';
import { isDescriptiveName, isImpersonalWord } from './relationWords';

/** One piece of text that identifies a person, and what replaces it. */
export interface NameTerm {
  /** As written in the cast: a full name, or one part of it. */
  term: string;
  personId: string;
  label: string;
}

// Letters and combining marks make words; everything else (spaces,
// punctuation, digits, "@", ".", "_") separates them, so a name is found in
// "owen.smith@clinic.org" or "Owen2" but never inside "Owens" or "Annual".
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}])';
const APOSTROPHES = /['’ʼ]/g;
const APOSTROPHE = /['’ʼ]/;
const MIN_PART_LETTERS = 2;

/**
 * Every piece of text that names someone in the cast, longest first: each
 * person's full name, then each part of it (a word, or a run of letters, of
 * two letters or more: "Mary-Jane Smith" gives "Mary-Jane", "Mary", "Jane",
 * "Smith"). Names that only describe a relation ("Father", "Older sister")
 * and the words titles and relations are made of ("Dr", "manager") name
 * nobody and are left out. A part shared by two people goes to the one
 * whose full name it is, else to the first in the cast.
 */
export function nameTerms(people: readonly Person[], pseudonyms: Readonly<Record<string, string>>): NameTerm[] {
  const byKey = new Map<string, NameTerm>();
  const add = (term: string, person: Person) => {
    const key = termKey(term);
    if (key === '' || byKey.has(key)) return;
    byKey.set(key, { term, personId: person.id, label: pseudonyms[person.id] ?? 'Person' });
  };
  const named = people.filter((person) => !isDescriptiveName(person.name));
  for (const person of named) add(person.name.replace(/\s+/g, ' ').trim(), person);
  for (const person of named) {
    for (const part of nameParts(person.name)) add(part, person);
  }
  return [...byKey.values()].sort((a, b) => b.term.length - a.term.length || compare(a.term, b.term));
}

/**
 * A function that replaces every cast name in a text by the person's label,
 * as whole words in any capitalisation, possessives included ("OWEN's" →
 * "Client's"). Names that are also common words ("Will", "Hope", "Grace")
 * are replaced like any other: a leaked name is worse than an odd sentence,
 * and the preview shows the result before anything leaves the app. A name
 * of a single letter ("S") is replaced only as written, in capitals, and
 * never right after an apostrophe, so the "s" of a possessive survives.
 */
export function createNameReplacer(terms: readonly NameTerm[]): (text: string) => string {
  if (terms.length === 0) return (text) => text;
  // One capturing group per term: which group matched says which term it
  // was, whatever case folding the regular expression applied.
  const alternatives = terms.map((term) => `(${termPattern(term.term)})`).join('|');
  const pattern = new RegExp(`${NOT_LETTER_BEFORE}(?:${alternatives})${NOT_LETTER_AFTER}`, 'giu');
  return (text) =>
    text.normalize('NFC').replace(pattern, (found: string, ...rest: unknown[]) => {
      const index = rest.findIndex((group) => typeof group === 'string');
      const term = terms[index] as NameTerm;
      const offset = rest[terms.length] as number;
      const whole = rest[terms.length + 1] as string;
      if (isInitial(term.term) && (found !== term.term || APOSTROPHE.test(whole.charAt(offset - 1)))) return found;
      return term.label;
    });
}

/** The parts of a name worth searching for on their own: words and letter runs of two letters or more. */
function nameParts(name: string): string[] {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, ''))
    .filter((word) => word !== '');
  const parts = [...words, ...letterRuns(name)];
  return parts.filter((part) => letterCount(part) >= MIN_PART_LETTERS && !isImpersonalWord(part));
}

/** How a term and a match are compared: case, spacing and the kind of apostrophe do not count. */
function termKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(APOSTROPHES, "'").trim();
}

function termPattern(term: string): string {
  return term
    .normalize('NFC')
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(APOSTROPHES, "['’ʼ]");
}

function isInitial(term: string): boolean {
  return letterCount(term) < MIN_PART_LETTERS;
}

function letterCount(text: string): number {
  return text.match(/[\p{L}\p{M}]/gu)?.length ?? 0;
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
