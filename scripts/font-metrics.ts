/**
 * Writes shared/scene/fontMetrics.ts: the advance width of every character
 * the maps' font covers in printable ASCII, Latin-1 Supplement and Latin
 * Extended-A (plus a few punctuation marks and arrows), for weights 400 and
 * 600, in 1/1000 em, measured in headless Chromium with canvas measureText
 * from the very woff2 files the app ships (as the printer embeds them). It
 * also measures a few whole strings at the maps' sizes, so a test can check
 * that adding up advances comes close to what Chromium draws.
 *
 *   npx tsx scripts/font-metrics.ts      (npm run font-metrics)
 *
 * Run it again after changing the font (shared/scene/fontFace.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/presentation/printHandout';
import { embeddedFontCss } from '../electron/presentation/embeddedFont';
import { MAP_FONT_NAME, MAP_FONT_WEIGHTS, type MapFontWeight } from '../shared/scene/fontFace';

const OUTPUT = resolve(import.meta.dirname, '../shared/scene/fontMetrics.ts');

/** Space to the end of Latin Extended-A; the C1 controls (and DEL) in between are left out. */
const FIRST = 0x20;
const LAST = 0x17f;
const isControl = (codePoint: number) => codePoint >= 0x7f && codePoint <= 0x9f;

/** Characters beyond the table that names and labels often hold: dashes, quotes, bullet, ellipsis, primes, €, ™ and arrows. */
const EXTRA = [
  ...[0x2013, 0x2014], // – —
  ...[0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e], // ‘ ’ ‚ “ ” „
  ...[0x2020, 0x2022, 0x2026], // † • …
  ...[0x2032, 0x2033, 0x2039, 0x203a], // ′ ″ ‹ ›
  ...[0x20ac, 0x2122], // € ™
  ...range(0x2190, 0x2199), // ← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙
];

/** Whole strings measured as drawn on the maps: relation labels at 400 14 px, names at 600 15 px. */
const REFERENCES: { text: string; fontSize: number; weight: MapFontWeight }[] = [
  { text: 'Evaluator → Anxious performer', fontSize: 14, weight: 400 },
  { text: 'Critic → Anxious performer', fontSize: 14, weight: 400 },
  { text: 'Line manager at work, who never says well done', fontSize: 14, weight: 400 },
  { text: 'Rescuer ↔ Helpless one', fontSize: 14, weight: 400 },
  { text: 'Zoë Łukasz-Wójcik', fontSize: 15, weight: 600 },
  { text: "Siobhán O'Neill", fontSize: 15, weight: 600 },
  { text: 'Mother (deceased, 2019)', fontSize: 15, weight: 600 },
  { text: 'Ævar Þórsson & Jürgen Weiß', fontSize: 15, weight: 600 },
];

/** The family stack of shared/scene/textMetrics.ts (FONT_FAMILY). */
const FAMILY = `"${MAP_FONT_NAME}", "DejaVu Sans", sans-serif`;

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

interface Measured {
  /** weight → code point → advance in 1/1000 em. */
  advances: Record<string, Record<string, number>>;
  /** Code points some weight draws with a fallback font instead of "Triptych Sans". */
  missing: number[];
  references: number[];
}

