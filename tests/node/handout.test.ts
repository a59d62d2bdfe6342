import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { loadReflectivePrompts } from '../../electron/presentation/loadPrompts';
import { launchPrinter, printHandoutPdf } from '../../electron/presentation/printHandout';
import { openCaseStore } from '../../electron/store/caseStore';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import type { HandoutFit } from '../../shared/presentation/handoutFit';
import { renderHandout, renderHandoutHtml, type HandoutOptions } from '../../shared/presentation/handoutHtml';
import { MIN_LABEL_PT, MIN_NAME_PT } from '../../shared/presentation/handoutMapScale';
import { promptsForEcho, type ReflectivePrompts } from '../../shared/presentation/prompts';
import { isDescriptiveName } from '../../shared/presentation/relationWords';
import { LABEL_FONT_SIZE, NAME_FONT_SIZE } from '../../shared/scene/sceneConstants';
import { generateCase } from '../support/generate-cases';
import { cliEnvironment, runCliInProcess, runCliProcess, type CliRun } from './fixtures/cliRun';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const examplesDir = join(repo, 'resources', 'examples');

/** Runs the command line in-process against the store in `dataDir`. */
function cli(args: readonly string[], dataDir: string): Promise<CliRun> {
  return runCliInProcess(args, cliEnvironment(dataDir));
}

/** The PDF's text (poppler's pdftotext), with every run of white space made one space. */
async function pdfText(path: string, page?: number): Promise<string> {
  const only = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...only, path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** Today in the computer's own time zone, as the command line dates a handout. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The selected echoes whose questions the fit kept, by their place among the selected. */
function echoesAsked(fit: HandoutFit): number[] {
  return fit.sheets.flat().flatMap((piece) => (piece.block === 'questions' ? [piece.echo] : []));
}

/** The systems whose words and feelings the fit kept (some of their relations at least), by index. */
function systemsWorded(fit: HandoutFit): Set<number> {
  return new Set(fit.sheets.flat().flatMap((piece) => (piece.block === 'words' ? [piece.system] : [])));
}

/**
 * The size names and labels come out at in each map as Chromium lays the
 * handout out: the points per map unit of each map's SVG (its screen
 * transform, in CSS pixels of 0.75 pt, turned or not) times the font sizes.
 */
async function measuredMapSizes(html: string): Promise<{ namePt: number; labelPt: number }[]> {
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    const perUnit = await page.evaluate(() =>
      [...document.querySelectorAll('.map-box svg')].map((svg) => {
        const matrix = (svg as SVGSVGElement).getScreenCTM();
        return matrix === null ? 0 : Math.hypot(matrix.a, matrix.b) * 0.75;
      }),
    );
    return perUnit.map((scale) => ({ namePt: NAME_FONT_SIZE * scale, labelPt: LABEL_FONT_SIZE * scale }));
  } finally {
    await page.close();
  }
}

async function pdfPages(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/**
 * The words that would identify someone: every personal name of the cast and
 * each part of it of three letters or more. Names that only describe a
 * relation ("Father", "Older sister") name nobody and are kept as labels.
 */
function identifyingWords(kase: Case): string[] {
  const personal = kase.people.map((person) => person.name).filter((name) => !isDescriptiveName(name));
  return [...new Set([...personal, ...personal.flatMap((name) => name.match(/\p{L}{3,}/gu) ?? [])])];
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'iu').test(text);
}

let root: string;
let browser: Browser;
let prompts: ReflectivePrompts;
let examples: { file: string; kase: Case; bytes: number }[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'triptych-handout-'));
  browser = await launchPrinter();
  prompts = await loadReflectivePrompts();
  const names = (await readdir(examplesDir)).filter((name) => name.endsWith('.json')).sort();
  examples = await Promise.all(
    names.map(async (name) => {
      const file = join(examplesDir, name);
      const text = await readFile(file, 'utf8');
      return { file, kase: parseCaseFileText(text, name).case, bytes: Buffer.byteLength(text) };
    }),
  );
});

afterAll(async () => {
  await browser?.close();
  await rm(root, { recursive: true, force: true });
});

