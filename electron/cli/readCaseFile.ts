import { open } from 'node:fs/promises';
import { CaseFileError, MAX_CASE_FILE_BYTES, parseCaseFileText } from '../../shared/case/parse';
import type { CaseFile } from '../../shared/case/schema';

/** A file named on the command line that could not be read at all (missing, a folder, unreadable). */
export class UnreadableFileError extends Error {
  readonly code = 'unreadable-file';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: could not read the file: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

const OVERSIZE_PROBLEM = 'the file is larger than 10 MiB and was not read';

/**
 * Reads a case file's text from disk. The size is checked on the open file
 * before any byte is read, and the read never goes past the size it checked,
 * so a huge (or growing) file never becomes a huge string.
 */
export async function readCaseFileText(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UnreadableFileError(path, describeFsError(error));
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFileError(path, 'not a file');
    if (stats.size > MAX_CASE_FILE_BYTES) throw new CaseFileError(path, [OVERSIZE_PROBLEM]);

    // One byte more than the file claims to hold tells us whether it grew after the stat.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > stats.size) throw new UnreadableFileError(path, 'the file changed while it was being read; try again');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw new CaseFileError(path, ['not UTF-8 text']);
    }
  } catch (error) {
    if (error instanceof CaseFileError || error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(path, describeFsError(error));
  } finally {
    await handle.close();
  }
}

/** Reads and validates one case file; throws CaseFileError with case-format.md's text. */
export async function readCaseFile(path: string): Promise<CaseFile> {
  return parseCaseFileText(await readCaseFileText(path), path);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message;
  }
}
