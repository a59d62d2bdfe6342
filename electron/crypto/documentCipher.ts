import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { DocumentCodec } from '../store/codec';

/** The first bytes of every encrypted store file; plain JSON never starts with them. */
export const ENCRYPTED_FILE_MAGIC = Buffer.from('TRIPTYCH', 'ascii');

/** The header version this build writes. */
export const CURRENT_HEADER_VERSION = 1;

/** Bytes of the data key every document is encrypted with (AES-256). */
export const DATA_KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;
const VERSION_OFFSET = ENCRYPTED_FILE_MAGIC.length;
// v1 layout: magic | version | key id | iv | ciphertext | tag. The whole
// header plus the document id is the additional authenticated data, so a file
// moved to another document, or relabelled with another version, is refused.
const V1_KEY_ID_OFFSET = VERSION_OFFSET + 1;
const V1_IV_OFFSET = V1_KEY_ID_OFFSET + KEY_ID_BYTES;
const V1_HEADER_BYTES = V1_IV_OFFSET + IV_BYTES;

/** The data key and its public fingerprint, which tells "another key" apart from "damaged". */
export interface DocumentKey {
  key: Buffer;
  id: Buffer;
}

/** Decrypts a whole file written with one header version; throws when it does not authenticate. */
export type HeaderDecoder = (documentKey: DocumentKey, docId: string, bytes: Buffer) => Buffer;

/**
 * One decoder per header version ever written, so files written by older
 * builds stay readable after the format moves on. Today only v1 exists.
 */
export const HEADER_DECODERS: ReadonlyMap<number, HeaderDecoder> = new Map<number, HeaderDecoder>([[1, decodeV1]]);

/** The codec of a protected store: every document AES-256-GCM encrypted under `dataKey`, a fresh IV per write. */
export function createEncryptedCodec(dataKey: Buffer): DocumentCodec {
  const documentKey = documentKeyOf(dataKey);
  return {
    encode: (docId, plaintext) => encodeV1(documentKey, docId, plaintext),
    decode: (docId, bytes) => decodeEncryptedFile(documentKey, docId, bytes),
  };
}

/** Pairs a data key with its fingerprint (a copy, so the caller may wipe its buffer). */
export function documentKeyOf(dataKey: Buffer): DocumentKey {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`A data key has ${DATA_KEY_BYTES} bytes, not ${dataKey.length}`);
  const key = Buffer.from(dataKey);
  return { key, id: createHmac('sha256', key).update('triptych data key id').digest().subarray(0, KEY_ID_BYTES) };
}

/** True when `bytes` start with the Triptych header, i.e. the file was written encrypted. */
export function isEncryptedFile(bytes: Buffer): boolean {
  return bytes.length > VERSION_OFFSET && bytes.subarray(0, VERSION_OFFSET).equals(ENCRYPTED_FILE_MAGIC);
}

/** The key fingerprint an encrypted file names, or null when it is not a v1 file. */
export function keyIdOfFile(bytes: Buffer): Buffer | null {
  if (!isEncryptedFile(bytes) || bytes[VERSION_OFFSET] !== 1 || bytes.length < V1_HEADER_BYTES) return null;
  return bytes.subarray(V1_KEY_ID_OFFSET, V1_IV_OFFSET);
}

function encodeV1({ key, id }: DocumentKey, docId: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([ENCRYPTED_FILE_MAGIC, Buffer.from([1]), id, iv]);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(header, docId));
  return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function decodeV1({ key, id }: DocumentKey, docId: string, bytes: Buffer): Buffer {
  if (bytes.length < V1_HEADER_BYTES + TAG_BYTES) throw new Error('is cut short: it is smaller than an encrypted header');
  const header = bytes.subarray(0, V1_HEADER_BYTES);
  if (!header.subarray(V1_KEY_ID_OFFSET, V1_IV_OFFSET).equals(id)) {
    throw new Error('names another encryption key: it belongs to another case store, or its header is damaged');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(V1_IV_OFFSET), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(header, docId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(V1_HEADER_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error('failed its integrity check: it was damaged or tampered with, or it belongs to another case');
  }
}

function decodeEncryptedFile(documentKey: DocumentKey, docId: string, bytes: Buffer): Buffer {
  if (!isEncryptedFile(bytes)) throw new Error('is not encrypted, but this case store is protected: it was not written by Triptych');
  const version = bytes[VERSION_OFFSET] ?? 0;
  const decoder = HEADER_DECODERS.get(version);
  if (decoder !== undefined) return decoder(documentKey, docId, bytes);
  // A version this build has no decoder for is damage, not a newer build's
  // file: a newer Triptych that changes the file format also raises the
  // keystore's version, which stops the whole open before any file is read
  // (keystore.ts). So a flipped version bit is quarantined like any other.
  throw new Error(`has an unknown encryption format (${version}): it was damaged or tampered with`);
}

function additionalData(header: Buffer, docId: string): Buffer {
  return Buffer.concat([header, Buffer.from(docId, 'utf8')]);
}
