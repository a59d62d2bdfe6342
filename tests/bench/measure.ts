import { performance } from 'node:perf_hooks';

/** How many times to run a measurement, and how many runs to throw away first. */
export interface RunPlan {
  warmup: number;
  runs: number;
}

/** The median time of a task and, when it has one, of its baseline. */
export interface Timing {
  medianMs: number;
  baselineMs: number | null;
}

/** Undoes what a timed run set up (e.g. closes the store it opened), outside the timing. */
export type Teardown = () => Promise<void>;

/** One timed run. It may return a teardown, which runs after the clock stops. */
export type Task = () => void | number | Teardown | Promise<void | number | Teardown>;

/** The middle value of a non-empty list of numbers (the mean of the two middles for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timeOnce(task: Task): Promise<number> {
  const start = performance.now();
  const result = await task();
  const elapsed = performance.now() - start;
  if (typeof result === 'function') await result();
  return elapsed;
}

/**
 * Times `task` and `baseline` in alternation, so both see the same machine
 * state (JIT, caches, page cache, other load) and the ratio stays meaningful
 * on a noisy machine. Warm-up runs let the JIT settle and are discarded.
 */
export async function measure(plan: RunPlan, task: Task, baseline?: Task): Promise<Timing> {
  for (let i = 0; i < plan.warmup; i += 1) {
    await timeOnce(task);
    if (baseline) await timeOnce(baseline);
  }
  const taskTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < plan.runs; i += 1) {
    // Swap who goes first each run so neither always inherits the other's garbage.
    if (baseline && i % 2 === 1) baselineTimes.push(await timeOnce(baseline));
    taskTimes.push(await timeOnce(task));
    if (baseline && i % 2 === 0) baselineTimes.push(await timeOnce(baseline));
  }
  return { medianMs: median(taskTimes), baselineMs: baseline ? median(baselineTimes) : null };
}
