import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { TriptychError } from '../../shared/ipc/result';
import { PRIVATE_FILE_MODE, isErrorCode } from './files';

/** The exact words the user sees when a second window opens the same store. */
export const STORE_LOCKED_MESSAGE = 'This case store is open in another Triptych window';

// A lock file that is still empty may belong to a process that is writing it
// right now; only once it is this old is an unreadable lock treated as stale.
const UNREADABLE_LOCK_GRACE_MS = 2_000;
const TAKE_OVER_ATTEMPTS = 5;

const LockContentSchema = z.strictObject({
  pid: z.number().int().positive(),
  hostname: z.string(),
  token: z.string(),
  since: z.string(),
});

/** Held while a store is open; release it to let another window open the store. */
export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Takes `<dataDir>/store.lock` (created exclusively) so two processes never
 * write one store. A lock left by a process that is no longer alive on this
 * host, e.g. one killed with SIGKILL, is stale and taken over. The lock holds
 * only a pid, host name and token, nothing clinical, so it skips the codec.
 */
export async function acquireStoreLock(dataDir: string): Promise<StoreLock> {
  const lockFile = path.join(dataDir, 'store.lock');
  const token = randomBytes(16).toString('hex');
  const content = JSON.stringify({ pid: process.pid, hostname: os.hostname(), token, since: new Date().toISOString() });

  for (let attempt = 0; attempt < TAKE_OVER_ATTEMPTS; attempt++) {
    if (await tryCreate(lockFile, content)) return holdLock(lockFile, token);
    const found = await readLock(lockFile);
    if (found === null) continue; // vanished between our create and read: try again
    if (!(await isStale(lockFile, found))) break;
    await takeOverStale(lockFile, found);
  }
  throw new TriptychError('store-locked', STORE_LOCKED_MESSAGE);
}

/**
 * Creates the lock with its content already in place: the content goes to a
 * private temp file that is then hard-linked to the lock's name, which fails
 * if a lock exists. So no opener ever sees an empty lock, even when its
 * writer is killed mid-way (an empty lock would look held for the grace time).
 */
async function tryCreate(lockFile: string, content: string): Promise<boolean> {
  const staged = `${lockFile}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(staged, 'wx', PRIVATE_FILE_MODE);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.link(staged, lockFile);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await fs.rm(staged, { force: true });
  }
}

async function readLock(lockFile: string): Promise<string | null> {
  try {
    return await fs.readFile(lockFile, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

async function isStale(lockFile: string, text: string): Promise<boolean> {
  const holder = parseLock(text);
  if (holder === null) {
    const stats = await fs.stat(lockFile).catch(() => null);
    return stats !== null && Date.now() - stats.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  }
  // A pid on another machine (a shared folder) cannot be checked, so that lock is honoured.
  if (holder.hostname !== os.hostname()) return false;
  return !isProcessAlive(holder.pid);
}

function parseLock(text: string): z.output<typeof LockContentSchema> | null {
  try {
    const parsed = LockContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrorCode(error, 'EPERM');
  }
}

/**
 * Moves the stale lock aside under a unique name, then checks that what moved
 * is the stale lock we judged: if another process took over first, its fresh
 * lock is put back so two openers never both believe they hold the store.
 */
async function takeOverStale(lockFile: string, staleText: string): Promise<void> {
  const aside = `${lockFile}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lockFile, aside);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return;
    throw error;
  }
  const moved = await fs.readFile(aside, 'utf8');
  if (moved !== staleText) {
    await fs.link(aside, lockFile).catch((error: unknown) => {
      if (!isErrorCode(error, 'EEXIST')) throw error;
    });
  }
  await fs.rm(aside, { force: true });
}

function holdLock(lockFile: string, token: string): StoreLock {
  const ownsLock = (text: string | null) => text !== null && parseLock(text)?.token === token;
  // 'exit' handlers must be synchronous; this covers process.exit() and a
  // normal end, while SIGKILL is covered by the stale-lock rule above.
  const releaseOnExit = () => {
    try {
      if (ownsLock(readFileSync(lockFile, 'utf8'))) unlinkSync(lockFile);
    } catch {
      // Exiting anyway: a lock left behind is stale and will be taken over.
    }
  };
  process.on('exit', releaseOnExit);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      process.off('exit', releaseOnExit);
      if (ownsLock(await readLock(lockFile))) await fs.rm(lockFile, { force: true });
    },
  };
}
