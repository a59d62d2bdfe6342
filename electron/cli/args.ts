/**
 * The command line's argument rules. Parsing is strict on purpose: a mistyped
 * option in a script should stop it, not be silently ignored while the command
 * runs on something the user did not mean.
 */

/** Bad arguments: the user can fix them by reading the usage text. */
export class UsageError extends Error {
  readonly code = 'bad-arguments';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command accepts: how many positional arguments, which flags and valued options. */
export interface CommandSpec {
  name: string;
  /** How the positionals are named in messages, e.g. "FILE". */
  positionalName: string;
  minPositionals: number;
  maxPositionals: number;
  flags: readonly string[];
  options: readonly string[];
}

/** A command line after parsing against its spec. */
export interface ParsedArguments {
  positionals: string[];
  flags: ReadonlySet<string>;
  options: ReadonlyMap<string, string>;
}

/** Parses `argv` (the words after the command name) against `spec`; throws UsageError. */
export function parseArguments(argv: readonly string[], spec: CommandSpec): ParsedArguments {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  let optionsEnded = false;

  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index] as string;
    if (optionsEnded || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals === -1 ? word : word.slice(0, equals);
    const inlineValue = equals === -1 ? undefined : word.slice(equals + 1);

    if (spec.flags.includes(name)) {
      if (inlineValue !== undefined) throw new UsageError(`${spec.name}: ${name} takes no value`);
      if (flags.has(name)) throw new UsageError(`${spec.name}: ${name} is given twice`);
      flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value === '') throw new UsageError(`${spec.name}: ${name} needs a value`);
      if (options.has(name)) throw new UsageError(`${spec.name}: ${name} is given twice`);
      options.set(name, value);
    } else {
      throw new UsageError(`${spec.name}: unknown option ${name}`);
    }
  }

  if (positionals.length < spec.minPositionals) {
    throw new UsageError(`${spec.name}: missing ${spec.positionalName}`);
  }
  if (positionals.length > spec.maxPositionals) {
    throw new UsageError(`${spec.name}: unexpected argument "${positionals[spec.maxPositionals]}"`);
  }
  return { positionals, flags, options };
}
