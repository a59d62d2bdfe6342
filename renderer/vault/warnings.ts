/** The plain warning of issue 5, shown wherever a passphrase is chosen. */
export const LOST_SECRETS_WARNING = 'If you forget your passphrase and lose your recovery key, your cases cannot be recovered — by anyone.';

/** What keeping the cases unencrypted means, said before the clinician confirms it. */
export const UNENCRYPTED_WARNING =
  'Without a passphrase, your cases are stored on this computer as plain text: anyone who can read its files (a thief, a repair shop, someone who shares the computer, a backup) can read every case. You can protect them later from Security settings.';
