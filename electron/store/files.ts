import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
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
 * the old file or the new one: a unique temp file opened exclusively with mode
 * 0600, fsynced, renamed over the target, then the folder fsynced so the
 * rename itself survives a power cut.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await renameReplacing(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
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

/** Deletes temp files a killed process left behind in `dir`; only the lock holder may call this. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await listDir(dir)) {
    if (TEMP_FILE.test(name)) await fs.rm(path.join(dir, name), { force: true });
  }
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
