import type { Stats } from 'node:fs';
import type { FileSignature } from './documents';

/**
 * What the file system says about a file without reading it: enough to tell
 * that a case file is the very one the store wrote, so opening the store can
 * trust the index's summary of it instead of reading and validating 40 kB.
 * mtime alone is not enough: copy and restore tools (cp -p, rsync -t, backup
 * software) set it back. ctime and the inode number cannot be set by a
 * program, and any write in place or replacement changes at least one of them.
 */
export function signatureOf(stats: Stats): FileSignature {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** True when both signatures describe the same, unchanged file. */
export function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
