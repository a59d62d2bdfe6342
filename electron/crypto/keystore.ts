import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../shared/case/parse';
import { TriptychError } from '../../shared/ipc/result';
import { readFileIfExists, writeFileAtomic } from '../store/files';
import { DATA_KEY_BYTES } from './documentCipher';
import { deriveWrapKey, SALT_BYTES, type ScryptCost } from './kdf';

/** The keystore's name inside the data folder. */
export const KEYSTORE_FILE = 'keystore.json';

/** The keystore layout this build reads and writes. */
export const KEYSTORE_VERSION = 1;

const IV_BYTES = 12;
const TAG_BYTES = 16;

function base64Of(bytes: number) {
  return z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'expected base64' })
    .refine((text) => Buffer.from(text, 'base64').length === bytes, { error: `expected ${bytes} bytes` });
}

// The bounds keep a tampered keystore from asking scrypt for gigabytes; a
// lowered cost gains an attacker nothing, since the wrap only opens with the
// key derived under the cost it was made with.
const ScryptSchema = z.strictObject({
  name: z.literal('scrypt'),
  logN: z.int().min(10).max(20),
  r: z.int().min(1).max(16),
  p: z.int().min(1).max(4),
  salt: base64Of(SALT_BYTES),
});

const WrappedKeySchema = z.strictObject({
  kdf: ScryptSchema,
  iv: base64Of(IV_BYTES),
  tag: base64Of(TAG_BYTES),
  wrappedKey: base64Of(DATA_KEY_BYTES),
});
/** The data key encrypted under a key derived from one secret. */
export type WrappedKey = z.output<typeof WrappedKeySchema>;

const KeystoreHead = { format: z.literal('triptych-keystore'), version: z.literal(KEYSTORE_VERSION) };
const KeyWraps = { passphrase: WrappedKeySchema, recoveryKey: WrappedKeySchema };

/**
 * `<dataDir>/keystore.json`. 'none' records the clinician's choice not to
 * protect the store; 'protecting' is the journal of protectStore (the key
 * exists, some files may still be plain); 'protected' means every file is
 * encrypted.
 */
export const KeystoreSchema = z.discriminatedUnion('protection', [
  z.strictObject({ ...KeystoreHead, protection: z.literal('none') }),
  z.strictObject({ ...KeystoreHead, protection: z.literal('protecting'), ...KeyWraps }),
  z.strictObject({ ...KeystoreHead, protection: z.literal('protected'), ...KeyWraps }),
]);
export type Keystore = z.output<typeof KeystoreSchema>;
/** A keystore that holds the data key. */
export type KeyedKeystore = Extract<Keystore, { protection: 'protecting' | 'protected' }>;

/** Which secret a wrap belongs to; bound into the wrap so the two cannot be exchanged. */
export type WrapRole = 'passphrase' | 'recovery-key';

/** The keystore of `dataDir`, or null when there is none; a damaged or newer keystore is refused, never replaced. */
export async function readKeystore(dataDir: string): Promise<Keystore | null> {
  const file = keystorePath(dataDir);
  const bytes = await readFileIfExists(file);
  if (bytes === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(file, 'it is not valid JSON');
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEYSTORE_VERSION) {
    throw new TriptychError(
      'store-damaged',
      `${file} was written by a newer version of Triptych (keystore version ${version}); this version reads version ${KEYSTORE_VERSION}. Open this data folder with the newer Triptych. Nothing was changed.`,
    );
  }
  const parsed = KeystoreSchema.safeParse(raw);
  if (!parsed.success) throw damaged(file, describeIssues(parsed.error.issues).join('; '));
  return parsed.data;
}

/** Replaces the keystore in one atomic, durable step (mode 0600), so a crash leaves the old one or the new one. */
export async function writeKeystore(dataDir: string, keystore: Keystore): Promise<void> {
  const valid = KeystoreSchema.parse(keystore);
  await writeFileAtomic(keystorePath(dataDir), Buffer.from(`${JSON.stringify(valid, null, 2)}\n`, 'utf8'));
}

/** Encrypts the data key under a key derived from `secret` with a fresh salt and IV. */
export async function wrapDataKey(dataKey: Buffer, secret: Buffer, cost: ScryptCost, role: WrapRole): Promise<WrappedKey> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const wrapKey = await deriveWrapKey(secret, salt, cost);
  const cipher = createCipheriv('aes-256-gcm', wrapKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrapAdditionalData(role));
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrapKey.fill(0);
  return {
    kdf: { name: 'scrypt', logN: cost.logN, r: cost.r, p: cost.p, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrappedKey.toString('base64'),
  };
}

/** The data key, or null when `secret` is not the one this wrap was made with. */
export async function unwrapDataKey(wrapped: WrappedKey, secret: Buffer, role: WrapRole): Promise<Buffer | null> {
  const { logN, r, p, salt } = wrapped.kdf;
  const wrapKey = await deriveWrapKey(secret, Buffer.from(salt, 'base64'), { logN, r, p });
  const decipher = createDecipheriv('aes-256-gcm', wrapKey, Buffer.from(wrapped.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(wrapAdditionalData(role));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    wrapKey.fill(0);
  }
}

/** Where the keystore of `dataDir` lives. */
export function keystorePath(dataDir: string): string {
  return path.join(dataDir, KEYSTORE_FILE);
}

function wrapAdditionalData(role: WrapRole): Buffer {
  return Buffer.from(`triptych-keystore/${KEYSTORE_VERSION}/${role}`, 'utf8');
}

function damaged(file: string, why: string): TriptychError {
  return new TriptychError(
    'store-damaged',
    `${file} is damaged (${why}), so the case store cannot be unlocked. Restore keystore.json from a backup of this folder. Nothing was changed.`,
  );
}
