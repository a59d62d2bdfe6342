import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

describe('the benchmark suite', () => {
  it('prints exactly {"results":[...]} with every benchmark in --quick --json mode', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', '--quick', '--json'], { cwd: repo });
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const printed = JSON.parse(stdout) as { results: Record<string, unknown>[] };
    expect(Object.keys(printed)).toEqual(['results']);
    expect(printed.results.map((row) => row.name)).toEqual(['engine.caseload', 'engine.large-case', 'layout.150-people', 'store.save', 'store.open']);
    for (const row of printed.results) {
      expect(Object.keys(row)).toEqual(['name', 'median_ms', 'baseline_ms', 'ratio', 'target']);
      expect(row.median_ms).toEqual(expect.any(Number));
      expect(row.median_ms as number).toBeGreaterThanOrEqual(0);
      if (row.baseline_ms === null) {
        expect(row.ratio).toBeNull();
        expect(row.target).toMatch(/^< \d+(\.\d+)? ms$/);
      } else {
        expect(row.baseline_ms).toEqual(expect.any(Number));
        expect(row.ratio).toEqual(expect.any(Number));
        expect(row.target).toMatch(/^ratio <= \d+(\.\d+)?$/);
      }
    }
    expect(printed.results.map((row) => row.target)).toEqual(['ratio <= 0.5', '< 20 ms', '< 1000 ms', 'ratio <= 1.5', '< 100 ms']);
  });

  it('prints a table with PASS or MISS on each row', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', '--quick'], { cwd: repo });
    const rows = stdout.split('\n').filter((line) => /^(engine|store)\./.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/ (PASS|MISS)$/);
  });

  it('refuses an unknown argument', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', '--fast'], { cwd: repo })).rejects.toMatchObject({ code: 2 });
  });
});
