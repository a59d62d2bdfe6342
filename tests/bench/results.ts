import type { Timing } from './measure';

/**
 * What a benchmark must meet: a ceiling on its ratio to its baseline, on its
 * own median time, or both (renderer.open-large-case: at most 1.5 times the
 * bare page and at most 500 ms).
 */
export type Target = { ratioAtMost: number; msAtMost?: number } | { msUnder: number };

/** One row of `npm run bench -- --json`, exactly as printed. */
export interface BenchResult {
  name: string;
  median_ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  target: string;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The target as the JSON and the table spell it: "ratio <= 0.5", "< 20 ms" or "ratio <= 1.5, <= 500 ms". */
export function describeTarget(target: Target): string {
  if (!('ratioAtMost' in target)) return `< ${target.msUnder} ms`;
  return target.msAtMost === undefined ? `ratio <= ${target.ratioAtMost}` : `ratio <= ${target.ratioAtMost}, <= ${target.msAtMost} ms`;
}

/** A printed row and whether it met its target. */
export interface Outcome {
  result: BenchResult;
  met: boolean;
}

/** Builds the printed row from a timing; the ratio and the verdict use unrounded figures. */
export function judge(name: string, timing: Timing, target: Target): Outcome {
  const ratio = timing.baselineMs === null || timing.baselineMs === 0 ? null : timing.medianMs / timing.baselineMs;
  const met =
    'ratioAtMost' in target
      ? ratio !== null && ratio <= target.ratioAtMost && (target.msAtMost === undefined || timing.medianMs <= target.msAtMost)
      : timing.medianMs < target.msUnder;
  return {
    result: {
      name,
      median_ms: round(timing.medianMs, 3),
      baseline_ms: timing.baselineMs === null ? null : round(timing.baselineMs, 3),
      ratio: ratio === null ? null : round(ratio, 3),
      target: describeTarget(target),
    },
    met,
  };
}

/** The human table: one row per benchmark with PASS or MISS. */
export function formatTable(outcomes: readonly Outcome[]): string {
  const header = ['benchmark', 'median ms', 'baseline ms', 'ratio', 'target', 'result'];
  const rows = outcomes.map(({ result: r, met }) => [
    r.name,
    r.median_ms.toFixed(3),
    r.baseline_ms === null ? '-' : r.baseline_ms.toFixed(3),
    r.ratio === null ? '-' : r.ratio.toFixed(3),
    r.target,
    met ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 || column >= 4 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
