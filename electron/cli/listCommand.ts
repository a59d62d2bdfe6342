import type { CaseSummary } from '../store/caseStore';
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
    const { cases, dataDir } = await withCaseStore<{ cases: CaseSummary[] | null; dataDir: string }>(
      async (store, dataDir) => ({ cases: await store.list(), dataDir }),
      (dataDir) => ({ cases: null, dataDir }),
    );
    if (cases === null || cases.length === 0) {
      output.out(cases === null ? `No cases: there is no case store in ${dataDir} yet.\n` : `No cases in the store in ${dataDir}.\n`);
      return;
    }
    const idWidth = Math.max(...cases.map((c) => c.id.length));
    for (const summary of cases) {
      output.out(`${summary.id.padEnd(idWidth)}  ${summary.updatedAt.slice(0, 10)}  ${summary.title}\n`);
    }
  },
};
