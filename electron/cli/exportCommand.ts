import { open, unlink } from 'node:fs/promises';
import { TriptychError } from '../../shared/ipc/result';
import { UsageError } from './args';
import type { CliCommand } from './command';
import { BadInputError } from './failure';
import { withCaseStore } from './withCaseStore';

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `export ID [--out FILE]`: one case as a case file, on standard output or into a new file. */
export const exportCommand: CliCommand = {
  name: 'export',
  synopsis: 'ID [--out FILE]',
  summary: 'write a case from the store as a case file (to standard output, or to a new FILE)',
  positionalName: 'ID',
  minPositionals: 1,
  maxPositionals: 1,
  flags: [],
  options: ['--out'],
  async run(args, output) {
    const id = args.positionals[0] as string;
    if (!CASE_ID.test(id)) throw new UsageError(`export: "${id}" is not a case id (1–64 characters of A-Z a-z 0-9 _ -)`);
    const { text } = await withCaseStore(
      (store) => store.exportCaseFile(id),
      (dataDir) => {
        throw new TriptychError('not-found', `There is no case "${id}": there is no case store in ${dataDir} yet.`);
      },
    );
    const out = args.options.get('--out');
    if (out === undefined) {
      output.out(text);
      return;
    }
    await writeNewFile(out, text);
    output.out(`Exported ${id} to ${out}\n`);
  },
};

/**
 * Writes a new file readable by its owner only, since a case file is clinical
 * data. An existing file is never overwritten: a typo in --out must not
 * destroy another case.
 */
async function writeNewFile(path: string, text: string): Promise<void> {
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
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
