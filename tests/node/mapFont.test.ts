import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedFontCss, mapFontFile } from '../../electron/presentation/embeddedFont';
import { loadReflectivePrompts } from '../../electron/presentation/loadPrompts';
import { printHandoutPdf } from '../../electron/presentation/printHandout';
import { parseCaseFileText } from '../../shared/case/parse';
import { renderHandoutHtml } from '../../shared/presentation/handoutHtml';
import { MAP_FONT_FACES, MAP_FONT_NAME } from '../../shared/scene/fontFace';
import { FONT_FAMILY } from '../../shared/scene/textMetrics';

/**
 * The maps' font, "Triptych Sans", the same everywhere: the renderer's
 * fonts.css declares the faces shared/scene/fontFace.ts lists (which the
 * metrics were measured from), and the printer can embed them in a handout.
 */

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

/** The @font-face rules of a stylesheet, as weight, file and unicode-range (without spaces). */
function faces(css: string): { family: string; weight: number; file: string; unicodeRange: string }[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = '']) => {
    const property = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? '';
    return {
      family: property('font-family').replace(/^['"]|['"]$/g, ''),
      weight: Number(property('font-weight')),
      file: /url\('([^']+)'\)/.exec(body)?.[1] ?? '',
      unicodeRange: property('unicode-range').replace(/\s+/g, ''),
    };
  });
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'triptych-map-font-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the map font', () => {
  it('is declared in renderer/fonts.css exactly as shared/scene/fontFace.ts lists it', async () => {
    const declared = faces(await readFile(join(repo, 'renderer', 'fonts.css'), 'utf8'));
    expect(declared).toEqual(MAP_FONT_FACES.map((face) => ({ family: MAP_FONT_NAME, weight: face.weight, file: face.file, unicodeRange: face.unicodeRange })));
  });

  it('embeds every face for the printer as a data: URL of its woff2 file', async () => {
    const embedded = faces(embeddedFontCss());
    expect(embedded).toHaveLength(MAP_FONT_FACES.length);
    for (const [index, face] of MAP_FONT_FACES.entries()) {
      const url = embedded[index]?.file ?? '';
      expect(url.startsWith('data:font/woff2;base64,')).toBe(true);
      const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.equals(await readFile(mapFontFile(face)))).toBe(true);
    }
  });

  it('prints in a handout given the embedded faces: the PDF carries Noto Sans and its arrows, under a CSP that allows only data: fonts', async () => {
    const name = (await readdir(join(repo, 'resources', 'examples'))).filter((file) => file.endsWith('.json')).sort()[0] ?? '';
    const kase = parseCaseFileText(await readFile(join(repo, 'resources', 'examples', name), 'utf8'), name).case;
    // The handout's own styles name their font elsewhere; this test asks for the map font throughout.
    const extraCss = `${embeddedFontCss()}\nbody, svg { font-family: ${FONT_FAMILY} !important; }`;
    const html = renderHandoutHtml({ kase, deidentify: true, paper: 'A4', pages: 2, date: '2026-01-05', prompts: await loadReflectivePrompts(), extraCss });
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"`);
    expect(html).toContain('→');

    const pdf = join(root, 'handout.pdf');
    await writeFile(pdf, await printHandoutPdf(html, { paper: 'A4' }));
    const { stdout } = await run('pdffonts', [pdf]);
    expect(stdout).toMatch(/NotoSans-Regular/);
    expect(stdout).toMatch(/NotoSans-SemiBold/);
    expect(stdout).toMatch(/NotoSansSymbols/);
  });
});
