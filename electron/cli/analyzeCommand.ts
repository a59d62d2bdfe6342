import { analysisToJson, analyzeCase } from '../../shared/analysis/index';
import { printJson, type CliCommand } from './command';
import { formatAnalysisReport } from './analysisReport';
import { readCaseFile } from './readCaseFile';

/** `analyze FILE [--json]`: the echoes of one case file. */
export const analyzeCommand: CliCommand = {
  name: 'analyze',
  synopsis: 'FILE [--json]',
  summary: 'find what echoes across the three systems of one case file',
  positionalName: 'FILE',
  minPositionals: 1,
  maxPositionals: 1,
  flags: ['--json'],
  options: [],
  async run(args, output) {
    const file = await readCaseFile(args.positionals[0] as string);
    const analysis = analyzeCase(file.case);
    if (args.flags.has('--json')) printJson(output, analysisToJson(analysis));
    else output.out(formatAnalysisReport(file.case, analysis));
  },
};
