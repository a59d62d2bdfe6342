import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';

/** Folders of the store: only the user may list or enter them. */
const PRIVATE_DIR_MODE = 0o700;
/** Files of the store: only the user may read or write them. */
export const PRIVATE_FILE_MODE = 0o600;

// Temp files start with a dot and end in .tmp, so no reader ever takes one for
// a document (document names never start with a dot).
const TEMP_FILE = /^\..+\.tmp$/;

/** Creates `dir` (and missing parents) with mode 0700; returns true when it did not exist before. */
export async function ensurePrivateDir(dir: string): Promise<boolean> {
  const firstCreated = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (firstCreated === undefined) return false;
  // mkdir's mode passes through the umask; chmod makes 0700 hold under any umask.
  for (let created = dir; ; created = path.dirname(created)) {
    await fs.chmod(created, PRIVATE_DIR_MODE);
    if (created === firstCreated || path.dirname(created) === created) break;
  }
  return true;
}

/**
 * Replaces `target` with `bytes` so that a crash at any moment leaves either
 * the old file or the new one (see stageFile and StagedFile.commit). Returns
 * the stats of the file written.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<Stats> {
  return (await stageFile(target, bytes)).commit();
}

/** A new version of a file, complete and on disk under a temp name beside it, not yet in place. */
export interface StagedFile {
  /**
   * Renames the new version over the target, then fsyncs the folder so the
   * rename itself survives a power cut. Returns the stats of the file now in
   * place.
   */
  commit(): Promise<Stats>;
  /** Removes the new version, leaving the target as it was. */
  discard(): Promise<void>;
}

/**
 * First half of an atomic replace: writes `bytes` to a unique temp file
 * beside `target`, opened exclusively with mode 0600, and fsyncs it, so that
 * a rename can only ever put a complete file in place. Splitting the replace
 * lets a caller do other durable work (a backup) while the bytes are written.
 */
export async function stageFile(target: string, bytes: Uint8Array): Promise<StagedFile> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return {
    async commit() {
      try {
        await renameReplacing(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      // The stat is taken after the rename, which changes the file's ctime
      // on Linux, and need not wait for the folder's fsync.
      const [stats] = await Promise.all([fs.stat(target), syncDirectory(dir)]);
      if ((stats.mode & 0o777) === PRIVATE_FILE_MODE) return stats;
      // The umask can only take bits away from the 0600 asked at open, so the
      // file was never readable by others; this restores the owner's bits
      // under an unusual umask without a chmod on every write.
      await fs.chmod(target, PRIVATE_FILE_MODE);
      return fs.stat(target);
    },
    discard: () => fs.rm(temp, { force: true }),
  };
}

/** Flushes a folder's entries (renames, creations, removals) to disk. */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync, and NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The bytes of `file`, or null when it does not exist. */
export async function readFileIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** The stats of `file`, or null when it does not exist. */
export async function statIfExists(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Removes `file` if present (one unlink, where fs.rm first stats it). */
export async function removeFile(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) throw error;
  }
}

/** Removes `file` (if present) and makes the removal durable. */
export async function removeFileDurably(file: string): Promise<void> {
  await fs.rm(file, { force: true });
  await syncDirectory(path.dirname(file));
}

/** Names of the entries of `dir`, or none when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return [];
    throw error;
  }
}

/**
 * Deletes temp files a killed process left behind in `dir` and returns the
 * names of the other entries; only the lock holder may call this.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const kept: string[] = [];
  for (const name of await listDir(dir)) {
    if (TEMP_FILE.test(name)) await fs.rm(path.join(dir, name), { force: true });
    else kept.push(name);
  }
  return kept;
}

/** A UTC timestamp usable in a file name that sorts in time order, e.g. 20261120T173000123Z. */
export function fileStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** True when `error` is a Node system error with this code. */
export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

async function renameReplacing(from: string, to: string): Promise<void> {
  // On Windows a virus scanner or indexer can hold the target open for a
  // moment; elsewhere rename over an existing file never fails this way.
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const transient = isErrorCode(error, 'EPERM') || isErrorCode(error, 'EACCES') || isErrorCode(error, 'EBUSY');
      if (process.platform !== 'win32' || !transient || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}
