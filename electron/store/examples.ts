import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Case } from '../../shared/case/schema';
import { TriptychError } from '../../shared/ipc/result';
import type { CaseStore } from './caseStore';
import { isErrorCode } from './files';

/**
 * resources/examples of the repository. Both this file (electron/store/) and
 * the bundled main process (out/main/) sit two folders below the root; a
 * packaged app passes its own resources folder instead.
 */
export const DEFAULT_EXAMPLES_DIR = fileURLToPath(new URL('../../resources/examples/', import.meta.url));

/** What seeding did: the examples added, and any example file that was refused. */
export interface SeedingOutcome {
  imported: Case[];
  refused: { fileName: string; message: string }[];
}

/**
 * Offers the example cases once: on a store that was never seeded and holds
 * no case (live or trashed), imports every `*.json` in `examplesDir` through
 * the normal validated import, then records that the store was seeded so a
 * clinician who deletes the examples does not get them back.
 */
export async function seedExamplesIfFirstOpen(store: CaseStore, examplesDir: string = DEFAULT_EXAMPLES_DIR): Promise<SeedingOutcome> {
  const outcome: SeedingOutcome = { imported: [], refused: [] };
  if (await store.examplesSeeded()) return outcome;
  if ((await store.list()).length > 0 || (await store.listTrash()).length > 0) {
    await store.markExamplesSeeded();
    return outcome;
  }
  let names: string[];
  try {
    names = (await fs.readdir(examplesDir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    // Not marked as seeded: an install that lacks its examples folder offers them once it is fixed.
    if (isErrorCode(error, 'ENOENT')) return outcome;
    throw error;
  }
  for (const fileName of names) {
    const text = await fs.readFile(path.join(examplesDir, fileName), 'utf8');
    try {
      outcome.imported.push(await store.importCaseFile(text, fileName));
    } catch (error) {
      if (!(error instanceof TriptychError) || error.code !== 'invalid-case-file') throw error;
      outcome.refused.push({ fileName, message: error.message });
    }
  }
  await store.markExamplesSeeded();
  return outcome;
}