async function measure(codePoints: number[]): Promise<{ measured: Measured; browserVersion: string }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(`<!DOCTYPE html><html><head><style>${embeddedFontCss()}</style></head><body></body></html>`);
    // tsx (esbuild's keepNames) wraps the functions below in __name(), which the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const measured = await page.evaluate(
      async ({ codePoints, weights, family, name, references }) => {
        const text = String.fromCodePoint(...codePoints);
        for (const weight of weights) await document.fonts.load(`${weight} 100px "${name}"`, text);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        const width = (font: string, value: string) => {
          context.font = font;
          return context.measureText(value).width;
        };
        const advances: Record<string, Record<string, number>> = {};
        const missing = new Set<number>();
        for (const weight of weights) {
          advances[weight] = {};
          for (const codePoint of codePoints) {
            const char = String.fromCodePoint(codePoint);
            // At 1000 px the width in px is the advance in 1/1000 em.
            advances[weight][codePoint] = Math.round(width(`${weight} 1000px ${family}`, char) * 10) / 10;
            // A character the font lacks falls through to the fallback, which differs between these two.
            if (width(`${weight} 1000px "${name}", monospace`, char) !== width(`${weight} 1000px "${name}", serif`, char)) missing.add(codePoint);
          }
        }
        return {
          advances,
          missing: [...missing],
          references: references.map((reference) => width(`${reference.weight} ${reference.fontSize}px ${family}`, reference.text)),
        };
      },
      { codePoints, weights: [...MAP_FONT_WEIGHTS], family: FAMILY, name: MAP_FONT_NAME, references: REFERENCES },
    );
    return { measured, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

function hex(codePoint: number): string {
  return `0x${codePoint.toString(16).padStart(4, '0')}`;
}

function main(): Promise<void> {
  const table = range(FIRST, LAST).filter((codePoint) => !isControl(codePoint));
  return measure([...table, ...EXTRA]).then(({ measured, browserVersion }) => {
    // Soft hyphen draws nothing; any other gap is a character the font does not have.
    const missing = measured.missing.filter((codePoint) => codePoint !== 0xad);
    if (missing.length > 0) throw new Error(`"${MAP_FONT_NAME}" has no glyph for ${missing.map(hex).join(', ')}: fix shared/scene/fontFace.ts or the ranges here`);
    const advance = (weight: MapFontWeight, codePoint: number) => measured.advances[weight]?.[codePoint] ?? 0;

    const lines: string[] = [
      '/**',
      ' * GENERATED by scripts/font-metrics.ts (`npm run font-metrics`): do not edit by hand.',
      ` * Measured in headless Chromium ${browserVersion} with canvas measureText, from the woff2 files`,
      ` * of "${MAP_FONT_NAME}" (shared/scene/fontFace.ts): @fontsource/noto-sans ${packageVersion('@fontsource/noto-sans')},`,
      ` * @fontsource/noto-sans-symbols ${packageVersion('@fontsource/noto-sans-symbols')}.`,
      ' * Read it through shared/scene/textMetrics.ts.',
      ' */',
      '',
      '/** The first code point of ADVANCES (space); the table runs to U+017F, the end of Latin Extended-A. */',
      `export const FIRST_CODE_POINT = ${hex(FIRST)};`,
      '',
      '/**',
      ' * The advance width of each character from U+0020 to U+017F, in 1/1000 em, by weight;',
      ' * null for the controls U+007F–U+009F, which are not text.',
      ' */',
      'export const ADVANCES: Readonly<Record<400 | 600, readonly (number | null)[]>> = {',
    ];
    for (const weight of MAP_FONT_WEIGHTS) {
      lines.push(`  ${weight}: [`);
      for (let row = FIRST; row <= LAST; row += 16) {
        const cells = range(row, Math.min(row + 15, LAST)).map((codePoint) => (isControl(codePoint) ? 'null' : String(advance(weight, codePoint))));
        lines.push(`    /* U+${row.toString(16).toUpperCase().padStart(4, '0')} */ ${cells.join(', ')},`);
      }
      lines.push('  ],');
    }
    lines.push('};', '');
    lines.push('/** Punctuation and arrows beyond the table, by code point, in 1/1000 em. */');
    lines.push('export const EXTRA_ADVANCES: Readonly<Record<400 | 600, Readonly<Record<number, number>>>> = {');
    for (const weight of MAP_FONT_WEIGHTS) {
      lines.push(`  ${weight}: {`);
      for (const codePoint of EXTRA) lines.push(`    ${hex(codePoint)}: ${advance(weight, codePoint)}, // ${String.fromCodePoint(codePoint)}`);
      lines.push('  },');
    }
    lines.push('};', '');
    lines.push('/** The width assumed for any other character: the mean advance of A–Z and a–z, in 1/1000 em. */');
    const letters = [...range(0x41, 0x5a), ...range(0x61, 0x7a)];
    const defaults = MAP_FONT_WEIGHTS.map((weight) => `${weight}: ${Math.round(letters.reduce((sum, codePoint) => sum + advance(weight, codePoint), 0) / letters.length)}`);
    lines.push(`export const DEFAULT_ADVANCE: Readonly<Record<400 | 600, number>> = { ${defaults.join(', ')} };`, '');
    lines.push('/** Whole strings as Chromium measured them (kerning and all), in px, to test the sum of advances against. */');
    lines.push('export const REFERENCE_WIDTHS: readonly { text: string; fontSize: number; weight: 400 | 600; width: number }[] = [');
    REFERENCES.forEach((reference, index) => {
      const width = Math.round((measured.references[index] ?? 0) * 1000) / 1000;
      lines.push(`  { text: ${JSON.stringify(reference.text)}, fontSize: ${reference.fontSize}, weight: ${reference.weight}, width: ${width} },`);
    });
    lines.push('];', '');
    writeFileSync(OUTPUT, lines.join('\n'));
    console.log(`Wrote ${OUTPUT}`);
  });
}

await main();
