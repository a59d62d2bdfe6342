import type { Case } from '../../shared/case/schema';

/**
 * A short fingerprint of what the clinician wrote in the case (32-bit FNV-1a
 * of its JSON with keys in sorted order, leaving out the store's own
 * updatedAt stamp), put on the case screen so tests can check that undo and
 * redo return to exactly an earlier state, and that a reload brings back the
 * same case, without reaching into React. Keys are sorted because the store
 * writes them in the schema's order, not the order an edit added them in.
 */
export function caseHash(kase: Case): string {
  const text = canonicalJson({ ...kase, updatedAt: null });
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

// An edit replaces only the objects on its path and shares the rest with the
// case before it, so the text of every untouched person, member and relation
// is remembered by object instead of rebuilt on every render.
const canonicalTexts = new WeakMap<object, string>();

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const known = canonicalTexts.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map(canonicalJson).join(',')}]`;
  } else {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    text = `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  canonicalTexts.set(value, text);
  return text;
}
