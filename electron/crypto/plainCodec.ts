import { TriptychError } from '../../shared/ipc/result';
import type { DocumentCodec } from '../store/codec';
import { isEncryptedFile } from './documentCipher';

/** What a clinician sees when encrypted cases are opened as if the store were unprotected. */
export const KEYSTORE_MISSING_MESSAGE =
  'The cases in this folder are encrypted, but its keystore.json is missing or says they are not protected. Restore keystore.json from a backup of this folder; without it the cases cannot be opened. Nothing was changed.';

/**
 * The codec of a store the clinician chose not to protect: plain JSON. It
 * refuses an encrypted file outright (aborting the open) instead of letting
 * the store quarantine every case of a store whose keystore went missing.
 */
export const plainCodec: DocumentCodec = {
  encode: (_docId, plaintext) => plaintext,
  decode: (_docId, bytes) => {
    if (isEncryptedFile(bytes)) throw new TriptychError('store-damaged', KEYSTORE_MISSING_MESSAGE);
    return bytes;
  },
};
