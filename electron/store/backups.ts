import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, ensurePrivateDir, fileStamp, isErrorCode, readFileIfExists, removeFile, removeStaleTempFiles, statIfExists, syncDirectory, writeFileAtomic } from './files';

/** How many earlier versions of each case are kept. */
export const BACKUPS_PER_CASE = 5;

const BACKUP_NAME = /^\d{8}T\d{9}Z-\d{6}\.json$/;
let sequence = 0;

/**
 * Keeps the current version of `file` in `dir` as `<timestamp>-<seq>.json`,
 * before the caller replaces it, and drops all but the newest `keep`. Does
 * nothing when `file` does not exist.
 *
 * The file is hard-linked, not copied: the store never writes a document in
 * place (it always renames a new file over it), so the old bytes stay exactly
 * as they are, still encoded by the store's codec under the document's own id,
 * and they are already durable; a link costs no copy and no data fsync. Where
 * the file system refuses links (FAT and exFAT drives, some network shares)
 * the bytes are copied atomically instead.
 */
export async function keepBackup(dir: string, file: string, keep: number = BACKUPS_PER_CASE): Promise<void> {
  // The sequence orders two backups taken within the same millisecond.
  sequence = (sequence + 1) % 1_000_000;
  const backup = path.join(dir, `${fileStamp()}-${String(sequence).padStart(6, '0')}.json`);
  if (!(await linkOrCopy(file, backup, dir))) return;
  // A link shares the file's mode, and a case file put in the folder by
  // another program may be readable by others; a backup never is.
  await fs.chmod(backup, PRIVATE_FILE_MODE);
  // The new name must be on disk before the caller renames the new version
  // over `file`, or a power cut could keep the new version and lose the old.
  await syncDirectory(dir);
  // Only the copy fallback writes temp files here, so this is where a killed
  // copy's leftover is cleared, rather than in every case's folder at open.
  const backups = (await removeStaleTempFiles(dir)).filter((name) => BACKUP_NAME.test(name)).sort();
  // No fsync for the removals: one that a crash undoes leaves one backup
  // too many until the next save of this case.
  for (const name of backups.slice(0, Math.max(0, backups.length - keep))) await removeFile(path.join(dir, name));
}

/** Puts `file` at `backup`; false when there is no `file`. */
async function linkOrCopy(file: string, backup: string, dir: string): Promise<boolean> {
  try {
    await fs.link(file, backup);
    return true;
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) return copy(file, backup, dir);
  }
  // ENOENT: no file to keep, or the case has no backup folder yet. The
  // folder is made only when there is something to put in it.
  if ((await statIfExists(file)) === null) return false;
  await ensurePrivateDir(dir);
  try {
    await fs.link(file, backup);
    return true;
  } catch {
    return copy(file, backup, dir);
  }
}

async function copy(file: string, backup: string, dir: string): Promise<boolean> {
  const bytes = await readFileIfExists(file);
  if (bytes === null) return false;
  await ensurePrivateDir(dir);
  await writeFileAtomic(backup, bytes);
  return true;
}
