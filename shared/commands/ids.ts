import type { Case } from '../case/schema';
import { BUILT_IN_FEELING_IDS } from '../library/feelings';
import { BUILT_IN_ROLE_IDS } from '../library/roles';
import { relationIds } from './caseParts';

const SLUG_LENGTH = 40;
const CASE_ID_SUFFIX_LENGTH = 8;
const SUFFIX_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_TRIES = 20;

/** The smallest unused `${prefix}${n}` with n counting from 1; the same answer for the same ids. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/**
 * An id for a new case: "case-" and eight random letters or digits. The id
 * names the case's file on disk, so it must reveal nothing of the title
 * (clients' initials, ages, diagnoses) nor how many cases came before it.
 */
export function newCaseId(taken: Iterable<string>, random: () => number = Math.random): string {
  const used = new Set(taken);
  for (let attempt = 0; attempt < RANDOM_TRIES; attempt++) {
    const suffix = Array.from({ length: CASE_ID_SUFFIX_LENGTH }, () => SUFFIX_LETTERS[pick(random, SUFFIX_LETTERS.length)]).join('');
    const id = `case-${suffix}`;
    if (!used.has(id)) return id;
  }
  // Only a broken or exhausted random source gets here; counting always ends.
  return nextId('case-', used);
}

/** An unused person id for `kase`: p1, p2, … */
export function newPersonId(kase: Case): string {
  return nextId('p', kase.people.map((p) => p.id));
}

/** An unused relation id for `kase` (relation ids are unique across its three systems): r1, r2, … */
export function newRelationId(kase: Case): string {
  return nextId('r', relationIds(kase));
}

/** An id for a new custom role named `label`, clear of the built-in roles and the case's own. */
export function newCustomRoleId(label: string, kase: Case): string {
  return labelId(label, 'role', [...BUILT_IN_ROLE_IDS, ...kase.customRoles.map((r) => r.id)]);
}

/** An id for a new custom feeling named `label`, clear of the built-in feelings and the case's own. */
export function newCustomFeelingId(label: string, kase: Case): string {
  return labelId(label, 'feeling', [...BUILT_IN_FEELING_IDS, ...kase.customFeelings.map((f) => f.id)]);
}

function labelId(label: string, fallback: string, taken: readonly string[]): string {
  const stem = slug(label) || fallback;
  return taken.includes(stem) ? nextId(`${stem}-`, taken) : stem;
}

/** Lower-case ASCII letters and digits joined by "-", accents dropped: "Zoë's, 42" → "zoe-s-42". */
function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, SLUG_LENGTH).replace(/-+$/, '');
}

function pick(random: () => number, size: number): number {
  return Math.min(size - 1, Math.max(0, Math.floor(random() * size)));
}
