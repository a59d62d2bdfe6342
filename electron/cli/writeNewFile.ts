import { open, unlink } from 'node:fs/promises';
import { BadInputError } from './failure';

/**
 * Writes a new file readable by its owner only, since what the command line
 * writes (a case file, a handout) is clinical data. An existing file is never
 * overwritten: a typo in --out must not destroy another case.
 */
export async function writeNewFile(path: string, content: string | Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BadInputError(`${path} already exists; nothing was written. Choose another file name.`);
    if (code === 'ENOENT') throw new BadInputError(`${path}: the folder does not exist; nothing was written.`);
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
