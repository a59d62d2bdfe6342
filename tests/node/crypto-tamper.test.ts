import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTED_FILE_MAGIC } from '../../electron/crypto/documentCipher';
import { setUpProtection, unlock, type VaultOptions } from '../../electron/crypto/vault';
import { openCaseStore } from '../../electron/store/caseStore';
import { sampleCase } from './fixtures/cases';
import { makeTempDir } from './fixtures/storeFiles';

// Issue 5, item 7: a stored file with any single bit flipped, in the header,
// the IV, the tag or the ciphertext, is refused as damaged or tampered with,
// and moved to quarantine rather than overwritten.

const QUICK: VaultOptions = { kdfCostForTests: { logN: 10, r: 8, p: 1 } };
const PASSPHRASE = 'correct horse battery staple';
const HEADER_VERSION_OFFSET = ENCRYPTED_FILE_MAGIC.length;
const IV_OFFSET = HEADER_VERSION_OFFSET + 1 + 8;
const CIPHERTEXT_OFFSET = IV_OFFSET + 12;

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await fs.rm(root, { recursive: true, force: true });
});

/** A protected store holding two cases; returns its folder. */
async function protectedStoreWithTwoCases(): Promise<string> {
  const dataDir = await makeTempDir('triptych-tamper-');
  roots.push(dataDir);
  const { codec } = await setUpProtection(dataDir, PASSPHRASE, QUICK);
  const store = await openCaseStore({ dataDir, codec });
  await store.create(sampleCase('kept'));
  await store.create(sampleCase('flipped'));
  await store.close();
  return dataDir;
}

describe('a stored file with one bit flipped', () => {
  const places = (size: number) => ({
    'the format magic': 0,
    'the header version': HEADER_VERSION_OFFSET,
    'the key fingerprint': HEADER_VERSION_OFFSET + 1,
    'the IV': IV_OFFSET + 5,
    'the ciphertext': CIPHERTEXT_OFFSET + 3,
    'the tag': size - 1,
  });

  for (const where of Object.keys(places(100))) {
    it(`is refused as damaged or tampered with, and quarantined, when the bit is in ${where}`, async () => {
      const dataDir = await protectedStoreWithTwoCases();
      const file = path.join(dataDir, 'cases', 'flipped.json');
      const bytes = await fs.readFile(file);
      const offset = places(bytes.length)[where as keyof ReturnType<typeof places>];
      bytes[offset] = (bytes[offset] ?? 0) ^ 0x04;
      await fs.writeFile(file, bytes);

      const { codec } = await unlock(dataDir, PASSPHRASE, QUICK);
      const store = await openCaseStore({ dataDir, codec });
      try {
        const reports = store.quarantined();
        expect(reports).toHaveLength(1);
        expect(reports[0]?.reason).toMatch(/damaged|tampered|not encrypted|another encryption key|unknown encryption format/);
        // The flipped bytes are kept exactly, set aside, never overwritten.
        expect(await fs.readFile(reports[0]?.movedTo ?? '')).toEqual(bytes);
        await expect(fs.access(file)).rejects.toThrow();
        expect((await store.list()).map((summary) => summary.id)).toEqual(['kept']);
        expect((await store.get('kept')).title).toBe('Case kept');
      } finally {
        await store.close();
      }
    });
  }

  it('names it "damaged or tampered with" when the flipped bit is in the ciphertext or the tag', async () => {
    const dataDir = await protectedStoreWithTwoCases();
    const file = path.join(dataDir, 'cases', 'flipped.json');
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    await fs.writeFile(file, bytes);
    const { codec } = await unlock(dataDir, PASSPHRASE, QUICK);
    const store = await openCaseStore({ dataDir, codec });
    try {
      expect(store.quarantined()[0]?.reason).toMatch(/damaged or tampered with/);
    } finally {
      await store.close();
    }
  });
});
