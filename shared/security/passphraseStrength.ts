/** The shortest passphrase Triptych accepts; passphraseStrength guides towards a longer one. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** True when `passphrase` is long enough for the vault to accept it (counted in characters, after NFC). */
export function isLongEnough(passphrase: string): boolean {
  const normalized = passphrase.normalize('NFC');
  return [...normalized].length >= MIN_PASSPHRASE_LENGTH && normalized.trim() !== '';
}

/** How hard a passphrase is to guess (0 weakest … 4 strongest) and what would improve it. */
export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  hint: string;
}

// The first things anyone tries, and words from the clinician's own setting.
// Kept short on purpose: this guides the choice, it is not a cracking dictionary.
const COMMON_WORDS = [
  'password', 'passwort', 'passphrase', 'letmein', 'welcome', 'iloveyou', 'admin', 'secret', 'qwerty', 'azerty',
  'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'summer', 'winter', 'spring', 'autumn',
  'triptych', 'therapy', 'therapist', 'supervision', 'supervisor', 'client', 'clinic', 'counselling', 'counseling',
];
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qwertzuiop', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const SEPARATOR = /^[\s._-]$/u;
const LETTER = /^\p{L}$/u;
const YEAR = /^(?:19|20)\d\d$/;
// Estimated bits of guessing work: a common word is one pick from a short
// list, a year one of ~200, and a letter inside a word far less than a random
// character (English words carry roughly 2.3 bits a letter).
const COMMON_WORD_BITS = 5;
const YEAR_BITS = 7.6;
const PATTERN_BITS = 1;
const WORD_LETTER_BITS = 2.3;
const SEPARATOR_BITS = 1;
// Score thresholds in estimated bits.
const THRESHOLDS = [28, 45, 60, 80] as const;

/**
 * Estimates the strength of a passphrase from its length and variety, after
 * discounting common words, years, repeats and keyboard runs, and crediting
 * letters inside a word less than random characters. A rough guide for the
 * "choose a passphrase" screen, not a guarantee.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.join('').trim() === '') return { score: 0, hint: 'Type a passphrase: a few unrelated words are strong and easy to remember.' };

  const randomBits = Math.log2(poolSize(characters.join('')));
  const commonWords = findCommonWords(characters);
  let bits = 0;
  let hasCommonWord = false;
  let hasPattern = false;
  for (let index = 0; index < characters.length; ) {
    const wordLength = commonWords.get(index);
    if (wordLength !== undefined) {
      bits += COMMON_WORD_BITS;
      index += wordLength;
      hasCommonWord = true;
      continue;
    }
    if (YEAR.test(characters.slice(index, index + 4).join('')) && !/\d/.test(characters[index - 1] ?? '')) {
      bits += YEAR_BITS;
      index += 4;
      hasPattern = true;
      continue;
    }
    const current = characters[index] ?? '';
    const previous = characters[index - 1];
    if (continuesPattern(characters.slice(Math.max(0, index - 2), index + 1))) {
      bits += PATTERN_BITS;
      hasPattern = true;
    } else if (index > 0 && SEPARATOR.test(current)) {
      bits += SEPARATOR_BITS;
    } else if (previous !== undefined && continuesWord(previous, current)) {
      bits += WORD_LETTER_BITS;
    } else {
      bits += randomBits;
    }
    index += 1;
  }

  const score = THRESHOLDS.filter((threshold) => bits >= threshold).length as PassphraseStrength['score'];
  return { score, hint: hintFor(score, characters.length, hasCommonWord, hasPattern) };
}

/** Start index → length of each common word, matched case-blind and through simple letter-for-digit swaps. */
function findCommonWords(characters: string[]): Map<number, number> {
  const lowered = characters.map((character) => {
    const lower = character.toLowerCase();
    return [...lower].length === 1 ? (LEET[lower] ?? lower) : character;
  });
  const starts = new Map<number, number>();
  for (let index = 0; index < lowered.length; index++) {
    const word = COMMON_WORDS.find((candidate) => lowered.slice(index, index + candidate.length).join('') === candidate);
    if (word === undefined) continue;
    starts.set(index, word.length);
    index += word.length - 1;
  }
  return starts;
}

/** Three characters alike, or three in a row along the keyboard or the alphabet ("aaa", "qwe", "321"). */
function continuesPattern(triple: string[]): boolean {
  if (triple.length < 3) return false;
  const run = triple.join('').toLowerCase();
  return new Set(triple).size === 1 || KEYBOARD_ROWS.some((row) => row.includes(run) || [...row].reverse().join('').includes(run));
}

/** A lower-case letter after a letter, or a capital inside an all-capitals word, reads as part of a word. */
function continuesWord(previous: string, current: string): boolean {
  if (!LETTER.test(previous) || !LETTER.test(current)) return false;
  const isUpper = (character: string) => character !== character.toLowerCase();
  return !isUpper(current) || isUpper(previous);
}

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) pool += 33;
  if (/[^\x00-\x7f]/.test(text)) pool += 64;
  return Math.max(pool, 2);
}

function hintFor(score: PassphraseStrength['score'], length: number, hasCommonWord: boolean, hasPattern: boolean): string {
  if (score === 4) return 'Very strong.';
  if (score === 3) return 'Strong. Keep it somewhere safe until you know it by heart.';
  if (hasCommonWord) return 'It contains a word that is among the first anyone would try; use unrelated words that mean something only to you.';
  if (hasPattern) return 'Repeated characters, keyboard runs and years are easy to guess; add a few unrelated words instead.';
  if (length < 16) return 'Make it longer: four or more unrelated words are strong and easy to remember.';
  return 'Add another unrelated word or two to make it strong.';
}
