import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Electronegativity step of `npm run lint` (scripts/electronegativity.mjs):
 * it must fail on a real misconfiguration, accept one only with a written
 * reason, and pass on Triptych as it is.
 */

const projectRoot = join(import.meta.dirname, '..', '..');
const runner = join(projectRoot, 'scripts', 'electronegativity.mjs');

function lint(args: string[]) {
  const run = spawnSync(process.execPath, [runner, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 180_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const INSECURE_WINDOW = `import { BrowserWindow } from 'electron';

export function openUnsafeWindow(): BrowserWindow {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  void window.loadURL('https://example.com/');
  return window;
}
`;

let fixture: string;

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'triptych-electronegativity-'));
  await mkdir(join(fixture, 'electron', 'main'), { recursive: true });
  await mkdir(join(fixture, 'docs'));
  await writeFile(join(fixture, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.5.0' } }));
  await writeFile(join(fixture, 'electron', 'main', 'unsafe.ts'), INSECURE_WINDOW);
});

afterAll(async () => {
  await rm(fixture, { recursive: true, force: true });
});

describe('scripts/electronegativity.mjs', () => {
  it('fails on a window without context isolation or sandbox, naming the checks and the line', () => {
    const { status, output } = lint(['--project', fixture]);
    expect(status).toBe(1);
    expect(output).toMatch(/\[FAIL\] CONTEXT_ISOLATION_JS_CHECK \(HIGH, \w+\) electron\/main\/unsafe\.ts:4/);
    expect(output).toMatch(/\[FAIL\] SANDBOX_JS_CHECK \(MEDIUM, \w+\) electron\/main\/unsafe\.ts:4/);
    expect(output).toMatch(/\[FAIL\] LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(output).toMatch(/without a reason/);
  });

  it('accepts a finding only with a reason, and only for the file and line it names', async () => {
    const accepted = join(fixture, 'docs', 'accepted.json');
    const line = INSECURE_WINDOW.split('\n')[3]?.trim();
    const entry = (check: string, extra: object = {}) => ({ check, file: 'electron/main/unsafe.ts', sample: line, reason: 'a fixture for this test', ...extra });
    await writeFile(
      accepted,
      JSON.stringify({ accepted: [entry('CONTEXT_ISOLATION_JS_CHECK'), entry('SANDBOX_JS_CHECK', { sample: 'const other = new BrowserWindow({});' })] }),
    );
    const partly = lint(['--project', fixture, '--accepted', accepted]);
    expect(partly.status).toBe(1);
    expect(partly.output).toMatch(/\[accepted\] CONTEXT_ISOLATION_JS_CHECK \(HIGH, \w+\) electron\/main\/unsafe\.ts:4/);
    expect(partly.output).toMatch(/accepted: a fixture for this test/);
    // The entry for another line does not cover this one.
    expect(partly.output).toMatch(/\[FAIL\] SANDBOX_JS_CHECK \(MEDIUM, \w+\) electron\/main\/unsafe\.ts:4/);

    await writeFile(accepted, JSON.stringify({ accepted: [{ ...entry('CONTEXT_ISOLATION_JS_CHECK'), reason: ' ' }] }));
    const unexplained = lint(['--project', fixture, '--accepted', accepted]);
    expect(unexplained.status).toBe(1);
    expect(unexplained.output).toMatch(/needs a non-empty "reason"/);
  });

  it('passes on Triptych: nothing above low severity is left unexplained', () => {
    const { status, output } = lint([]);
    expect(output).not.toMatch(/\[FAIL\]/);
    expect(status).toBe(0);
  });
});
