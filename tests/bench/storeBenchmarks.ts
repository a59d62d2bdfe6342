import { randomBytes } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import { serializeCaseFile } from '../../shared/case/parse';
import { generateCase } from '../support/generate-cases';
import { measure } from './measure';
import { judge, type Outcome } from './results';
import type { BenchSizes } from './sizes';

/** Fills a new store in `dataDir` with the suite's generated caseload, through the store's own API. */
export async function fillStore(dataDir: string, sizes: BenchSizes): Promise<void> {
  const store = await openCaseStore({ dataDir });
  try {
    for (let index = 0; index < sizes.storeCases; index += 1) {
      await store.create(generateCase(1_000 + index, { people: sizes.caseloadPeople, relationsPerSystem: sizes.caseloadRelationsPerSystem }));
    }
  } finally {
    await store.close();
  }
}

/**
 * store.save: save one edited case into a full store, against the floor of a
 * durable replace of one file of the same size (temp file, fsync, rename).
 * A save should stay proportional to one case, not to the caseload.
 */
export async function benchStoreSave(dataDir: string, scratchDir: string, sizes: BenchSizes): Promise<Outcome> {
  const store: CaseStore = await openCaseStore({ dataDir });
  try {
    const [first] = await store.list();
    if (first === undefined) throw new Error('the benchmark store is empty');
    let current = await store.get(first.id);
    let edits = 0;
    const bytes = Buffer.from(serializeCaseFile(current), 'utf8');
    await mkdir(scratchDir, { recursive: true });
    const target = join(scratchDir, 'case.json');

    const timing = await measure(
      sizes.storeSavePlan,
      async () => {
        edits += 1;
        current = await store.save({ ...current, title: `Generated case, edit ${edits}` });
      },
      () => replaceDurably(target, bytes),
    );
    return judge('store.save', timing, { ratioAtMost: 1.5 });
  } finally {
    await store.close();
  }
}

/** store.open: open the full store and list its cases, what the app does at start. */
export async function benchStoreOpen(dataDir: string, sizes: BenchSizes): Promise<Outcome> {
  let listed = 0;
  const timing = await measure(sizes.storeOpenPlan, async () => {
    const store = await openCaseStore({ dataDir });
    listed = (await store.list()).length;
    return () => store.close();
  });
  if (listed !== sizes.storeCases) throw new Error(`the store listed ${listed} cases, expected ${sizes.storeCases}`);
  return judge('store.open', timing, { msUnder: 100 });
}

async function replaceDurably(target: string, bytes: Buffer): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
}
