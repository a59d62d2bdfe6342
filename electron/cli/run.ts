import { parseArguments, UsageError } from './args';
import { analyzeCommand } from './analyzeCommand';
import { caseloadCommand } from './caseloadCommand';
import type { CliCommand, CliOutput } from './command';
import { exportCommand } from './exportCommand';
import { describeFailure, EXIT_OK } from './failure';
import { handoutCommand } from './handoutCommand';
import { importCommand } from './importCommand';
import { listCommand } from './listCommand';
import { formatUsage } from './usage';

const COMMANDS: readonly CliCommand[] = [analyzeCommand, caseloadCommand, listCommand, importCommand, exportCommand, handoutCommand];
const HELP_WORDS = new Set(['help', '--help', '-h']);
const HELP_FLAGS = new Set(['--help', '-h']);

/** Runs one command line (the words after the program name) and returns its exit status. */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name !== undefined && HELP_WORDS.has(name)) {
      if (rest.length > 0) throw new UsageError(`help: unexpected argument "${rest[0]}"`);
      output.out(formatUsage(COMMANDS));
      return EXIT_OK;
    }
    if (name === undefined) throw new UsageError('needs a command');
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) throw new UsageError(`has no command "${name}"`);
    const endOfOptions = rest.indexOf('--');
    if ((endOfOptions === -1 ? rest : rest.slice(0, endOfOptions)).some((word) => HELP_FLAGS.has(word))) {
      output.out(formatUsage(COMMANDS));
      return EXIT_OK;
    }
    await command.run(parseArguments(rest, command), output);
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error);
    output.err(`${failure.message}\n`);
    return failure.status;
  }
}
