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

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
