import { readFile, stat } from 'node:fs/promises';
import { BadInputError } from './failure';

/** The environment variable a script may set to the store's passphrase. */
export const PASSPHRASE_VARIABLE = 'TRIPTYCH_PASSPHRASE';

/** The option that names a file holding the passphrase. There is deliberately no option that takes the passphrase itself. */
export const PASSPHRASE_FILE_OPTION = '--passphrase-file';

// A passphrase file is one line; anything larger is the wrong file.
const MAX_PASSPHRASE_FILE_BYTES = 4096;

/** Where a command may find the passphrase: a file named on the command line, else the environment, else the terminal. */
export interface PassphraseSources {
  file?: string;
  /** Ask twice when prompting, for a passphrase being chosen rather than typed to unlock. */
  confirm?: boolean;
  /** What the prompt says, e.g. "Passphrase for the case store in …". */
  prompt: string;
  /** Where TRIPTYCH_PASSPHRASE is read: process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Whether there is a terminal to prompt on: process.stdin.isTTY by default. */
  terminal?: boolean;
}

/**
 * Reads the passphrase from `--passphrase-file`, else TRIPTYCH_PASSPHRASE,
 * else a prompt on the terminal that does not echo. Never from an argument:
 * those show in `ps` and in the shell's history. Without a terminal and
 * without either source it stops with a message that says how to give one.
 */
export async function readPassphrase(sources: PassphraseSources): Promise<string> {
  if (sources.file !== undefined) return readPassphraseFile(sources.file);
  const fromEnvironment = (sources.env ?? process.env)[PASSPHRASE_VARIABLE];
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!(sources.terminal ?? process.stdin.isTTY === true)) {
    throw new BadInputError(
      `This needs the case store's passphrase, and there is no terminal to ask for it. Give it with ${PASSPHRASE_FILE_OPTION} FILE (a file holding only the passphrase) or in the ${PASSPHRASE_VARIABLE} environment variable. Nothing was changed.`,
    );
  }
  const typed = await promptHidden(`${sources.prompt}: `);
  if (sources.confirm === true && (await promptHidden('Type it again to confirm: ')) !== typed) {
    throw new BadInputError('The two passphrases were not the same. Nothing was changed; run the command again.');
  }
  return typed;
}

async function readPassphraseFile(file: string): Promise<string> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_PASSPHRASE_FILE_BYTES) {
      throw new BadInputError(`${file} is larger than a passphrase file can be (${MAX_PASSPHRASE_FILE_BYTES} bytes). Nothing was changed.`);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'it may not be read' : 'it could not be read';
    throw new BadInputError(`${PASSPHRASE_FILE_OPTION} ${file}: ${why}. Nothing was changed.`);
  }
  // Editors end a file with a newline; it is not part of the passphrase.
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal with echo off (raw mode), so the passphrase never shows on screen. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new BadInputError('Stopped; nothing was changed.'));
          return;
        }
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += character;
      }
    };
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
