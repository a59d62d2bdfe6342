import { TriptychError } from '../../shared/ipc/result';
import { UsageError } from './args';
import type { CliCommand } from './command';
import { withCaseStore } from './withCaseStore';
import { writeNewFile } from './writeNewFile';

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
