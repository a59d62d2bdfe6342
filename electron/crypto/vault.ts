import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TriptychError } from '../../shared/ipc/result';
import { isLongEnough, MIN_PASSPHRASE_LENGTH } from '../../shared/security/passphraseStrength';
import type { DocumentCodec } from '../store/codec';
import { ensurePrivateDir, readFileIfExists } from '../store/files';
import { acquireStoreLock } from '../store/lock';
import { createEncryptedCodec, DATA_KEY_BYTES, documentKeyOf, isEncryptedFile, keyIdOfFile } from './documentCipher';
import { PASSPHRASE_COST, RECOVERY_KEY_COST, type ScryptCost } from './kdf';
import { KEYSTORE_VERSION, readKeystore, unwrapDataKey, wrapDataKey, writeKeystore, type KeyedKeystore } from './keystore';
import { KEYSTORE_MISSING_MESSAGE } from './plainCodec';
import { formatRecoveryKey, newRecoveryKeyBytes, parseRecoveryKey } from './recoveryKey';
import { encryptPlainStoreFiles, hasStoreDocuments } from './storeDocuments';

/** 'new': nothing chosen and no cases yet; 'unprotected': plain files; 'locked': a passphrase is needed. */
export type VaultStatus = 'new' | 'unprotected' | 'locked';

/** An unlocked store's codec; `recoveryKey` is set only when unlocking finished an interrupted protectStore, and must be shown. */
export interface UnlockedStore {
  codec: DocumentCodec;
  recoveryKey?: string;
}

/** A store just protected: its codec and the recovery key to show the clinician once. */
export interface ProtectedStore {
  codec: DocumentCodec;
  recoveryKey: string;
}

export interface VaultOptions {
  /**
   * Lowers scrypt's cost for the keys this call wraps. Only tests pass it,
   * explicitly, so hundreds of unlocks stay fast; the app never does, and a
   * store's keystore records the cost each wrap was made with.
   */
  kdfCostForTests?: ScryptCost;
}

/** The words a clinician sees after mistyping the passphrase. */
export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase does not open this case store.';
/** The words a clinician sees when a well-formed recovery key does not fit this store. */
export const WRONG_RECOVERY_KEY_MESSAGE = 'That recovery key does not open this case store. Check that it is the key written down for this case store.';
export { MIN_PASSPHRASE_LENGTH };

const KEYSTORE_HEAD = { format: 'triptych-keystore', version: KEYSTORE_VERSION } as const;

/** Whether `dataDir` is new, unprotected or locked; throws when its keystore is damaged or missing under encrypted cases. */
export async function vaultStatus(dataDir: string): Promise<VaultStatus> {
  const dir = path.resolve(dataDir);
  const keystore = await readKeystore(dir);
  if (keystore !== null && keystore.protection !== 'none') return 'locked';
  const index = await readFileIfExists(path.join(dir, 'index.json'));
  if (index !== null && isEncryptedFile(index)) throw new TriptychError('store-damaged', KEYSTORE_MISSING_MESSAGE);
  if (keystore !== null) return 'unprotected';
  // A store from before encryption existed has cases but no keystore.
  return (await hasStoreDocuments(dir)) ? 'unprotected' : 'new';
}

/** Protects a new, empty data folder with a passphrase; returns the codec and the recovery key to show once. */
export function setUpProtection(dataDir: string, passphrase: string, options: VaultOptions = {}): Promise<ProtectedStore> {
  return protect(dataDir, passphrase, options, false);
}

/** Records the clinician's explicit choice to keep the cases unencrypted (undone later by protectStore). */
export async function chooseNoProtection(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  await ensurePrivateDir(dir);
  await withStoreLock(dir, async () => {
    if ((await vaultStatus(dir)) === 'locked') {
      throw new TriptychError('conflict', 'This case store is already protected by a passphrase; it stays protected.');
    }
    await writeKeystore(dir, { ...KEYSTORE_HEAD, protection: 'none' });
  });
}

/**
 * Encrypts an unprotected store (or a new folder) under a passphrase. The
 * store must be closed: this takes the store lock. Crash-safe by a journal:
 * the keystore is first written as 'protecting' with the new key, then every
 * file is encrypted in place (each write atomic), then the keystore is marked
 * 'protected'. Killed before the first step, the store is still unprotected;
 * after it, the new passphrase opens it and unlock finishes the job.
 */
export function protectStore(dataDir: string, passphrase: string, options: VaultOptions = {}): Promise<ProtectedStore> {
  return protect(dataDir, passphrase, options, true);
}

/** Opens a protected store with its passphrase; a wrong one is refused with code 'wrong-passphrase' and nothing changes. */
export async function unlock(dataDir: string, passphrase: string, options: VaultOptions = {}): Promise<UnlockedStore> {
  const dir = path.resolve(dataDir);
  const keystore = await readKeyedKeystore(dir);
  const dataKey = await unwrapDataKey(keystore.passphrase, passphraseBytes(passphrase), 'passphrase');
  if (dataKey === null) throw new TriptychError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  await checkKeyFitsStore(dir, dataKey);
  return finishOpening(dir, keystore, dataKey, options);
}

/**
 * Opens a protected store with its recovery key and sets a new passphrase.
 * Only the passphrase wrap changes (one atomic keystore write); the recovery
 * key stays valid and no case file is touched.
 */
