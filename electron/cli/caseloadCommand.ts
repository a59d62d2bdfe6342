import { analyzeCaseload, caseloadToJson } from '../../shared/analysis/index';
import { printJson, type CliCommand } from './command';
import { formatCaseloadReport } from './caseloadReport';
import { readCaseFile } from './readCaseFile';

/** `caseload FILE... [--json]`: what each therapist holds across several cases. */
export const caseloadCommand: CliCommand = {
  name: 'caseload',
  synopsis: 'FILE... [--json]',
  summary: 'find what a therapist holds in the therapy of two or more of their cases',
  positionalName: 'FILE',
  minPositionals: 1,
  maxPositionals: Number.POSITIVE_INFINITY,
  flags: ['--json'],
  options: [],
  async run(args, output) {
    const cases = [];
    // One at a time: the first bad file stops the command with its own error text.
    for (const path of args.positionals) cases.push((await readCaseFile(path)).case);
    const caseload = analyzeCaseload(cases);
    if (args.flags.has('--json')) printJson(output, caseloadToJson(caseload));
    else output.out(formatCaseloadReport(caseload));
  },
};
