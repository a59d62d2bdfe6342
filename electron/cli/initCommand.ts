import { passphraseStrength } from '../../shared/security/passphraseStrength';
import { TriptychError } from '../../shared/ipc/result';
import { chooseNoProtection, setUpProtection, vaultStatus } from '../crypto/vault';
import { resolveDataDir } from '../store/dataDir';
import { UsageError } from './args';
import type { CliCommand } from './command';
import { BadInputError, StoreUnavailableError } from './failure';
import { PASSPHRASE_FILE_OPTION, readPassphrase } from './passphrase';
import { commandEnvironment } from './withCaseStore';

const NO_ENCRYPTION = '--no-encryption';

/** The plain warning of issue 5, word for word as the app shows it. */
export const LOST_SECRETS_WARNING = 'If you forget your passphrase and lose your recovery key, your cases cannot be recovered — by anyone.';

/** `init [--passphrase-file FILE | --no-encryption]`: create the case store, encrypted unless told otherwise. */
export const initCommand: CliCommand = {
  name: 'init',
  synopsis: `[${PASSPHRASE_FILE_OPTION} FILE | ${NO_ENCRYPTION}]`,
  summary: 'create the case store, protected by a passphrase (prints its recovery key once)',
  positionalName: '',
  minPositionals: 0,
  maxPositionals: 0,
  flags: [NO_ENCRYPTION],
  options: [PASSPHRASE_FILE_OPTION],
  async run(args, output) {
    const passphraseFile = args.options.get(PASSPHRASE_FILE_OPTION);
    const unencrypted = args.flags.has(NO_ENCRYPTION);
    if (unencrypted && passphraseFile !== undefined) throw new UsageError(`init: ${NO_ENCRYPTION} and ${PASSPHRASE_FILE_OPTION} cannot go together`);
    const environment = commandEnvironment();
    const dataDir = resolveDataDir(environment.env);
    let status;
    try {
      status = await vaultStatus(dataDir);
    } catch (error) {
      throw new StoreUnavailableError(dataDir, error);
    }
    if (status !== 'new') {
      const kind = status === 'locked' ? 'protected by a passphrase' : 'unencrypted';
      throw new BadInputError(`There is already a case store in ${dataDir} (${kind}); nothing was changed.`);
    }

    if (unencrypted) {
      await chooseNoProtection(dataDir);
      output.out(
        `Created an unencrypted case store in ${dataDir}.\nAnyone who can read this folder can read the cases. To encrypt them later, choose "Protect with passphrase" in Triptych's Security settings.\n`,
      );
      return;
    }

    const passphrase = await readPassphrase({ ...environment, file: passphraseFile, confirm: true, prompt: 'Choose a passphrase for the new case store' });
    let recoveryKey: string;
    try {
      ({ recoveryKey } = await setUpProtection(dataDir, passphrase));
    } catch (error) {
      // A passphrase that is too short is the user's to fix.
      if (error instanceof TriptychError && error.code === 'invalid-request') throw new BadInputError(`${error.message} Nothing was changed.`);
      throw error;
    }
    output.err(`Passphrase strength: ${passphraseStrength(passphrase).hint}\n`);
    output.out(
      [
        `Created a case store in ${dataDir}, encrypted with your passphrase.`,
        '',
        'Recovery key (shown only this once):',
        '',
        `    ${recoveryKey}`,
        '',
        'Write it down or print it, and keep it apart from this computer: with it you can set a new passphrase.',
        LOST_SECRETS_WARNING,
        '',
      ].join('\n'),
    );
  },
};
