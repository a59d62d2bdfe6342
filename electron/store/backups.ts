import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, fileStamp, listDir, syncDirectory, writeFileAtomic } from './files';

/** How many earlier versions of each case are kept. */
export const BACKUPS_PER_CASE = 5;

const BACKUP_NAME = /^\d{8}T\d{9}Z-\d{6}\.json$/;
let sequence = 0;

/**
 * Keeps the previous bytes of a document in `dir` as `<timestamp>-<seq>.json`
 * and drops all but the newest `keep`. The bytes are copied as they were on
 * disk, so they stay encoded by the store's codec under the document's own id.
 */
export async function keepBackup(dir: string, previousBytes: Buffer, keep: number = BACKUPS_PER_CASE): Promise<void> {
  await ensurePrivateDir(dir);
  // The sequence orders two backups taken within the same millisecond.
  sequence = (sequence + 1) % 1_000_000;
  await writeFileAtomic(path.join(dir, `${fileStamp()}-${String(sequence).padStart(6, '0')}.json`), previousBytes);
  const backups = (await listBackups(dir)).sort();
  const stale = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of stale) await fs.rm(path.join(dir, name), { force: true });
  if (stale.length > 0) await syncDirectory(dir);
}

/** The backup file names in `dir`, oldest first. */
async function listBackups(dir: string): Promise<string[]> {
  return (await listDir(dir)).filter((name) => BACKUP_NAME.test(name)).sort();
}
