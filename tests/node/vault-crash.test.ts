import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TriptychError } from '../../shared/ipc/result';
import type { Case } from '../../shared/case/schema';
import { readKeystore } from '../../electron/crypto/keystore';
import { plainCodec } from '../../electron/crypto/plainCodec';
import { chooseNoProtection, protectStore, unlock, WRONG_PASSPHRASE_MESSAGE, type VaultOptions } from '../../electron/crypto/vault';
import { openCaseStore, type CaseSummary, type TrashedCase } from '../../electron/store/caseStore';
import type { DocumentCodec } from '../../electron/store/codec';
import { exited, firstLine, makeTempDir, startFixture } from './fixtures/storeFiles';
import { distinctiveCase, findPlainText, hashStoreFiles, unencryptedFiles } from './fixtures/vault-files';

const KILLS = 30;
const CASES = 30;
const OLD = 'marble orchard kettle violin';
const NEW = 'copper meadow lantern fig';
// The scrypt cost is lowered, explicitly, so each of the ~60 runs stays
// quick; protectStore uses the cheapest cost so its time goes to the files,
// changePassphrase a dearer one so kills land before and after its one write.
const PROTECT_LOG_N = 10;
const CHANGE_LOG_N = 14;
const QUICK: VaultOptions = { kdfCostForTests: { logN: PROTECT_LOG_N, r: 8, p: 1 } };

interface Expected {
  list: CaseSummary[];
  cases: Case[];
  trash: TrashedCase[];
}

let root: string;
let unprotected: string;
let expected: Expected;

