import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TriptychError } from '../../shared/ipc/result';
import { KEYSTORE_MISSING_MESSAGE, plainCodec } from '../../electron/crypto/plainCodec';
import { readKeystore, type Keystore } from '../../electron/crypto/keystore';
import { formatRecoveryKey } from '../../electron/crypto/recoveryKey';
import {
  changePassphrase,
  chooseNoProtection,
  protectStore,
  setUpProtection,
  unlock,
  unlockWithRecoveryKey,
  vaultStatus,
  WRONG_PASSPHRASE_MESSAGE,
  WRONG_RECOVERY_KEY_MESSAGE,
  type VaultOptions,
} from '../../electron/crypto/vault';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import type { DocumentCodec } from '../../electron/store/codec';
import { sampleCase } from './fixtures/cases';
import { hashTree, makeTempDir } from './fixtures/storeFiles';
import { CLIENT_NAME, distinctiveCase, findPlainText, hashStoreFiles, unencryptedFiles } from './fixtures/vault-files';

const PASSPHRASE = 'marble orchard kettle violin';
const NEW_PASSPHRASE = 'copper meadow lantern fig';
// Only the tests that are not about the real cost lower it, explicitly.
const QUICK: VaultOptions = { kdfCostForTests: { logN: 10, r: 8, p: 1 } };

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await makeTempDir('triptych-vault-');
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function withStore<T>(codec: DocumentCodec, work: (store: CaseStore) => Promise<T>): Promise<T> {
  const store = await openCaseStore({ dataDir, codec });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<TriptychError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TriptychError);
  return error as TriptychError;
}

/** Spells a recovery key the way someone might type it back from paper. */
function asTyped(recoveryKey: string): string {
  return recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
}

