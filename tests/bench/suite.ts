import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEngineCaseload, benchEngineLargeCase, benchLayout } from './engineBenchmarks';
import { benchRenderer, RENDERER_SIZES } from './rendererBenchmarks';
import type { Outcome } from './results';
import type { BenchSizes } from './sizes';
import { benchStoreOpen, benchStoreSave, fillStore } from './storeBenchmarks';

/** Runs every benchmark once, in a fixed order, in this process; the store's temp folder is removed after. */
export async function runSuite(sizes: BenchSizes, progress: (message: string) => void = () => undefined): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  progress('engine.caseload');
  outcomes.push(await benchEngineCaseload(sizes));
  progress('engine.large-case');
  outcomes.push(await benchEngineLargeCase(sizes));
  progress('layout.150-people');
  outcomes.push(await benchLayout(sizes));

  const root = await mkdtemp(join(tmpdir(), 'triptych-bench-'));
  try {
    const dataDir = join(root, 'store');
    progress(`filling a store with ${sizes.storeCases} cases`);
    await fillStore(dataDir, sizes);
    progress('store.save');
    outcomes.push(await benchStoreSave(dataDir, join(root, 'baseline'), sizes));
    progress('store.open');
    outcomes.push(await benchStoreOpen(dataDir, sizes));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  if (sizes.renderer) outcomes.push(...(await benchRenderer(RENDERER_SIZES, progress)));
  return outcomes;
}
