/**
 * The small vocabulary de-identification uses to tell a person's role in the
 * client's life from their name. A person named "Father" or "Line manager"
 * is already described rather than named; a person named "Linda" with the
 * note "his mother" becomes "Mother". Kept short on purpose: every word here
 * is one the pseudonyms can show, so it must never be a personal name.
 */

/** Relationship words, each with the label a person gets when their name or note uses it. */
const RELATIONS: readonly { label: string; words: readonly string[] }[] = [
  { label: 'Mother', words: ['mother', 'mum', 'mom', 'mam', 'mummy', 'mommy'] },
  { label: 'Father', words: ['father', 'dad', 'daddy'] },
  { label: 'Stepmother', words: ['stepmother', 'step-mother', 'stepmum', 'stepmom'] },
  { label: 'Stepfather', words: ['stepfather', 'step-father', 'stepdad'] },
  { label: 'Parent', words: ['parent'] },
  { label: 'Mother-in-law', words: ['mother-in-law'] },
  { label: 'Father-in-law', words: ['father-in-law'] },
  { label: 'Grandmother', words: ['grandmother', 'grandma', 'granny'] },
  { label: 'Grandfather', words: ['grandfather', 'grandpa', 'grandad', 'granddad'] },
  { label: 'Partner', words: ['partner', 'boyfriend', 'girlfriend', 'spouse'] },
  { label: 'Husband', words: ['husband'] },
  { label: 'Wife', words: ['wife'] },
  { label: 'Ex-partner', words: ['ex-partner', 'ex-husband', 'ex-wife', 'ex-boyfriend', 'ex-girlfriend'] },
  { label: 'Sister', words: ['sister', 'stepsister', 'half-sister'] },
  { label: 'Brother', words: ['brother', 'stepbrother', 'half-brother'] },
  { label: 'Sibling', words: ['sibling'] },
  { label: 'Son', words: ['son', 'stepson'] },
  { label: 'Daughter', words: ['daughter', 'stepdaughter'] },
  { label: 'Child', words: ['child', 'baby'] },
  { label: 'Aunt', words: ['aunt', 'auntie'] },
  { label: 'Uncle', words: ['uncle'] },
  { label: 'Cousin', words: ['cousin'] },
  { label: 'Niece', words: ['niece'] },
  { label: 'Nephew', words: ['nephew'] },
  { label: 'Friend', words: ['friend'] },
  { label: 'Colleague', words: ['colleague', 'co-worker', 'coworker'] },
  { label: 'Line manager', words: ['line manager'] },
  { label: 'Manager', words: ['manager', 'boss', 'supervisor at work'] },
  { label: 'Employer', words: ['employer'] },
  { label: 'Teacher', words: ['teacher', 'tutor', 'lecturer'] },
  { label: 'Coach', words: ['coach'] },
  { label: 'GP', words: ['gp', 'family doctor'] },
  { label: 'Doctor', words: ['doctor', 'physician', 'consultant'] },
  { label: 'Nurse', words: ['nurse'] },
  { label: 'Psychiatrist', words: ['psychiatrist'] },
  { label: 'Counsellor', words: ['counsellor', 'counselor'] },
  { label: 'Social worker', words: ['social worker'] },
  { label: 'Carer', words: ['carer', 'caregiver'] },
  { label: 'Neighbour', words: ['neighbour', 'neighbor'] },
  { label: 'Flatmate', words: ['flatmate', 'housemate', 'roommate'] },
  { label: 'Landlord', words: ['landlord', 'landlady'] },
];

/** Words that only qualify a relation ("Older sister", "Previous counsellor"): a name made of them names nobody. */
const QUALIFIERS = new Set([
  'older', 'younger', 'elder', 'eldest', 'oldest', 'youngest', 'big', 'little', 'twin', 'step', 'half',
  'ex', 'former', 'previous', 'current', 'late', 'new', 'first', 'second', 'third', 'birth', 'foster',
  'adoptive', 'maternal', 'paternal', 'his', 'her', 'their', 'my', 'the', 'a', 'an', 'of', 'at', 'work',
  'school', 'family', 'best', 'in', 'law', 'in-law', 'and',
]);

/** Titles that are not part of anyone's identity: skipped when a name is split into parts or initials. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr']);

const RELATION_WORDS = new Map<string, string>(RELATIONS.flatMap(({ label, words }) => words.map((word) => [word, label])));
// Multi-word entries first, so "line manager" wins over "manager" at the same place.
const RELATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(${[...RELATION_WORDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[-\s]/g, (c) => (c === '-' ? '-?' : '\\s+')))
    .join('|')})(?:s|es)?(?![\\p{L}\\p{M}])`,
  'iu',
);

/** The label of the first relationship word in `text` ("his line manager at work" → "Line manager"), if any. */
export function relationLabelIn(text: string): string | undefined {
  const found = RELATION_PATTERN.exec(text)?.[1];
  if (found === undefined) return undefined;
  return RELATION_WORDS.get(found.toLowerCase().replace(/\s+/g, ' ')) ?? RELATION_WORDS.get(hyphenated(found));
}

/**
 * True when a name only describes a relation ("Father", "Older sister",
 * "Previous counsellor", "GP"): it is kept as the person's label and never
 * searched for in the free text, since it identifies nobody.
 */
export function isDescriptiveName(name: string): boolean {
  const words = name.toLowerCase().split(/[\s,()/]+/).filter((word) => word !== '');
  if (words.length === 0 || relationLabelIn(name) === undefined) return false;
  const text = words.join(' ');
  const leftover = text.replace(new RegExp(RELATION_PATTERN.source, 'giu'), ' ');
  return leftover.split(/[\s-]+/).every((word) => word === '' || QUALIFIERS.has(word) || HONORIFICS.has(word));
}

/** True for words that are never part of what identifies a person: titles and relationship words. */
export function isImpersonalWord(word: string): boolean {
  const lower = word.toLowerCase();
  return HONORIFICS.has(lower) || RELATION_WORDS.has(lower);
}

function hyphenated(found: string): string {
  const lower = found.toLowerCase();
  for (const word of RELATION_WORDS.keys()) if (word.replace('-', '') === lower) return word;
  return lower;
}