beforeAll(async () => {
  root = await makeTempDir('triptych-vault-crash-');
  unprotected = path.join(root, 'unprotected');
  await chooseNoProtection(unprotected);
  const store = await openCaseStore({ dataDir: unprotected, codec: plainCodec });
  for (let number = 1; number <= CASES; number++) {
    const kase = distinctiveCase(`case-${String(number).padStart(2, '0')}`);
    await store.create(kase);
    // Two saves give each case backups, which protectStore must encrypt too.
    await store.save({ ...kase, summary: `${kase.summary} (first draft)` });
    await store.save(kase);
    if (number % 10 === 0) await store.trash(kase.id);
  }
  await store.close();
  expected = await readStore(unprotected, plainCodec);
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function readStore(dataDir: string, codec: DocumentCodec): Promise<Expected> {
  const store = await openCaseStore({ dataDir, codec });
  try {
    expect(store.quarantined()).toEqual([]);
    const list = await store.list();
    return { list, cases: await Promise.all(list.map((row) => store.get(row.id))), trash: await store.listTrash() };
  } finally {
    await store.close();
  }
}

/** Runs the worker to the end: how long the operation takes on this machine, right now. */
async function timeWorker(args: string[]): Promise<number> {
  const child = startFixture('vault-worker.ts', args);
  expect(await firstLine(child)).toBe('ready');
  const started = performance.now();
  await exited(child);
  expect(child.exitCode).toBe(0);
  return performance.now() - started;
}

/** Starts the worker and kills it with SIGKILL after a random delay within `window` ms of it starting work. */
async function killDuring(args: string[], window: number): Promise<void> {
  const child = startFixture('vault-worker.ts', args);
  expect(await firstLine(child)).toBe('ready');
  await new Promise((resolve) => setTimeout(resolve, Math.random() * window));
  child.kill('SIGKILL');
  await exited(child);
}

async function opensWith(dataDir: string, passphrase: string): Promise<DocumentCodec | null> {
  try {
    return (await unlock(dataDir, passphrase, QUICK)).codec;
  } catch (error) {
    if (error instanceof TriptychError && error.message === WRONG_PASSPHRASE_MESSAGE) return null;
    throw error;
  }
}

it(`protectStore killed at random moments (${KILLS} times) leaves a store that opens, plain or with the passphrase, with every case`, async () => {
  const calibration = path.join(root, 'calibration');
  await fs.cp(unprotected, calibration, { recursive: true });
  const duration = await timeWorker(['protect', calibration, String(PROTECT_LOG_N), OLD]);
  expect(await readStore(calibration, (await unlock(calibration, OLD)).codec)).toEqual(expected);

  const outcomes = { none: 0, protecting: 0, protected: 0 };
  for (let kill = 0; kill < KILLS; kill++) {
    const dataDir = path.join(root, `protect-${kill}`);
    await fs.cp(unprotected, dataDir, { recursive: true });
    await killDuring(['protect', dataDir, String(PROTECT_LOG_N), OLD], duration * 1.2);

    const state = (await readKeystore(dataDir))?.protection ?? 'none';
    outcomes[state] += 1;
    if (state === 'none') {
      // Killed before the journal was written: still unprotected, and the
      // plain codec would refuse any file that had been encrypted.
      expect(await readStore(dataDir, plainCodec)).toEqual(expected);
    } else {
      const unlocked = await unlock(dataDir, OLD, QUICK);
      // Unlocking finished an interrupted run and issued the recovery key the run never showed.
      expect(unlocked.recoveryKey !== undefined).toBe(state === 'protecting');
      expect((await readKeystore(dataDir))?.protection).toBe('protected');
      expect(await readStore(dataDir, unlocked.codec)).toEqual(expected);
      expect(await findPlainText(dataDir)).toEqual([]);
      expect(await unencryptedFiles(dataDir)).toEqual([]);
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  console.info(`vault crash test: protectStore took ${duration.toFixed(0)} ms; kills left the keystore ${JSON.stringify(outcomes)}`);
  expect(outcomes.protecting).toBeGreaterThan(0);
});

it(`changePassphrase killed at random moments (${KILLS} times) leaves a store that opens with exactly one of the two passphrases`, async () => {
  const dataDir = path.join(root, 'change');
  await fs.cp(unprotected, dataDir, { recursive: true });
  const { codec } = await protectStore(dataDir, OLD, QUICK);
  // The first open re-reads every case (protectStore gave each file a new
  // signature) and rewrites the index; from then on nothing but the keystore may change.
  expect(await readStore(dataDir, codec)).toEqual(expected);
  const caseFiles = await hashStoreFiles(dataDir);
  // Timings swing widely on a busy 2-core machine, so the kill window starts
  // at twice the slowest of three full runs and then follows the one write:
  // it widens after a kill that came before the write and narrows after one
  // that came after, so kills keep landing on both sides of it.
  const durations: number[] = [];
  let current = OLD;
  for (let run = 0; run < 3; run++) {
    const next = current === OLD ? NEW : OLD;
    durations.push(await timeWorker(['change', dataDir, String(CHANGE_LOG_N), current, next]));
    current = next;
  }
  let window = 2 * Math.max(...durations);

  const outcomes = { old: 0, new: 0 };
  for (let kill = 0; kill < KILLS; kill++) {
    const next = current === OLD ? NEW : OLD;
    await killDuring(['change', dataDir, String(CHANGE_LOG_N), current, next], window);

    const withCurrent = await opensWith(dataDir, current);
    const withNext = await opensWith(dataDir, next);
    expect((withCurrent === null) !== (withNext === null)).toBe(true);
    outcomes[withNext === null ? 'old' : 'new'] += 1;
    window *= withNext === null ? 1.25 : 0.8;
    if (withNext !== null) current = next;

    // Only the keystore changes (a killed write may leave its temp file, which the next open clears).
    const onDisk = await hashStoreFiles(dataDir);
    for (const name of Object.keys(onDisk)) if (/^\.keystore\.json\..*\.tmp$/.test(name)) delete onDisk[name];
    expect(onDisk).toEqual(caseFiles);
    expect(await readStore(dataDir, (withCurrent ?? withNext) as DocumentCodec)).toEqual(expected);
  }
  console.info(`vault crash test: changePassphrase took ${durations.map((ms) => ms.toFixed(0)).join('/')} ms; kills left ${JSON.stringify(outcomes)}`);
  expect(outcomes.old).toBeGreaterThan(0);
  expect(outcomes.new).toBeGreaterThan(0);
});
