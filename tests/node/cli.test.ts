import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNoProtection } from '../../electron/crypto/vault';
import { openCaseStore } from '../../electron/store/caseStore';
import { analysisToJson, analyzeCase } from '../../shared/analysis/index';
import { MAX_CASE_FILE_BYTES, parseCaseFileText } from '../../shared/case/parse';
import type { CaseInput } from '../../shared/case/schema';
import { cliEnvironment, runCliInProcess, runCliProcess, type CliRun } from './fixtures/cliRun';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = join(repo, 'resources', 'examples');

/** Runs the command line in-process against the store in `dataDir`. */
function cli(args: readonly string[], dataDir: string): Promise<CliRun> {
  return runCliInProcess(args, cliEnvironment(dataDir));
}

/** Runs the real command line in a child process against the store in `dataDir`. */
function cliProcess(args: readonly string[], dataDir: string): Promise<CliRun> {
  return runCliProcess(args, cliEnvironment(dataDir));
}

/** The worked example of analysis.md (Mark, Elena, S), as a case file. */
function markCase(overrides: { id?: string; therapistName?: string; rescues?: boolean } = {}): { format: string; version: number; case: CaseInput } {
  return {
    format: 'triptych-case',
    version: 1,
    case: {
      id: overrides.id ?? 'mark-2026',
      title: 'M., 42: work anxiety',
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-20T17:30:00.000Z',
      people: [
        { id: 'c', name: 'Mark', kind: 'client' },
        { id: 't', name: overrides.therapistName ?? 'Elena', kind: 'therapist' },
        { id: 's', name: 'S', kind: 'supervisor' },
        { id: 'm', name: 'Manager', kind: 'other', note: 'line manager' },
      ],
      systems: {
        client: {
          members: [
            { person: 'c', roles: [], feelings: ['pressured', 'inadequate', 'anxious'] },
            { person: 'm', roles: [], feelings: [] },
          ],
          relations: [
            { id: 'r1', from: 'm', to: 'c', fromRole: 'critic', toRole: 'performer', act: 'reviews his work line by line' },
            { id: 'r2', from: 'c', to: 'c', fromRole: 'self-critic', act: 'mistakes are costly' },
          ],
        },
        therapy: {
          members: [
            { person: 'c', roles: [], feelings: [] },
            { person: 't', roles: [], feelings: ['pressured', 'inadequate'] },
          ],
          relations: [
            { id: 'r3', from: 'c', to: 't', fromRole: 'evaluator', toRole: 'performer', act: 'asks whether he is doing therapy properly' },
            ...(overrides.rescues === false ? [] : [{ id: 'r4', from: 't', to: 'c', fromRole: 'rescuer', act: 'quick reassurance' }]),
          ],
        },
        supervision: {
          members: [
            { person: 't', roles: [], feelings: ['anxious'] },
            { person: 's', roles: [], feelings: [] },
          ],
          relations: [{ id: 'r5', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }],
        },
      },
    },
  };
}

/** A case with nothing in common between its systems. */
function quietCase() {
  const file = markCase({ id: 'quiet' });
  file.case.systems = {
    client: { members: [{ person: 'c', roles: ['victim'], feelings: ['angry'] }], relations: [] },
    therapy: { members: [{ person: 'c' }, { person: 't', roles: ['affirmer'], feelings: ['bored'] }], relations: [] },
    supervision: { members: [{ person: 't' }, { person: 's', feelings: ['guilty'] }], relations: [] },
  };
  return file;
}

/** sha256 of every file under `dir`, by relative path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else hashes[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return hashes;
}

let root: string;
let markFile: string;
let exampleFiles: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'triptych-cli-'));
  markFile = join(root, 'mark.json');
  await writeFile(markFile, JSON.stringify(markCase(), null, 2));
  const examples = existsSync(examplesDir) ? (await readdir(examplesDir)).filter((name) => name.endsWith('.json')).sort() : [];
  exampleFiles = examples.length > 0 ? examples.map((name) => join(examplesDir, name)) : [markFile];
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh data folder for one test, holding an empty unencrypted store (what `init --no-encryption` makes). */
async function newStoreDir(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await chooseNoProtection(dir);
  return dir;
}

