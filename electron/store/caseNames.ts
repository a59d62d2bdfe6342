const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 200;
const MAX_FILE_STEM_LENGTH = 100;
const EXPORT_SUFFIX = '.triptych.json';
// Names Windows refuses whatever their extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** An id not in `taken`, made from `base` plus a suffix: "mark-2026-2", "mark-2026-copy". */
export function freshCaseId(base: string, taken: (id: string) => boolean, label = ''): string {
  const stem = label === '' ? '' : `-${label}`;
  for (let n = label === '' ? 2 : 1; ; n++) {
    const suffix = n === 1 ? stem : `${stem}-${n}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** The title of a duplicated case: "… (copy)", kept within the title limit. */
export function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return `${title.slice(0, MAX_TITLE_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

/**
 * The file name Export suggests for a case: its title in letters, digits,
 * "-" and "_" only, so it is valid on every OS, falling back to the case id.
 */
export function exportFileName(title: string, id: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_FILE_STEM_LENGTH)
    .replace(/-+$/, '');
  const safeStem = stem === '' ? id : WINDOWS_RESERVED.test(stem) ? `case-${stem}` : stem;
  return `${safeStem}${EXPORT_SUFFIX}`;
}
