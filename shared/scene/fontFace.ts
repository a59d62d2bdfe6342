/**
 * The one font the maps are drawn and measured with, wherever they are drawn:
 * on screen (Cytoscape's canvas), in exported SVG and on the printed handout.
 * It is shipped with the app, so a name is as wide on paper as on screen and
 * on every computer, whatever fonts its system has.
 *
 * "Triptych Sans" is Noto Sans (Latin and Latin Extended, weights 400 and 600)
 * with the arrows (→ ← ↔ …) of Noto Sans Symbols, which Noto Sans lacks and
 * every relation label holds. Both are under the SIL Open Font License 1.1.
 *
 * Only data lives here (shared/ stays pure): renderer/fonts.css declares the
 * same faces for Vite to bundle, electron/presentation/embeddedFont.ts turns
 * them into data: URLs for the printer, and scripts/font-metrics.ts measures
 * them into fontMetrics.ts.
 */

/** The family name every map asks for. */
export const MAP_FONT_NAME = 'Triptych Sans';

/** The two weights the maps use: relation labels (400) and names (600). */
export type MapFontWeight = 400 | 600;
export const MAP_FONT_WEIGHTS: readonly MapFontWeight[] = [400, 600];

/** One @font-face of "Triptych Sans". */
export interface MapFontFace {
  weight: MapFontWeight;
  /** The woff2 file as a package specifier, resolvable from node_modules. */
  file: string;
  /** The characters the file is used for, as in CSS. */
  unicodeRange: string;
}

/** Fontsource's Latin subset of Noto Sans (Basic Latin, Latin-1, general punctuation, €, ™). */
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
/** Fontsource's Latin Extended subset of Noto Sans (Latin Extended-A and -B, IPA, Latin Extended Additional, …). */
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
/**
 * The arrows Noto Sans lacks (its Latin subset names ↑ and ↓ but has no glyph
 * for them), from Noto Sans Symbols. Listed after the Latin face, so it is
 * tried first where the two ranges overlap.
 */
const ARROWS = 'U+2190-2199';

export const MAP_FONT_FACES: readonly MapFontFace[] = MAP_FONT_WEIGHTS.flatMap((weight) => [
  { weight, file: `@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`, unicodeRange: LATIN },
  { weight, file: `@fontsource/noto-sans/files/noto-sans-latin-ext-${weight}-normal.woff2`, unicodeRange: LATIN_EXT },
  { weight, file: `@fontsource/noto-sans-symbols/files/noto-sans-symbols-symbols-${weight}-normal.woff2`, unicodeRange: ARROWS },
]);

/**
 * The @font-face rules of "Triptych Sans", with each file at the URL `url`
 * gives it (a data: URL for the printer, a local file for the measuring
 * script). `font-display: block`: the files are local, and a moment of no
 * text is better than text in a fallback font of other widths.
 */
export function mapFontFaceCss(url: (face: MapFontFace) => string): string {
  return MAP_FONT_FACES.map(
    (face) =>
      `@font-face { font-family: '${MAP_FONT_NAME}'; font-style: normal; font-weight: ${face.weight}; font-display: block; ` +
      `src: url('${url(face)}') format('woff2'); unicode-range: ${face.unicodeRange}; }`,
  ).join('\n');
}
