import { basename } from 'node:path';
import { parseCaseFileText } from '../../shared/case/parse';
import type { CliCommand } from './command';
import { readCaseFileText } from './readCaseFile';
import { withCaseStore } from './withCaseStore';

/** `import FILE`: add one case file to the store, or refuse it whole. */
export const importCommand: CliCommand = {
  name: 'import',
  synopsis: 'FILE',
  summary: 'add a case file to the store (a file with any problem is refused whole)',
  positionalName: 'FILE',
  minPositionals: 1,
  maxPositionals: 1,
  flags: [],
  options: [],
  async run(args, output) {
    const path = args.positionals[0] as string;
    const text = await readCaseFileText(path);
    // Checked here first so the error names the path as the user typed it, and
    // a bad file never even opens (or waits on) the store.
    const fileCase = parseCaseFileText(text, path).case;
    const imported = await withCaseStore((store) => store.importCaseFile(text, basename(path)));
    const renamed = imported.id === fileCase.id ? '' : ` (the id "${fileCase.id}" was already in use)`;
    output.out(`Imported "${imported.title}" as ${imported.id}${renamed}\n`);
  },
};
