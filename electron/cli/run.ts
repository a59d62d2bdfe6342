import { parseArguments, UsageError } from './args';
import { analyzeCommand } from './analyzeCommand';
import { caseloadCommand } from './caseloadCommand';
import type { CliCommand, CliOutput } from './command';
import { exportCommand } from './exportCommand';
import { describeFailure, EXIT_OK } from './failure';
import { handoutCommand } from './handoutCommand';
import { importCommand } from './importCommand';
import { initCommand } from './initCommand';
import { listCommand } from './listCommand';
import { PASSPHRASE_FILE_OPTION } from './passphrase';
import { formatUsage } from './usage';
import { withStoreCommandContext, type CliEnvironment } from './withCaseStore';

const COMMANDS: readonly CliCommand[] = [analyzeCommand, caseloadCommand, initCommand, listCommand, importCommand, exportCommand, handoutCommand];
/** The commands that open the store, and so take --passphrase-file besides their own options. */
const STORE_COMMANDS: ReadonlySet<CliCommand> = new Set([listCommand, importCommand, exportCommand, handoutCommand]);
const HELP_WORDS = new Set(['help', '--help', '-h']);
const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs one command line (the words after the program name) and returns its
 * exit status. `environment` stands in for the process's environment variables
 * and terminal, so the command line can run in-process (the tests do).
 */
export async function runCli(argv: readonly string[], output: CliOutput, environment: CliEnvironment = {}): Promise<number> {
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
    const spec = STORE_COMMANDS.has(command) ? { ...command, options: [...command.options, PASSPHRASE_FILE_OPTION] } : command;
    const args = parseArguments(rest, spec);
    const passphraseFile = STORE_COMMANDS.has(command) ? args.options.get(PASSPHRASE_FILE_OPTION) : undefined;
    await withStoreCommandContext({ ...environment, passphraseFile, output }, () => command.run(args, output));
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error);
    output.err(`${failure.message}\n`);
    return failure.status;
  }
}
