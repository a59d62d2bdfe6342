import type { CommandSpec, ParsedArguments } from './args';

/** Where a command writes: standard output for results, standard error for problems. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** One command of the command line: its argument rules, its usage line and what it does. */
export interface CliCommand extends CommandSpec {
  /** The usage line's arguments, e.g. "FILE [--json]". */
  synopsis: string;
  /** One line for the usage text. */
  summary: string;
  run(args: ParsedArguments, output: CliOutput): Promise<void>;
}

/** Prints a value the way every --json output is printed: two-space indent and a final newline. */
export function printJson(output: CliOutput, value: unknown): void {
  output.out(`${JSON.stringify(value, null, 2)}\n`);
}
