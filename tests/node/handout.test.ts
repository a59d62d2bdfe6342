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
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { renderHandoutHtml } from '../../shared/presentation/handoutHtml';
import { promptsForEcho, type ReflectivePrompts } from '../../shared/presentation/prompts';
import { isDescriptiveName } from '../../shared/presentation/relationWords';
import { cliEnvironment, runCliInProcess, runCliProcess, type CliRun } from './fixtures/cliRun';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const examplesDir = join(repo, 'resources', 'examples');

/** Runs the command line in-process against the store in `dataDir`. */
function cli(args: readonly string[], dataDir: string): Promise<CliRun> {
  return runCliInProcess(args, cliEnvironment(dataDir));
}

/** The PDF's text (poppler's pdftotext), with every run of white space made one space. */
async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.replace(/\s+/g, ' ');
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
      expect(result.stdout).toContain(`Wrote a ${layout.pages}-page ${layout.paper} handout of ${kase.id}, de-identified`);
      expect((await stat(out)).mode & 0o777).toBe(0o600);
      expect(await pdfPages(out)).toBe(layout.pages);

      const text = await pdfText(out);
      const deidentified = deidentifyCase(kase).case;
      const echoes = analyzeCase(deidentified).echoes;
      expect(text).toContain(`Echoes (${echoes.length})`);
      for (const echo of echoes.slice(0, 3)) {
        expect(text).toContain(echo.wording.label);
        expect(text).toContain((promptsForEcho(echo, prompts)[0] as string).replace(/\s+/g, ' '));
      }
      expect(text).toContain('Echoes are hypotheses for reflection, not findings.');
      expect(text).toContain(deidentified.title);

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
    expect(result.stdout).toContain('2-page A4 handout');
    expect(result.stdout).toContain('with names (not de-identified)');
    expect(await pdfPages(out)).toBe(2);
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
  it('prints exactly the pages asked for, on A4 and Letter, without cutting off the questions', async () => {
    for (const { kase } of examples) {
      const echoes = analyzeCase(deidentifyCase(kase).case).echoes.slice(0, 3);
      for (const paper of ['A4', 'Letter'] as const) {
        for (const pages of [1, 2, 3] as const) {
          const html = renderHandoutHtml({ kase, deidentify: true, paper, pages, date: '2026-11-20', prompts });
          const out = join(root, `${kase.id}-${paper}-${pages}.pdf`);
          await writeFile(out, await printHandoutPdf(html, { paper, browser }));
          expect(await pdfPages(out), `${kase.id} ${paper} ${pages}`).toBe(pages);
          const text = await pdfText(out);
          for (const echo of echoes) expect(text, `${kase.id} ${paper} ${pages}`).toContain(promptsForEcho(echo, prompts)[0] as string);
          // The note closes the first sheet (the only one on one page): cut off, it would be missing.
          expect(text, `${kase.id} ${paper} ${pages}`).toContain('so read it through before sharing.');
          expect(text).toContain(`Triptych case presentation · page ${pages} of ${pages}`);
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
