import { openCaseStore, type CaseStore } from '../store/caseStore';
import { resolveDataDir } from '../store/dataDir';
import { StoreUnavailableError } from './failure';

/**
 * Opens the store in the data folder (TRIPTYCH_DATA_DIR or the app's own),
 * runs `work` and always closes it, so the store's lock is released even when
 * the command fails and the app can open the store afterwards.
 */
export async function withCaseStore<T>(work: (store: CaseStore, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = resolveDataDir();
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
