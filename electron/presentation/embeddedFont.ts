import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mapFontFaceCss, type MapFontFace } from '../../shared/scene/fontFace';

const packages = createRequire(import.meta.url);

/** Where a face's woff2 file is: in node_modules (inside app.asar when packaged). */
export function mapFontFile(face: MapFontFace): string {
  return packages.resolve(face.file);
}

let cached: string | undefined;

/**
 * The @font-face rules of "Triptych Sans" with the font files inlined as
 * base64 data: URLs, for a handout printed in Chromium, which loads nothing
 * from outside the page. The page's CSP must allow them (`font-src data:`).
 * Read once, then kept: about 350 kB of CSS.
 */
export function embeddedFontCss(): string {
  cached ??= mapFontFaceCss((face) => `data:font/woff2;base64,${readFileSync(mapFontFile(face)).toString('base64')}`);
  return cached;
}