describe('analyze', () => {
  it('prints with --json exactly what the engine computes in-process, for every example case', async () => {
    const dataDir = await newStoreDir('analyze-json');
    for (const file of [...exampleFiles, markFile]) {
      const run = await cli(['analyze', file, '--json'], dataDir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const expected = analysisToJson(analyzeCase(parseCaseFileText(await readFile(file, 'utf8'), file).case));
      expect(JSON.parse(run.stdout)).toEqual(expected);
      expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    }
  });

  it('finds the echoes of analysis.md worked example', async () => {
    const run = await cli(['analyze', markFile, '--json'], await newStoreDir('analyze-mark'));
    const analysis = JSON.parse(run.stdout) as { caseId: string; echoes: { id: string; systems: string[]; parallel: boolean; occurrences: unknown[] }[] };
    expect(analysis.caseId).toBe('mark-2026');
    expect(analysis.echoes.map((echo) => echo.id)).toEqual([
      'role:exact:performer',
      'pattern:exact:critic>performer',
      'role:exact:critic',
      'feeling:exact:anxious',
      'feeling:exact:inadequate',
      'feeling:exact:pressured',
    ]);
    const [performer, pattern] = analysis.echoes;
    expect(performer?.parallel).toBe(true);
    expect(performer?.occurrences).toEqual([
      { system: 'client', person: 'c' },
      { system: 'therapy', person: 't', identification: { therapist: 'concordant' } },
      { system: 'supervision', person: 't', identification: { therapist: 'concordant' } },
    ]);
    expect(pattern?.systems).toEqual(['client', 'supervision']);
    expect(pattern?.occurrences).toEqual([
      { system: 'client', relation: 'r1', from: 'm', to: 'c' },
      { system: 'supervision', relation: 'r5', from: 's', to: 't', identification: { therapist: 'concordant' } },
    ]);
  });

  it('writes a readable report: the case title, then one tentative line per echo', async () => {
    const run = await cli(['analyze', markFile], await newStoreDir('analyze-text'));
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('M., 42: work anxiety');
    const echoLines = lines.filter((line) => line.startsWith('- '));
    expect(echoLines).toHaveLength(6);
    expect(echoLines[0]).toMatch(/^- Anxious performer .*may echo across Client's world, Therapy and Supervision.*Mark.*Elena.*concordant.*Worth reflecting on\.$/);
    expect(echoLines[1]).toMatch(/^- Critic → Anxious performer .*Manager → Mark.*S → Elena/);
    expect(run.stdout).not.toContain('{');
  });

  it('says so when a case has no echoes', async () => {
    const file = join(root, 'quiet.json');
    await writeFile(file, JSON.stringify(quietCase()));
    const dataDir = await newStoreDir('analyze-quiet');
    const text = await cli(['analyze', file], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('No echoes found');
    const json = await cli(['analyze', file, '--json'], dataDir);
    expect(JSON.parse(json.stdout)).toEqual({ caseId: 'quiet', echoes: [] });
  });

  it('refuses an invalid case file with status 2 and case-format.md text on standard error', async () => {
    const broken = markCase();
    broken.case.people = broken.case.people.filter((person) => person.kind !== 'client');
    const file = join(root, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const run = await cli(['analyze', file, '--json'], await newStoreDir('analyze-invalid'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: not a valid case file`);
    expect(lines).toContain('  at case.people: needs exactly one person of kind "client", found 0');
    expect(lines.slice(1).every((line) => line.startsWith('  at '))).toBe(true);
  });

  it('refuses a file that is not JSON with status 2', async () => {
    const file = join(root, 'notes.txt');
    await writeFile(file, 'Session notes, not a case file\n');
    const run = await cli(['analyze', file], await newStoreDir('analyze-not-json'));
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(`${file}: not a valid case file\n  not JSON: `)).toBe(true);
  });

  it('refuses a file over 10 MiB without reading it', async () => {
    const dataDir = await newStoreDir('analyze-oversize');
    // Sparse, so the test costs no disk; at 4 GiB, reading it into a string
    // would fail differently (or take minutes), so the message proves the
    // size was checked first.
    const huge = join(root, 'huge.json');
    await writeFile(huge, '');
    await truncate(huge, 4 * 1024 ** 3);
    const hugeRun = await cli(['analyze', huge], dataDir);
    expect(hugeRun.status).toBe(2);
    expect(hugeRun.stderr).toBe(`${huge}: not a valid case file\n  the file is larger than 10 MiB and was not read\n`);

    const justOver = join(root, 'just-over.json');
    const atLimit = join(root, 'at-limit.json');
    const text = JSON.stringify(markCase());
    await writeFile(atLimit, text.padEnd(MAX_CASE_FILE_BYTES, ' '));
    await writeFile(justOver, text.padEnd(MAX_CASE_FILE_BYTES + 1, ' '));
    expect((await cli(['analyze', justOver, '--json'], dataDir)).status).toBe(2);
    expect((await cli(['analyze', atLimit, '--json'], dataDir)).status).toBe(0);
  });

  it('reports a missing file with status 2', async () => {
    const missing = join(root, 'no-such-case.json');
    const run = await cli(['analyze', missing], await newStoreDir('analyze-missing'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${missing}: could not read the file: no such file\n`);
  });
});

describe('caseload', () => {
  it('finds what a therapist holds across cases, as JSON and as words', async () => {
    const files = [
      ['a', markCase({ id: 'a' })],
      ['b', markCase({ id: 'b', therapistName: '  ELENA ', rescues: false })],
      ['c', markCase({ id: 'c' })],
    ] as const;
    const paths: string[] = [];
    for (const [name, file] of files) {
      const path = join(root, `caseload-${name}.json`);
      await writeFile(path, JSON.stringify(file));
      paths.push(path);
    }
    const dataDir = await newStoreDir('caseload');
    const json = await cli(['caseload', ...paths, '--json'], dataDir);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      therapists: [
        {
          name: 'Elena',
          caseIds: ['a', 'b', 'c'],
          recurring: [
            { kind: 'role', key: 'performer', caseIds: ['a', 'b', 'c'], share: 1 },
            { kind: 'feeling', key: 'inadequate', caseIds: ['a', 'b', 'c'], share: 1 },
            { kind: 'feeling', key: 'pressured', caseIds: ['a', 'b', 'c'], share: 1 },
            { kind: 'role', key: 'rescuer', caseIds: ['a', 'c'], share: 0.667 },
          ],
        },
      ],
    });

    const text = await cli(['caseload', ...paths], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Rescuer in 2 of 3 cases (67%): may be your own material rather than each client's");
  });

  it('stops at the first invalid file with status 2', async () => {
    const bad = join(root, 'caseload-bad.json');
    await writeFile(bad, '{"format":"triptych-case","version":2,"case":{}}');
    const run = await cli(['caseload', markFile, bad], await newStoreDir('caseload-bad'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(`${bad}: not a valid case file`);
    expect(run.stderr).toContain('at version: made by a newer version');
  });
});

describe('the store commands', () => {
  it('imports cases and lists them', async () => {
    const dataDir = await newStoreDir('list');
    const empty = await cli(['list'], dataDir);
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain('No cases');

    for (const file of new Set([markFile, ...exampleFiles])) expect((await cli(['import', file], dataDir)).status).toBe(0);
    const listed = await cli(['list'], dataDir);
    expect(listed.status).toBe(0);
    for (const file of new Set([markFile, ...exampleFiles])) {
      const { case: kase } = parseCaseFileText(await readFile(file, 'utf8'), file);
      expect(listed.stdout).toMatch(new RegExp(`^${kase.id} +\\d{4}-\\d\\d-\\d\\d +${kase.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it('reads without creating a store where there is none', async () => {
    const nowhere = join(root, 'no-store-here');
    const listed = await cli(['list'], nowhere);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toBe(`No cases: there is no case store in ${nowhere} yet.\n`);
    const exported = await cli(['export', 'mark-2026'], nowhere);
    expect(exported.status).toBe(2);
    expect(exported.stderr).toContain('There is no case "mark-2026"');
    expect(existsSync(nowhere)).toBe(false);
  });

  it('refuses a bad file whole: every file of the store is left exactly as it was', async () => {
    const dataDir = await newStoreDir('import-refused');
    expect((await cli(['import', markFile], dataDir)).status).toBe(0);
    const before = await hashTree(dataDir);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    const broken = markCase({ id: 'second' });
    broken.case.systems.therapy.relations = [{ id: 'x1', from: 'c', to: 't', fromRole: 'evaluator', toRole: 'perfomer' }];
    const file = join(root, 'import-broken.json');
    await writeFile(file, JSON.stringify(broken));
    const run = await cli(['import', file], dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: not a valid case file\n  at case.systems.therapy.relations[0].toRole: unknown role "perfomer"`);
    expect(await hashTree(dataDir)).toEqual(before);
    expect((await cli(['list'], dataDir)).stdout).not.toContain('second');
  });

  it('exports a case that imports into another store as an equal case with an identical analysis', async () => {
    const first = await newStoreDir('round-trip-1');
    const second = await newStoreDir('round-trip-2');
    const source = exampleFiles[0] as string;
    const { case: original } = parseCaseFileText(await readFile(source, 'utf8'), source);
    expect((await cli(['import', source], first)).status).toBe(0);

    const printed = await cli(['export', original.id], first);
    expect(printed.status).toBe(0);
    const outFile = join(root, 'exported.json');
    const written = await cli(['export', original.id, '--out', outFile], first);
    expect(written.status).toBe(0);
    expect(await readFile(outFile, 'utf8')).toBe(printed.stdout);

    expect((await cli(['import', outFile], second)).status).toBe(0);
    const again = await cli(['export', original.id], second);
    const reimported = parseCaseFileText(again.stdout, 'again.json').case;
    expect(reimported).toEqual(parseCaseFileText(printed.stdout, 'printed.json').case);
    expect(reimported).toEqual(original);

    const againFile = join(root, 'exported-again.json');
    await writeFile(againFile, again.stdout);
    const analyses = await Promise.all([outFile, againFile].map((file) => cli(['analyze', file, '--json'], first)));
    expect(analyses[0]?.stdout).toBe(analyses[1]?.stdout);
    expect(JSON.parse(analyses[0]?.stdout ?? '')).toEqual(analysisToJson(analyzeCase(original)));
  });

  it('never overwrites an existing file with --out', async () => {
    const dataDir = await newStoreDir('export-existing');
    await cli(['import', markFile], dataDir);
    const target = join(root, 'keep-me.json');
    await writeFile(target, 'someone else’s notes');
    const run = await cli(['export', 'mark-2026', '--out', target], dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(await readFile(target, 'utf8')).toBe('someone else’s notes');
  });

  it('reports an unknown case id with status 2', async () => {
    const run = await cli(['export', 'nobody'], await newStoreDir('export-unknown'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('There is no case "nobody"');
  });

  it('exits with status 1 when the store is open elsewhere, and leaves it alone', async () => {
    const dataDir = await newStoreDir('locked');
    const store = await openCaseStore({ dataDir });
    try {
      const run = await cli(['list'], dataDir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`could not open the store in ${dataDir}`);
      expect(await store.list()).toEqual([]);
    } finally {
      await store.close();
    }
    expect((await cli(['list'], dataDir)).status).toBe(0);
  });

  it('exits with status 1 when the data folder cannot be a store', async () => {
    const notAFolder = join(root, 'plain-file');
    await writeFile(notAFolder, 'not a folder');
    const run = await cli(['list'], notAFolder);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^triptych: could not open the store/);
  });
});

describe('arguments', () => {
  it('prints the usage with help and --help', async () => {
    const dataDir = await newStoreDir('help');
    for (const args of [['help'], ['--help'], ['analyze', '--help']]) {
      const run = await cli(args, dataDir);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage: triptych COMMAND');
      for (const command of ['analyze FILE [--json]', 'caseload FILE... [--json]', 'list', 'import FILE', 'export ID [--out FILE]']) {
        expect(run.stdout).toContain(command);
      }
    }
  });

  it.each([
    [[], 'needs a command'],
    [['analyse', 'x.json'], 'has no command "analyse"'],
    [['analyze'], 'analyze: missing FILE'],
    [['analyze', 'a.json', 'b.json'], 'analyze: unexpected argument "b.json"'],
    [['analyze', 'a.json', '--jsn'], 'analyze: unknown option --jsn'],
    [['analyze', 'a.json', '--json=yes'], 'analyze: --json takes no value'],
    [['list', '--json'], 'list: unknown option --json'],
    [['export', 'mark-2026', '--out'], 'export: --out needs a value'],
    [['export', '../etc'], 'export: "../etc" is not a case id'],
  ])('refuses %j with status 2', async (args, message) => {
    const run = await cli(args, await newStoreDir(`args-${createHash('sha1').update(JSON.stringify(args)).digest('hex')}`));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`triptych ${message}`);
  });
});

// Everything above runs the command line in-process. These run the real
// program, one child process per command: what main.ts adds around runCli
// (the exit status, the two streams, tsx) is the same for every command.
describe('the command line as a process', () => {
  it('analyze prints the analysis and exits 0', async () => {
    const run = await cliProcess(['analyze', markFile, '--json'], await newStoreDir('process-analyze'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(analysisToJson(analyzeCase(parseCaseFileText(await readFile(markFile, 'utf8'), markFile).case)));
  });

  it('caseload prints what recurs and exits 0', async () => {
    const run = await cliProcess(['caseload', markFile, '--json'], await newStoreDir('process-caseload'));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { therapists: { name: string }[] }).therapists.map((therapist) => therapist.name)).toEqual(['Elena']);
  });

  it('import, list and export go through the store and exit 0', async () => {
    const dataDir = await newStoreDir('process-store');
    const imported = await cliProcess(['import', markFile], dataDir);
    expect(imported.status, imported.stderr).toBe(0);
    const listed = await cliProcess(['list'], dataDir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^mark-2026 /m);
    const exported = await cliProcess(['export', 'mark-2026'], dataDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(parseCaseFileText(exported.stdout, 'mark.json').case.id).toBe('mark-2026');
  });

  it('help prints the usage and exits 0; bad arguments and bad input exit 2 on standard error', async () => {
    const dataDir = await newStoreDir('process-arguments');
    const help = await cliProcess(['--help'], dataDir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: triptych COMMAND');
    const unknown = await cliProcess(['analyse', 'x.json'], dataDir);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('triptych has no command "analyse"');
  });

  it('exits 1 when the store is open in another process', async () => {
    const dataDir = await newStoreDir('process-locked');
    const store = await openCaseStore({ dataDir });
    try {
      const run = await cliProcess(['list'], dataDir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`could not open the store in ${dataDir}`);
    } finally {
      await store.close();
    }
  });
});