export async function unlockWithRecoveryKey(
  dataDir: string,
  recoveryKey: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<UnlockedStore> {
  const dir = path.resolve(dataDir);
  const secret = acceptablePassphrase(newPassphrase);
  const keystore = await readKeyedKeystore(dir);
  const dataKey = await unwrapDataKey(keystore.recoveryKey, parseRecoveryKey(recoveryKey), 'recovery-key');
  if (dataKey === null) throw new TriptychError('wrong-passphrase', WRONG_RECOVERY_KEY_MESSAGE);
  await checkKeyFitsStore(dir, dataKey);
  const rewrapped: KeyedKeystore = { ...keystore, passphrase: await wrapDataKey(dataKey, secret, passphraseCost(options), 'passphrase') };
  await writeKeystore(dir, rewrapped);
  return finishOpening(dir, rewrapped, dataKey, options);
}

/** Replaces the passphrase: one atomic keystore write re-wraps the data key; no case file changes. */
export async function changePassphrase(
  dataDir: string,
  oldPassphrase: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<void> {
  const dir = path.resolve(dataDir);
  const secret = acceptablePassphrase(newPassphrase);
  const keystore = await readKeyedKeystore(dir);
  const dataKey = await unwrapDataKey(keystore.passphrase, passphraseBytes(oldPassphrase), 'passphrase');
  if (dataKey === null) throw new TriptychError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  try {
    await writeKeystore(dir, { ...keystore, passphrase: await wrapDataKey(dataKey, secret, passphraseCost(options), 'passphrase') });
  } finally {
    dataKey.fill(0);
  }
}

async function protect(dataDir: string, passphrase: string, options: VaultOptions, existingStore: boolean): Promise<ProtectedStore> {
  const dir = path.resolve(dataDir);
  const secret = acceptablePassphrase(passphrase);
  await ensurePrivateDir(dir);
  return withStoreLock(dir, async () => {
    const status = await vaultStatus(dir);
    if (status === 'locked') throw new TriptychError('conflict', 'This case store is already protected by a passphrase.');
    if (status === 'unprotected' && !existingStore) {
      throw new TriptychError('conflict', 'This data folder already holds an unprotected case store; protect the cases already in it instead.');
    }
    const dataKey = randomBytes(DATA_KEY_BYTES);
    const recoveryKey = newRecoveryKeyBytes();
    const [passphraseWrap, recoveryWrap] = await Promise.all([
      wrapDataKey(dataKey, secret, passphraseCost(options), 'passphrase'),
      wrapDataKey(dataKey, recoveryKey, recoveryCost(options), 'recovery-key'),
    ]);
    const keys = { ...KEYSTORE_HEAD, passphrase: passphraseWrap, recoveryKey: recoveryWrap };
    await writeKeystore(dir, { ...keys, protection: 'protecting' });
    const codec = createEncryptedCodec(dataKey);
    dataKey.fill(0);
    await encryptPlainStoreFiles(dir, codec);
    await writeKeystore(dir, { ...keys, protection: 'protected' });
    return { codec, recoveryKey: formatRecoveryKey(recoveryKey) };
  });
}

/**
 * The codec for an unlocked store. A store left 'protecting' by a killed
 * protectStore is finished first, under the store lock; its recovery key was
 * never shown (protectStore returns it only at the end), so a new one
 * replaces it and is handed back to be shown.
 */
async function finishOpening(dir: string, keystore: KeyedKeystore, dataKey: Buffer, options: VaultOptions): Promise<UnlockedStore> {
  const codec = createEncryptedCodec(dataKey);
  if (keystore.protection === 'protected') {
    dataKey.fill(0);
    return { codec };
  }
  const recoveryKey = await withStoreLock(dir, async () => {
    const current = await readKeystore(dir);
    if (current?.protection !== 'protecting') return null;
    await encryptPlainStoreFiles(dir, codec);
    const bytes = newRecoveryKeyBytes();
    await writeKeystore(dir, { ...current, protection: 'protected', recoveryKey: await wrapDataKey(dataKey, bytes, recoveryCost(options), 'recovery-key') });
    return formatRecoveryKey(bytes);
  });
  dataKey.fill(0);
  return recoveryKey === null ? { codec } : { codec, recoveryKey };
}

/**
 * Refuses a keystore that opens but belongs to another store: otherwise the
 * store would find every case unreadable and quarantine them all.
 */
async function checkKeyFitsStore(dir: string, dataKey: Buffer): Promise<void> {
  const index = await readFileIfExists(path.join(dir, 'index.json'));
  const fileKeyId = index === null ? null : keyIdOfFile(index);
  if (fileKeyId !== null && !fileKeyId.equals(documentKeyOf(dataKey).id)) {
    throw new TriptychError(
      'store-damaged',
      "The keystore.json in this folder belongs to another case store: the cases here were encrypted with a different key. Restore this folder's own keystore.json from a backup. Nothing was changed.",
    );
  }
}

async function readKeyedKeystore(dir: string): Promise<KeyedKeystore> {
  const keystore = await readKeystore(dir);
  if (keystore === null || keystore.protection === 'none') {
    throw new TriptychError('conflict', 'This case store is not protected by a passphrase, so there is nothing to unlock.');
  }
  return keystore;
}

async function withStoreLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireStoreLock(dir);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** The same passphrase typed on macOS (decomposed accents) and elsewhere must give the same bytes. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function acceptablePassphrase(passphrase: string): Buffer {
  const normalized = passphrase.normalize('NFC');
  if (!isLongEnough(normalized)) {
    throw new TriptychError(
      'invalid-request',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are strong and easy to remember.`,
    );
  }
  return Buffer.from(normalized, 'utf8');
}

function passphraseCost(options: VaultOptions): ScryptCost {
  return options.kdfCostForTests ?? PASSPHRASE_COST;
}

function recoveryCost(options: VaultOptions): ScryptCost {
  return options.kdfCostForTests ?? RECOVERY_KEY_COST;
}
