import type { CliCommand } from './command';
import { withCaseStore } from './withCaseStore';

/** `list`: the cases in the store, one per line. */
export const listCommand: CliCommand = {
  name: 'list',
  synopsis: '',
  summary: 'list the cases in the store (id, last change, title)',
  positionalName: '',
  minPositionals: 0,
  maxPositionals: 0,
  flags: [],
  options: [],
  async run(_args, output) {
    const { cases, dataDir } = await withCaseStore(async (store, dataDir) => ({ cases: await store.list(), dataDir }));
    if (cases.length === 0) {
      output.out(`No cases in the store (${dataDir}).\n`);
      return;
    }
    const idWidth = Math.max(...cases.map((c) => c.id.length));
    for (const summary of cases) {
      output.out(`${summary.id.padEnd(idWidth)}  ${summary.updatedAt.slice(0, 10)}  ${summary.title}\n`);
    }
  },
};
