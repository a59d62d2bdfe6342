import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TriptychError } from '../../shared/ipc/result';
import {
  createEncryptedCodec,
  CURRENT_HEADER_VERSION,
  documentKeyOf,
  ENCRYPTED_FILE_MAGIC,
  HEADER_DECODERS,
} from '../../electron/crypto/documentCipher';
import { plainCodec } from '../../electron/crypto/plainCodec';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/crypto/recoveryKey';
import { openCaseStore } from '../../electron/store/caseStore';
import { sampleCase } from './fixtures/cases';
import { makeTempDir } from './fixtures/storeFiles';

const VERSION_OFFSET = ENCRYPTED_FILE_MAGIC.length;
const IV_OFFSET = VERSION_OFFSET + 1 + 8;
const plaintext = Buffer.from('{"schemaVersion":1,"case":{"title":"Zebediah Quillfeather"}}\n', 'utf8');

function refusal(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the bytes to be refused');
}

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await fs.rm(root, { recursive: true, force: true });
});

describe('document encryption', () => {
  it('round-trips a document and leaves none of its text in the bytes', () => {
    const codec = createEncryptedCodec(randomBytes(32));
    const bytes = codec.encode('case:zq', plaintext);
    expect(bytes.subarray(0, VERSION_OFFSET).toString('ascii')).toBe('TRIPTYCH');
    expect(bytes.includes(Buffer.from('Quillfeather'))).toBe(false);
    expect(codec.decode('case:zq', bytes)).toEqual(plaintext);
    expect(codec.decode('index', codec.encode('index', Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('refuses the file when any single byte is changed, cut off or added', () => {
    const codec = createEncryptedCodec(randomBytes(32));
    const bytes = codec.encode('case:zq', plaintext);
    for (let index = 0; index < bytes.length; index++) {
      for (const flip of [0x01, 0x80]) {
        const tampered = Buffer.from(bytes);
        tampered[index] = (tampered[index] ?? 0) ^ flip;
        expect(() => codec.decode('case:zq', tampered), `byte ${index} xor ${flip}`).toThrow();
      }
    }
    expect(() => codec.decode('case:zq', bytes.subarray(0, bytes.length - 1))).toThrow();
    expect(() => codec.decode('case:zq', Buffer.concat([bytes, Buffer.from([0])]))).toThrow();
    expect(() => codec.decode('case:zq', bytes.subarray(0, 20))).toThrow(/cut short/);
  });

  it('refuses a file decoded under another document id, and one from another key', () => {
    const codec = createEncryptedCodec(randomBytes(32));
    const bytes = codec.encode('case:anna', plaintext);
    expect(refusal(() => codec.decode('case:bert', bytes)).message).toMatch(/integrity check/);
    expect(() => codec.decode('index', bytes)).toThrow();
    const other = createEncryptedCodec(randomBytes(32));
    const fromOtherStore = refusal(() => other.decode('case:anna', bytes));
    expect(fromOtherStore).not.toBeInstanceOf(TriptychError);
    expect(fromOtherStore.message).toMatch(/another encryption key/);
  });

  it('uses a fresh IV for every write of the same document', () => {
    const codec = createEncryptedCodec(randomBytes(32));
    const ivs = new Set<string>();
    const bodies = new Set<string>();
    for (let write = 0; write < 2000; write++) {
      const bytes = codec.encode('case:zq', plaintext);
      ivs.add(bytes.subarray(IV_OFFSET, IV_OFFSET + 12).toString('hex'));
      bodies.add(bytes.subarray(IV_OFFSET + 12).toString('hex'));
    }
    expect(ivs.size).toBe(2000);
    expect(bodies.size).toBe(2000);
  });

  it('dispatches on the header version: v1 is read, any version without a decoder is damage', () => {
    expect([...HEADER_DECODERS.keys()]).toEqual([1]);
    expect(CURRENT_HEADER_VERSION).toBe(1);
    const dataKey = randomBytes(32);
    const codec = createEncryptedCodec(dataKey);
    const bytes = codec.encode('case:zq', plaintext);
    expect(bytes[VERSION_OFFSET]).toBe(1);

    // A newer Triptych announces itself by the keystore's version (keystore.ts);
    // a file alone claiming a newer format was damaged or tampered with.
    const newer = Buffer.from(bytes);
    newer[VERSION_OFFSET] = 2;
    const damagedNewer = refusal(() => codec.decode('case:zq', newer));
    expect(damagedNewer).not.toBeInstanceOf(TriptychError);
    expect(damagedNewer.message).toMatch(/unknown encryption format \(2\): it was damaged or tampered with/);

    const older = Buffer.from(bytes);
    older[VERSION_OFFSET] = 0;
    const damage = refusal(() => codec.decode('case:zq', older));
    expect(damage).not.toBeInstanceOf(TriptychError);
    expect(damage.message).toMatch(/unknown encryption format/);

    // The version byte is authenticated: a file relabelled with another
    // version and handed to the v1 decoder anyway does not open.
    const decodeV1 = HEADER_DECODERS.get(1);
    if (decodeV1 === undefined) throw new Error('no v1 decoder');
    expect(() => decodeV1(documentKeyOf(dataKey), 'case:zq', newer)).toThrow(/integrity check/);
    expect(decodeV1(documentKeyOf(dataKey), 'case:zq', bytes)).toEqual(plaintext);
    expect(() => codec.decode('case:zq', plaintext)).toThrow(/not encrypted/);
  });

  it('a real store refuses two case files swapped on disk: neither opens under the other name', async () => {
    const root = await makeTempDir('triptych-crypto-');
    roots.push(root);
    const dataDir = path.join(root, 'data');
    const codec = createEncryptedCodec(randomBytes(32));
    const store = await openCaseStore({ dataDir, codec });
    await store.create(sampleCase('anna', { summary: 'Anna only' }));
    await store.create(sampleCase('bert', { summary: 'Bert only' }));
    await store.close();

    const anna = path.join(dataDir, 'cases', 'anna.json');
    const bert = path.join(dataDir, 'cases', 'bert.json');
    const [annaBytes, bertBytes] = await Promise.all([fs.readFile(anna), fs.readFile(bert)]);
    await fs.writeFile(anna, bertBytes);
    await fs.writeFile(bert, annaBytes);

    const reopened = await openCaseStore({ dataDir, codec });
    expect(await reopened.list()).toEqual([]);
    expect(reopened.quarantined().map((report) => path.basename(report.file)).sort()).toEqual(['anna.json', 'bert.json']);
    for (const report of reopened.quarantined()) expect(report.reason).toMatch(/integrity check/);
    await reopened.close();
  });

  it('the plain codec refuses encrypted bytes instead of letting the store quarantine them', async () => {
    const encrypted = createEncryptedCodec(randomBytes(32)).encode('case:zq', plaintext);
    const error = refusal(() => plainCodec.decode('case:zq', encrypted));
    expect(error).toBeInstanceOf(TriptychError);
    expect((error as TriptychError).code).toBe('store-damaged');
    expect(error.message).toMatch(/keystore\.json is missing/);
    expect(plainCodec.decode('case:zq', plaintext)).toEqual(plaintext);
  });
});

describe('recovery key', () => {
  it('is nine groups of four Crockford base32 characters that read back to the same bytes', () => {
    for (let round = 0; round < 200; round++) {
      const bytes = randomBytes(20);
      const key = formatRecoveryKey(bytes);
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
      expect(parseRecoveryKey(key)).toEqual(bytes);
    }
  });

  it('reads back what a person types: any case, spaces or no dashes, O for 0 and I or L for 1', () => {
    const bytes = randomBytes(20);
    const key = formatRecoveryKey(bytes);
    const typed = ` ${key.toLowerCase().replace(/-/g, '  ')} `.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseRecoveryKey(typed)).toEqual(bytes);
    expect(parseRecoveryKey(key.replace(/-/g, ''))).toEqual(bytes);
    expect(parseRecoveryKey(key.replace(/1/g, 'I'))).toEqual(bytes);
  });

  it('catches a typo, a missing group and a stray character with a message that says what to check', () => {
    const key = formatRecoveryKey(randomBytes(20));
    const characters = [...key];
    let caught = 0;
    for (let index = 0; index < characters.length; index++) {
      if (characters[index] === '-') continue;
      const swapped = [...characters];
      swapped[index] = characters[index] === 'A' ? 'B' : 'A';
      try {
        parseRecoveryKey(swapped.join(''));
      } catch (error) {
        expect((error as TriptychError).code).toBe('invalid-request');
        expect((error as Error).message).toMatch(/typo/);
        caught += 1;
      }
    }
    expect(caught).toBe(36);
    expect(() => parseRecoveryKey(key.slice(5))).toThrow(/nine groups of four/);
    expect(() => parseRecoveryKey(`${key.slice(0, -1)}U`)).toThrow(/"U" is not one of them/);
  });
});