describe('handout from the command line', () => {
  it('writes a de-identified PDF of each example: echo labels and questions in, no name of the cast in any capitalisation', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const layouts = [
      { paper: 'Letter', pages: 1 },
      { paper: 'A4', pages: 2 },
      { paper: 'A4', pages: 3 },
    ] as const;
    for (const [index, { file, kase }] of examples.entries()) {
      const layout = layouts[index % layouts.length] as (typeof layouts)[number];
      const out = join(root, `example-${index}.pdf`);
      const args = ['handout', file, '--out', out, '--deidentify', '--paper', layout.paper, '--pages', String(layout.pages)];
      // The first through the real program in a child process, the others in-process.
      const environment = cliEnvironment(join(root, 'no-store'));
      const result = index === 0 ? await runCliProcess(args, environment) : await runCliInProcess(args, environment);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // The same handout the command printed, to know what it planned.
      const { fit } = renderHandout({ kase, deidentify: true, paper: layout.paper, pages: layout.pages, date: today(), prompts });
      const pages = fit.sheets.length;
      expect(pages).toBeLessThanOrEqual(layout.pages);
      expect(result.stdout).toContain(`Wrote a ${pages}-page ${layout.paper} handout of ${kase.id}, de-identified`);
      expect((await stat(out)).mode & 0o777).toBe(0o600);
      expect(await pdfPages(out)).toBe(pages);

      const text = await pdfText(out);
      const deidentified = deidentifyCase(kase).case;
      const echoes = analyzeCase(deidentified).echoes;
      if (fit.omitted.includes('the table of echoes')) expect(text).not.toContain('Echoes (');
      else expect(text).toContain(`Echoes (${echoes.length})`);
      const asked = echoesAsked(fit);
      for (const [number, echo] of echoes.slice(0, 3).entries()) {
        expect(text).toContain(echo.wording.label);
        if (asked.includes(number)) expect(text).toContain((promptsForEcho(echo, prompts)[0] as string).replace(/\s+/g, ' '));
      }
      expect(text).toContain('Echoes are hypotheses for reflection, not findings.');
      expect(text).toContain(deidentified.title);
      if (fit.omitted.length > 0) {
        const note = `Not included for lack of room: ${fit.omitted.join('; ')}.`;
        expect(await pdfText(out, pages)).toContain(note);
        expect(result.stdout).toContain(note);
      } else {
        expect(text).not.toContain('Not included for lack of room');
      }

      const words = identifyingWords(kase);
      expect(words.length).toBeGreaterThanOrEqual(3);
      for (const word of words) expect(containsWord(text, word), `"${word}" leaked into ${out}`).toBe(false);
    }
  });

  it('prints a case from the store by its id, opening the store only to read', async () => {
    const dataDir = join(root, 'store');
    const store = await openCaseStore({ dataDir });
    const example = examples[1] as (typeof examples)[number];
    const imported = await store.importCaseFile(await readFile(example.file, 'utf8'), 'example.json');
    await store.close();

    const out = join(root, 'by-id.pdf');
    const result = await cli(['handout', imported.id, '--out', out], dataDir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // At most two pages by default.
    const pages = Number(/Wrote a (\d)-page A4 handout/.exec(result.stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(result.stdout).toContain('with names (not de-identified)');
    expect(await pdfPages(out)).toBe(pages);
    const text = await pdfText(out);
    expect(text).toContain(imported.title);
    // Not de-identified: the client's name is printed, and the page says so.
    expect(containsWord(text, imported.people.find((p) => p.kind === 'client')?.name as string)).toBe(true);
    expect(text).toContain('Contains names: not de-identified');
  });

  it('refuses to overwrite --out, and refuses bad arguments, with status 2', async () => {
    const existing = join(root, 'existing.pdf');
    await writeFile(existing, 'keep me');
    const file = (examples[0] as (typeof examples)[number]).file;
    const dataDir = join(root, 'no-store');

    const overwrite = await cli(['handout', file, '--out', existing, '--deidentify'], dataDir);
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toContain(`${existing} already exists; nothing was written`);
    expect(await readFile(existing, 'utf8')).toBe('keep me');

    // The argument checks run in-process through the same runCli the binary calls: no Chromium is started for them.
    const cases: [string[], string][] = [
      [['handout', file], 'handout: needs --out FILE.pdf'],
      [['handout', file, '--out', join(root, 'x.txt')], 'handout: --out must name a .pdf file'],
      [['handout', file, '--out', join(root, 'x.pdf'), '--pages', '4'], 'handout: --pages must be 1, 2 or 3, not "4"'],
      [['handout', file, '--out', join(root, 'x.pdf'), '--paper', 'A3'], 'handout: --paper must be A4 or Letter, not "A3"'],
      [['handout', 'no-such-case', '--out', join(root, 'x.pdf')], 'There is no case "no-such-case"'],
      [['handout', 'not a case!', '--out', join(root, 'x.pdf')], 'is neither a case file (.json) nor a case id'],
      [['handout', join(root, 'missing.json'), '--out', join(root, 'x.pdf')], 'missing.json: could not read the file: no such file'],
    ];
    const previous = process.env.TRIPTYCH_DATA_DIR;
    process.env.TRIPTYCH_DATA_DIR = dataDir;
    try {
      for (const [args, message] of cases) {
        let stderr = '';
        const status = await runCli(args, { out: () => undefined, err: (text) => (stderr += text) });
        expect(status, args.join(' ')).toBe(2);
        expect(stderr).toContain(message);
      }
    } finally {
      if (previous === undefined) delete process.env.TRIPTYCH_DATA_DIR;
      else process.env.TRIPTYCH_DATA_DIR = previous;
    }
    await expect(stat(join(root, 'x.pdf'))).rejects.toThrow();
  });
});

describe('printHandoutPdf', () => {
  it('prints the pages the content needs, at most the number allowed, on A4 and Letter, cutting off nothing it planned', async () => {
    for (const { kase } of examples) {
      const clean = deidentifyCase(kase).case;
      const echoes = analyzeCase(clean).echoes.slice(0, 3);
      for (const paper of ['A4', 'Letter'] as const) {
        for (const pages of [1, 2, 3] as const) {
          const where = `${kase.id} ${paper} ${pages}`;
          const { html, fit } = renderHandout({ kase, deidentify: true, paper, pages, date: '2026-11-20', prompts });
          const out = join(root, `${kase.id}-${paper}-${pages}.pdf`);
          await writeFile(out, await printHandoutPdf(html, { paper, browser }));
          const printed = fit.sheets.length;
          expect(printed, where).toBeLessThanOrEqual(pages);
          expect(await pdfPages(out), where).toBe(printed);
          const text = await pdfText(out);
          // Each echo's questions the fit kept, and every relation's words and every feeling of each system it kept.
          for (const number of echoesAsked(fit)) {
            for (const question of promptsForEcho(echoes[number] as (typeof echoes)[number], prompts).slice(0, fit.questionsPerEcho)) {
              expect(text, where).toContain(question.replace(/\s+/g, ' '));
            }
          }
          for (const index of systemsWorded(fit)) {
            const system = clean.systems[SYSTEM_IDS[index] as (typeof SYSTEM_IDS)[number]];
            for (const relation of system.relations) expect(text, where).toContain((relation.act as string).replace(/\s+/g, ' '));
            if (system.members.some((member) => member.feelings.length > 0)) expect(text, where).toContain('Feelings:');
          }
          // The note closes the last sheet: cut off, it would be missing.
          const last = await pdfText(out, printed);
          expect(last, where).toContain('so read it through before sharing.');
          expect(last, where).toContain(`Triptych case presentation · page ${printed} of ${printed}`);
          if (fit.omitted.length > 0) expect(last, where).toContain(`Not included for lack of room: ${fit.omitted.join('; ')}.`);
          else expect(text, where).not.toContain('Not included for lack of room');
        }
      }
      // With room enough, nothing is left out.
      const roomy = renderHandout({ kase, deidentify: true, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
      expect(roomy.fit.omitted, kase.id).toEqual([]);
    }
  });

  it('lays the maps out so Chromium draws names at 8 pt or more and labels at 7 pt or more, for the examples and a generated case', async () => {
    const cases = [...examples.map((example) => example.kase), generateCase(7, { people: 12, relationsPerSystem: 12 })];
    for (const kase of cases) {
      for (const paper of ['A4', 'Letter'] as const) {
        const options: HandoutOptions = { kase, deidentify: true, paper, pages: 3, date: '2026-11-20', prompts };
        const { html, fit } = renderHandout(options);
        const sizes = await measuredMapSizes(html);
        expect(sizes.length, `${kase.id} ${paper}`).toBe(fit.sheets.flat().flatMap((piece) => (piece.block === 'maps' ? piece.maps : [])).length);
        expect(sizes.length, `${kase.id} ${paper}`).toBeGreaterThanOrEqual(1);
        for (const size of sizes) {
          expect(size.namePt, `${kase.id} ${paper}`).toBeGreaterThanOrEqual(MIN_NAME_PT - 0.01);
          expect(size.labelPt, `${kase.id} ${paper}`).toBeGreaterThanOrEqual(MIN_LABEL_PT);
          expect(size.namePt, `${kase.id} ${paper}`).toBeCloseTo(fit.maps.namePt, 1);
        }
      }
    }
  });

  it('makes no request at all, even for a page that asks for remote content', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${origin}/style.css"><style>@import url("${origin}/more.css"); body { background: url("${origin}/bg.png"); }</style></head>
        <body><img src="${origin}/photo.png"><iframe src="${origin}/frame"></iframe><script src="${origin}/script.js"></script><p>Offline</p></body></html>`;
      const pdf = await printHandoutPdf(html, { paper: 'A4', browser });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(requests).toEqual([]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  // How long it takes is the benchmarks' business (npm run bench), not a test's: a busy machine is not a failure.
  it('prints the largest example with a cold Chromium', async () => {
    const largest = [...examples].sort((a, b) => b.bytes - a.bytes)[0] as (typeof examples)[number];
    const started = performance.now();
    const html = renderHandoutHtml({ kase: largest.kase, deidentify: true, paper: 'A4', pages: 2, date: '2026-11-20', prompts });
    const pdf = await printHandoutPdf(html, { paper: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    console.log(`handout of ${largest.kase.id} (${largest.bytes} bytes), cold Chromium: ${Math.round(performance.now() - started)} ms`);
  });
});
