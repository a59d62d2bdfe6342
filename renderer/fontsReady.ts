import { MAP_FONT_NAME } from '../shared/scene/fontFace';

/** How long the maps wait for their font before drawing anyway (with the fallback font). */
export const MAP_FONT_TIMEOUT_MS = 1500;

/**
 * One character from each file of "Triptych Sans" (Latin, Latin Extended,
 * arrows): each file has its own unicode-range, and a face is loaded only
 * for text in its range, so this loads all three, not just the Latin one.
 */
const SAMPLE_TEXT = 'Aa Łł →';

/** The two fonts the maps draw with: names (600, 15 px) and relation labels (400, 14 px). */
const MAP_FONTS = [`600 15px "${MAP_FONT_NAME}"`, `400 14px "${MAP_FONT_NAME}"`];

let loading: Promise<void> | undefined;

/**
 * Resolves once the map font (names at 600, labels at 400) is loaded, so a
 * map drawn on Cytoscape's canvas after it uses "Triptych Sans" from its
 * first frame: a canvas does not redraw when a font arrives later. Never
 * rejects and never hangs: after MAP_FONT_TIMEOUT_MS, or if the font cannot
 * load, it resolves anyway and the maps draw with the fallback font.
 */
export function mapFontsReady(): Promise<void> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (fonts === undefined) return Promise.resolve();
  loading ??= Promise.all(MAP_FONTS.map((font) => fonts.load(font, SAMPLE_TEXT))).then(
    () => undefined,
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, MAP_FONT_TIMEOUT_MS);
  });
  return Promise.race([loading, timeout]).finally(() => clearTimeout(timer));
}