describe('a protected store', () => {
  it('keeps every text of a case off the disk through save, edit, backup, trash, export and delete', async () => {
    expect(await vaultStatus(dataDir)).toBe('new');
    const { codec, recoveryKey } = await setUpProtection(dataDir, PASSPHRASE);
    expect(recoveryKey).toMatch(/^(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);

    const kase = distinctiveCase('zq');
    const copyId = await withStore(codec, async (store) => {
      await store.create(kase);
      await store.save({ ...kase, summary: `${CLIENT_NAME} slept through the lighthouse keeper's visit` });
      await store.save({ ...kase, summary: 'Fears the lighthouse keeper on Tuesdays' });
      const copy = await store.duplicate('zq');
      const exported = await store.exportCaseFile('zq');
      expect(exported.text).toContain(CLIENT_NAME);
      await store.trash('zq');
      await store.create(sampleCase('other'));
      await store.trash('other');
      await store.trash(copy.id);
      return copy.id;
    });

    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
    expect((await fs.readdir(path.join(dataDir, 'backups'))).length).toBeGreaterThan(0);

    const keystoreFile = path.join(dataDir, 'keystore.json');
    expect((await fs.stat(keystoreFile)).mode & 0o777).toBe(0o600);
    const keystore = (await readKeystore(dataDir)) as Extract<Keystore, { protection: 'protected' }>;
    expect(keystore.protection).toBe('protected');
    expect(keystore.passphrase.kdf).toMatchObject({ name: 'scrypt', logN: 17, r: 8, p: 1 });
    expect(keystore.recoveryKey.kdf).toMatchObject({ name: 'scrypt', logN: 14, r: 8, p: 1 });

    expect(await vaultStatus(dataDir)).toBe('locked');
    const unlocked = await unlock(dataDir, PASSPHRASE);
    expect(unlocked.recoveryKey).toBeUndefined();
    await withStore(unlocked.codec, async (store) => {
      expect(store.quarantined()).toEqual([]);
      expect((await store.listTrash()).map((row) => row.id).sort()).toEqual([copyId, 'other', 'zq'].sort());
      expect(await store.get('zq').catch((error: TriptychError) => error.code)).toBe('not-found');
      const restored = await store.restore(copyId);
      expect(restored.people.find((person) => person.kind === 'client')?.name).toBe(CLIENT_NAME);
      expect(restored.systems.client.relations[0]?.act).toBe('hides the marmalade ledger');
    });
    expect(await findPlainText(dataDir)).toEqual([]);
  });

  it('refuses a wrong passphrase or recovery key with a clear message and changes no byte', async () => {
    const { codec } = await setUpProtection(dataDir, PASSPHRASE);
    await withStore(codec, (store) => store.create(distinctiveCase('zq')));
    const before = await hashTree(dataDir);

    const wrong = await refusal(unlock(dataDir, 'marble orchard kettle violín'));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toBe(WRONG_PASSPHRASE_MESSAGE);
    expect((await refusal(unlock(dataDir, ''))).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    expect((await refusal(changePassphrase(dataDir, 'not it at all', NEW_PASSPHRASE))).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    const wrongKey = await refusal(unlockWithRecoveryKey(dataDir, formatRecoveryKey(randomBytes(20)), NEW_PASSPHRASE));
    expect(wrongKey.code).toBe('wrong-passphrase');
    expect(wrongKey.message).toBe(WRONG_RECOVERY_KEY_MESSAGE);

    expect(await hashTree(dataDir)).toEqual(before);
    expect((await unlock(dataDir, PASSPHRASE)).codec).toBeDefined();
  });

  it('opens with the recovery key, which sets a new passphrase and re-wraps the key only', async () => {
    const { codec, recoveryKey } = await setUpProtection(dataDir, PASSPHRASE);
    await withStore(codec, (store) => store.create(distinctiveCase('zq')));
    const caseFiles = await hashStoreFiles(dataDir);

    const recovered = await unlockWithRecoveryKey(dataDir, asTyped(recoveryKey), NEW_PASSPHRASE);
    expect(await hashStoreFiles(dataDir)).toEqual(caseFiles);
    await withStore(recovered.codec, async (store) => expect((await store.get('zq')).title).toBe(`${CLIENT_NAME} intake`));

    expect((await refusal(unlock(dataDir, PASSPHRASE))).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    const reopened = await unlock(dataDir, NEW_PASSPHRASE);
    await withStore(reopened.codec, async (store) => expect((await store.list()).map((row) => row.id)).toEqual(['zq']));
    // The recovery key itself is unchanged: the sheet the clinician wrote stays valid.
    expect((await unlockWithRecoveryKey(dataDir, recoveryKey, PASSPHRASE)).codec).toBeDefined();
  });

  it('changes the passphrase by re-wrapping the key: every case file stays byte-identical', async () => {
    const { codec, recoveryKey } = await setUpProtection(dataDir, PASSPHRASE, QUICK);
    await withStore(codec, async (store) => {
      await store.create(distinctiveCase('zq'));
      await store.create(sampleCase('other'));
    });
    const caseFiles = await hashStoreFiles(dataDir);
    const keystoreBefore = (await readKeystore(dataDir)) as Extract<Keystore, { protection: 'protected' }>;

    await changePassphrase(dataDir, PASSPHRASE, NEW_PASSPHRASE, QUICK);

    expect(await hashStoreFiles(dataDir)).toEqual(caseFiles);
    const keystoreAfter = (await readKeystore(dataDir)) as Extract<Keystore, { protection: 'protected' }>;
    expect(keystoreAfter.recoveryKey).toEqual(keystoreBefore.recoveryKey);
    expect(keystoreAfter.passphrase.kdf.salt).not.toBe(keystoreBefore.passphrase.kdf.salt);
    expect((await refusal(unlock(dataDir, PASSPHRASE))).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    await withStore((await unlock(dataDir, NEW_PASSPHRASE)).codec, async (store) => expect((await store.get('zq')).people[0]?.name).toBe(CLIENT_NAME));
    expect((await unlockWithRecoveryKey(dataDir, recoveryKey, PASSPHRASE, QUICK)).codec).toBeDefined();
  });

  it('refuses a passphrase that is too short, before touching anything', async () => {
    const short = await refusal(setUpProtection(dataDir, 'kettle'));
    expect(short.code).toBe('invalid-request');
    expect(short.message).toMatch(/at least 8 characters/);
    expect(await vaultStatus(dataDir)).toBe('new');
  });

  it('refuses a plain file planted among the encrypted ones: only an interrupted protectStore reads plain files', async () => {
    const { codec } = await setUpProtection(dataDir, PASSPHRASE, QUICK);
    await withStore(codec, (store) => store.create(distinctiveCase('zq')));
    await fs.writeFile(path.join(dataDir, 'cases', 'planted.json'), JSON.stringify({ schemaVersion: 1, case: sampleCase('planted') }));

    const unlocked = await unlock(dataDir, PASSPHRASE);
    await withStore(unlocked.codec, async (store) => {
      expect((await store.list()).map((row) => row.id)).toEqual(['zq']);
      expect(store.quarantined().map((report) => [path.basename(report.file), report.reason])).toEqual([
        ['planted.json', expect.stringMatching(/is not encrypted/)],
      ]);
    });
  });

  it('refuses to open encrypted cases when the keystore is missing or damaged, and changes nothing', async () => {
    const { codec } = await setUpProtection(dataDir, PASSPHRASE, QUICK);
    await withStore(codec, (store) => store.create(distinctiveCase('zq')));
    const keystoreFile = path.join(dataDir, 'keystore.json');
    const keystoreBytes = await fs.readFile(keystoreFile);

    await fs.writeFile(keystoreFile, keystoreBytes.subarray(0, 40));
    const damaged = await refusal(unlock(dataDir, PASSPHRASE));
    expect(damaged.code).toBe('store-damaged');
    expect(damaged.message).toMatch(/keystore\.json is damaged.*Restore keystore\.json from a backup/);
    expect((await fs.readFile(keystoreFile)).length).toBe(40);

    await fs.rm(keystoreFile);
    const before = await hashTree(dataDir);
    const missing = await refusal(vaultStatus(dataDir));
    expect(missing.message).toBe(KEYSTORE_MISSING_MESSAGE);
    // A caller that opens the folder as unprotected anyway gets the same refusal, not a quarantine of every case.
    expect((await refusal(openCaseStore({ dataDir, codec: plainCodec }))).message).toBe(KEYSTORE_MISSING_MESSAGE);
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('refuses a keystore that belongs to another store instead of quarantining every case', async () => {
    const { codec } = await setUpProtection(dataDir, PASSPHRASE, QUICK);
    await withStore(codec, (store) => store.create(distinctiveCase('zq')));
    const elsewhere = path.join(root, 'elsewhere');
    await setUpProtection(elsewhere, PASSPHRASE, QUICK);
    await fs.copyFile(path.join(elsewhere, 'keystore.json'), path.join(dataDir, 'keystore.json'));
    const before = await hashTree(dataDir);

    const foreign = await refusal(unlock(dataDir, PASSPHRASE));
    expect(foreign.code).toBe('store-damaged');
    expect(foreign.message).toMatch(/belongs to another case store/);
    expect(await hashTree(dataDir)).toEqual(before);
  });
});

describe('choosing, and later adding, protection', () => {
  it('records "no protection", then protectStore encrypts every file of the existing store', async () => {
    await chooseNoProtection(dataDir);
    expect(await readKeystore(dataDir)).toEqual({ format: 'triptych-keystore', version: 1, protection: 'none' });
    expect(await vaultStatus(dataDir)).toBe('unprotected');

    const zq = distinctiveCase('zq');
    await withStore(plainCodec, async (store) => {
      await store.create(zq);
      await store.save({ ...zq, summary: `${CLIENT_NAME} again` });
      await store.save(zq);
      await store.create(sampleCase('kept'));
      await store.create(sampleCase('binned'));
      await store.trash('binned');
    });
    // A damaged case file (quarantined by the next open) and a killed writer's temp file, both plain.
    await fs.writeFile(path.join(dataDir, 'cases', 'broken.json'), `{"schemaVersion":1,"case":{"title":"${CLIENT_NAME}"`);
    await fs.writeFile(path.join(dataDir, 'cases', '.zq.json.4242.abcdef.tmp'), `{"title":"${CLIENT_NAME}"}`);
    const expected = await withStore(plainCodec, async (store) => {
      expect(store.quarantined()).toHaveLength(1);
      return { list: await store.list(), cases: await Promise.all(['zq', 'kept'].map((id) => store.get(id))), trash: await store.listTrash() };
    });
    await fs.writeFile(path.join(dataDir, 'cases', '.zq.json.4242.abcdef.tmp'), `{"title":"${CLIENT_NAME}"}`);
    expect((await findPlainText(dataDir)).length).toBeGreaterThan(0);

    const refusedSetUp = await refusal(setUpProtection(dataDir, PASSPHRASE, QUICK));
    expect(refusedSetUp.code).toBe('conflict');
    const { codec, recoveryKey } = await protectStore(dataDir, PASSPHRASE, QUICK);

    expect(await vaultStatus(dataDir)).toBe('locked');
    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
    const [quarantined] = await fs.readdir(path.join(dataDir, 'quarantine'));
    const quarantinedBytes = await fs.readFile(path.join(dataDir, 'quarantine', quarantined ?? ''));
    expect(codec.decode('case:broken', quarantinedBytes).toString('utf8')).toContain(CLIENT_NAME);

    await withStore(codec, async (store) => {
      expect(store.quarantined()).toEqual([]);
      expect(await store.list()).toEqual(expected.list);
      expect(await Promise.all(['zq', 'kept'].map((id) => store.get(id)))).toEqual(expected.cases);
      expect(await store.listTrash()).toEqual(expected.trash);
    });
    const recovered = await unlockWithRecoveryKey(dataDir, recoveryKey, NEW_PASSPHRASE, QUICK);
    await withStore(recovered.codec, async (store) => expect((await store.get('zq')).title).toBe(zq.title));

    expect((await refusal(chooseNoProtection(dataDir))).code).toBe('conflict');
    expect((await refusal(protectStore(dataDir, PASSPHRASE, QUICK))).code).toBe('conflict');
  });

  it('calls a store from before encryption existed unprotected, and unlock of it a conflict', async () => {
    await withStore(plainCodec, (store) => store.create(sampleCase('old')));
    expect(await vaultStatus(dataDir)).toBe('unprotected');
    expect((await refusal(unlock(dataDir, PASSPHRASE))).code).toBe('conflict');
  });

  it('finishes an interrupted protectStore on unlock with its passphrase, and issues a fresh recovery key', async () => {
    const zq = distinctiveCase('zq');
    await withStore(plainCodec, async (store) => {
      await store.create(zq);
      await store.create(sampleCase('kept'));
    });
    const plainFiles = new Map<string, Buffer>();
    for (const name of ['index.json', 'cases/zq.json']) plainFiles.set(name, await fs.readFile(path.join(dataDir, name)));

    const { recoveryKey: neverShown } = await protectStore(dataDir, PASSPHRASE, QUICK);
    // Rebuild what a kill halfway leaves: the journal says 'protecting', some files are still plain.
    const keystore = (await readKeystore(dataDir)) as Extract<Keystore, { protection: 'protected' }>;
    await fs.writeFile(path.join(dataDir, 'keystore.json'), JSON.stringify({ ...keystore, protection: 'protecting' }));
    for (const [name, bytes] of plainFiles) await fs.writeFile(path.join(dataDir, name), bytes);
    expect(await vaultStatus(dataDir)).toBe('locked');

    const unlocked = await unlock(dataDir, PASSPHRASE, QUICK);
    expect(unlocked.recoveryKey).toMatch(/^(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect((await readKeystore(dataDir))?.protection).toBe('protected');
    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
    await withStore(unlocked.codec, async (store) => {
      expect(store.quarantined()).toEqual([]);
      expect(await store.get('zq')).toEqual(zq);
      expect((await store.list()).map((row) => row.id).sort()).toEqual(['kept', 'zq']);
    });

    expect((await refusal(unlockWithRecoveryKey(dataDir, neverShown, NEW_PASSPHRASE, QUICK))).message).toBe(WRONG_RECOVERY_KEY_MESSAGE);
    expect((await unlockWithRecoveryKey(dataDir, unlocked.recoveryKey ?? '', NEW_PASSPHRASE, QUICK)).recoveryKey).toBeUndefined();
  });
});
