import { AsyncLocalStorage } from 'node:async_hooks';
import { stat } from 'node:fs/promises';
import { TriptychError } from '../../shared/ipc/result';
import { plainCodec } from '../crypto/plainCodec';
import { unlock, vaultStatus, type VaultStatus } from '../crypto/vault';
import { openCaseStore, type CaseStore } from '../store/caseStore';
import type { DocumentCodec } from '../store/codec';
import { resolveDataDir } from '../store/dataDir';
import type { CliOutput } from './command';
import { BadInputError, StoreUnavailableError } from './failure';
import { readPassphrase } from './passphrase';

/** Where a command finds its settings: the process's own unless a caller (a test running the CLI in-process) gives others. */
export interface CliEnvironment {
  /** Where TRIPTYCH_DATA_DIR and TRIPTYCH_PASSPHRASE are read: process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Whether standard input is a terminal to ask for a passphrase on: process.stdin.isTTY by default. */
  terminal?: boolean;
}

/** What a store command was given besides its own arguments: where to find the passphrase, and where to speak. */
export interface StoreCommandContext extends CliEnvironment {
  passphraseFile?: string;
  output: CliOutput;
}

// Carried beside the command rather than through it, so every store command
// gets the passphrase sources without each one passing them along.
const context = new AsyncLocalStorage<StoreCommandContext>();

/** Runs one command with its passphrase sources and output in reach of withCaseStore. */
export function withStoreCommandContext<T>(given: StoreCommandContext, work: () => Promise<T>): Promise<T> {
  return context.run(given, work);
}

/** The environment of the command being run, with the process's own filled in. */
export function commandEnvironment(): Required<CliEnvironment> {
  const given = context.getStore();
  return { env: given?.env ?? process.env, terminal: given?.terminal ?? process.stdin.isTTY === true };
}

/** What to run when a folder holds no case store yet. */
export const INIT_ADVICE =
  'To create a case store there, run "triptych init" (protected by a passphrase), or "triptych init --no-encryption" to keep the cases unencrypted.';

/**
 * Opens the store in the data folder (TRIPTYCH_DATA_DIR or the app's own),
 * unlocking it first when a passphrase protects it, runs `work` and always
 * closes it, so the store's lock is released even when the command fails and
 * the app can open the store afterwards. A wrong passphrase stops with
 * status 2 before anything is opened or written.
 *
 * A command that only reads passes `whenMissing`, run when the folder holds
 * no case store yet: reading should not create one, least of all an
 * unencrypted one nobody chose. Without it (import), the command is refused
 * and told to run init.
 */
export async function withCaseStore<T>(
  work: (store: CaseStore, dataDir: string) => Promise<T>,
  whenMissing?: (dataDir: string) => T,
): Promise<T> {
  const dataDir = resolveDataDir(commandEnvironment().env);
  const status = (await exists(dataDir)) ? await statusOf(dataDir) : 'new';
  if (status === 'new') {
    context.getStore()?.output.err(`${INIT_ADVICE}\n`);
    if (whenMissing !== undefined) return whenMissing(dataDir);
    throw new BadInputError(`There is no case store in ${dataDir} yet, so nothing was changed.`);
  }
  const codec = status === 'locked' ? await unlockedCodec(dataDir) : plainCodec;
  let store: CaseStore;
  try {
    store = await openCaseStore({ dataDir, codec });
  } catch (error) {
    throw new StoreUnavailableError(dataDir, error);
  }
  try {
    return await work(store, dataDir);
  } finally {
    await store.close();
  }
}

async function unlockedCodec(dataDir: string): Promise<DocumentCodec> {
  const given = context.getStore();
  const passphrase = await readPassphrase({ ...commandEnvironment(), file: given?.passphraseFile, prompt: `Passphrase for the case store in ${dataDir}` });
  let unlocked;
  try {
    unlocked = await unlock(dataDir, passphrase);
  } catch (error) {
    if (error instanceof TriptychError && error.code === 'wrong-passphrase') throw new BadInputError(`${error.message} Nothing was changed.`);
    throw new StoreUnavailableError(dataDir, error);
  }
  if (unlocked.recoveryKey !== undefined) {
    // Unlocking finished an interrupted "Protect with passphrase"; its recovery key was never shown.
    given?.output.err(
      `Triptych finished encrypting this case store, which had been interrupted. Its recovery key, shown only this once:\n\n    ${unlocked.recoveryKey}\n\nWrite it down and keep it apart from this computer.\n`,
    );
  }
  return unlocked.codec;
}

async function statusOf(dataDir: string): Promise<VaultStatus> {
  try {
    return await vaultStatus(dataDir);
  } catch (error) {
    throw new StoreUnavailableError(dataDir, error);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreUnavailableError(path, error);
  }
}
