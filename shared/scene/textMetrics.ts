/**
 * How wide text is in the maps' font ("Triptych Sans", shared/scene/fontFace.ts),
 * worked out from a table of its advance widths rather than by asking a canvas
 * or the system's fonts, so the same text has the same width on screen, in an
 * exported SVG and on the printed handout, and in Node as in the renderer.
 * Pure: no DOM, no Node.
 */
import { ADVANCES, DEFAULT_ADVANCE, EXTRA_ADVANCES, FIRST_CODE_POINT } from './fontMetrics';
import type { MapFontWeight } from './fontFace';

/** The family stack to draw map text with, in CSS, on a canvas (Cytoscape) and in SVG. */
export const FONT_FAMILY = '"Triptych Sans", "DejaVu Sans", sans-serif';

/** The advance of one character in 1/1000 em. */
function advance(codePoint: number, weight: MapFontWeight): number {
  const index = codePoint - FIRST_CODE_POINT;
  const inTable = index >= 0 ? ADVANCES[weight][index] : undefined;
  if (inTable !== undefined && inTable !== null) return inTable;
  return EXTRA_ADVANCES[weight][codePoint] ?? DEFAULT_ADVANCE[weight];
}

/**
 * The width of `text` on one line, in the unit of `fontSize` (px for the
 * maps): the sum of its characters' advances. Kerning is left out; it moves
 * a whole label by about 1% at most. A character outside the table (not
 * Latin, Latin-1, Latin Extended-A or the common punctuation and arrows)
 * counts as an average letter.
 */
export function textWidth(text: string, fontSize: number, weight: MapFontWeight): number {
  let units = 0;
  for (const char of text) units += advance(char.codePointAt(0) ?? 0, weight);
  return (units * fontSize) / 1000;
}

/** What Cytoscape breaks lines at: runs of whitespace or zero-width spaces, and the end of the line. */
const SEPARATOR = /[\s\u200b]+|$/g;

/**
 * `text` broken into lines as Cytoscape breaks a label with `text-wrap:
 * wrap` and `text-max-width: maxWidth`: at each newline, then greedily at
 * spaces, a word going onto the line while the line (with the space after
 * the word, and rounded up to a whole pixel, as Cytoscape measures it) is no
 * wider than `maxWidth`. A word wider than `maxWidth` keeps a line of its
 * own, unbroken. The lines are returned without their trailing spaces
 * (Cytoscape keeps them, but they draw nothing); empty text gives [''].
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: MapFontWeight): string[] {
  // As Cytoscape: the width of a line is rounded up to a whole unit (a tiny tolerance absorbs floating-point error).
  const width = (line: string) => Math.ceil(textWidth(line, fontSize, weight) - 1e-9);
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (width(line) <= maxWidth) {
      lines.push(line);
      continue;
    }
    let current = '';
    let previousEnd = 0;
    for (const match of line.matchAll(SEPARATOR)) {
      const separator = match[0];
      const word = line.substring(previousEnd, match.index);
      previousEnd = match.index + separator.length;
      const candidate = current.length === 0 ? word : current + word + separator;
      if (width(candidate) <= maxWidth) {
        current += word + separator;
      } else {
        if (current) lines.push(current);
        current = word + separator;
      }
    }
    if (!/^[\s\u200b]+$/.test(current)) lines.push(current);
  }
  const trimmed = lines.map((line) => line.replace(/[\s\u200b]+$/, ''));
  return trimmed.length > 0 ? trimmed : [''];
}
