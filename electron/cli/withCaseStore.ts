import { stat } from 'node:fs/promises';
import { openCaseStore, type CaseStore } from '../store/caseStore';
import { resolveDataDir } from '../store/dataDir';
import { StoreUnavailableError } from './failure';

/**
 * Opens the store in the data folder (TRIPTYCH_DATA_DIR or the app's own),
 * runs `work` and always closes it, so the store's lock is released even when
 * the command fails and the app can open the store afterwards.
 *
 * A command that only reads passes `whenMissing`: opening a store creates its
 * folder, and a mistyped TRIPTYCH_DATA_DIR should not leave an empty store
 * behind just because someone listed it.
 */
export async function withCaseStore<T>(
  work: (store: CaseStore, dataDir: string) => Promise<T>,
  whenMissing?: (dataDir: string) => T,
): Promise<T> {
  const dataDir = resolveDataDir();
  if (whenMissing !== undefined && !(await exists(dataDir))) return whenMissing(dataDir);
  let store: CaseStore;
  try {
    store = await openCaseStore({ dataDir });
  } catch (error) {
    throw new StoreUnavailableError(dataDir, error);
  }
  try {
    return await work(store, dataDir);
  } finally {
    await store.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreUnavailableError(path, error);
  }
}
