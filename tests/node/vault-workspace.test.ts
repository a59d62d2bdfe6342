import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace, type OpenWorkspaceOptions, type Workspace } from '../../electron/app/openWorkspace';
import { WRONG_PASSPHRASE_MESSAGE } from '../../electron/crypto/vault';
import type { Channel } from '../../shared/ipc/contract';
import type { BridgeResult } from '../../shared/ipc/result';
import { sampleCase } from './fixtures/cases';
import { hashTree, makeTempDir } from './fixtures/storeFiles';
import { CLIENT_NAME, distinctiveCase, findPlainText, unencryptedFiles } from './fixtures/vault-files';

const PASSPHRASE = 'marble orchard kettle violin';
const NEW_PASSPHRASE = 'copper meadow lantern fig';
const QUICK = { logN: 10, r: 8, p: 1 };

let root: string;
let dataDir: string;
let workspace: Workspace | null = null;

beforeEach(async () => {
  root = await makeTempDir('triptych-vault-workspace-');
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  await workspace?.close();
  workspace = null;
  await fs.rm(root, { recursive: true, force: true });
});

async function open(options: Partial<OpenWorkspaceOptions> = {}): Promise<Workspace> {
  await workspace?.close();
  workspace = await openWorkspace({ dataDir, mode: 'test', seedExamples: false, firstRun: 'ask', kdfCostForTests: QUICK, ...options });
  return workspace;
}

/** Sends one request and returns the value, failing the test on a refusal. */
async function call(channel: Channel, request: unknown = {}): Promise<unknown> {
  const answer = await (workspace as Workspace).dispatch(channel, request);
  if (!answer.ok) throw new Error(`${channel} was refused: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

function refusal(answer: BridgeResult<unknown>) {
  expect(answer.ok).toBe(false);
  return (answer as { ok: false; error: { code: string; message: string } }).error;
}

async function status() {
  return call('vault:status') as Promise<{ state: string; protected: boolean; autoLockMinutes: number }>;
}

const CASE_CHANNELS: [Channel, unknown][] = [
  ['store:status', {}],
  ['cases:list', {}],
  ['cases:get', { id: 'zq' }],
  ['cases:save', { case: distinctiveCase('zq') }],
  ['cases:list-trash', {}],
  ['cases:export', { id: 'zq' }],
  ['analysis:caseload', {}],
];

describe('a workspace that can be locked', () => {
  it('answers every case channel with "locked" until first-run set-up, then opens the store', async () => {
    const ws = await open();
    expect(await status()).toEqual({ state: 'new', protected: false, autoLockMinutes: 10 });
    for (const [channel, request] of CASE_CHANNELS) {
      const error = refusal(await ws.dispatch(channel, request));
      expect(error.code, channel).toBe('locked');
      expect(error.message).toMatch(/no case store here yet/);
    }
    expect(() => ws.store).toThrow(/no case store here yet/);
    expect(await fs.readdir(root)).toEqual([]);

    const { recoveryKey } = (await call('vault:set-up', { passphrase: PASSPHRASE })) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(await status()).toEqual({ state: 'unlocked', protected: true, autoLockMinutes: 10 });
    await call('cases:create', { case: distinctiveCase('zq') });
    expect(await call('cases:list')).toMatchObject({ cases: [{ id: 'zq', title: `${CLIENT_NAME} intake` }] });
    // Set up once: a second set-up is a conflict, not a new key.
    expect(refusal(await ws.dispatch('vault:set-up', { passphrase: NEW_PASSPHRASE })).code).toBe('conflict');
  });

  it('seeds the example cases when the store first opens after set-up', async () => {
    await open({ seedExamples: true });
    expect(refusal(await (workspace as Workspace).dispatch('cases:list', {})).code).toBe('locked');
    await call('vault:set-up', { passphrase: PASSPHRASE });
    const { cases } = (await call('cases:list')) as { cases: unknown[] };
    expect(cases.length).toBeGreaterThan(0);
  });

  it('Lock now closes the store: case calls are refused, the disk holds no case text, and a running save finishes first', async () => {
    const ws = await open();
    await call('vault:set-up', { passphrase: PASSPHRASE });
    await call('cases:create', { case: distinctiveCase('zq') });

    const edited = { ...distinctiveCase('zq'), summary: 'Saved just before the lock' };
    const [saved, locked] = await Promise.all([ws.dispatch('cases:save', { case: edited }), ws.dispatch('vault:lock', {})]);
    expect(saved.ok).toBe(true);
    expect(locked).toEqual({ ok: true, value: {} });

    expect(await status()).toMatchObject({ state: 'locked', protected: true });
    for (const [channel, request] of CASE_CHANNELS) {
      const error = refusal(await ws.dispatch(channel, request));
      expect(error.code, channel).toBe('locked');
      expect(error.message).toBe('Triptych is locked. Unlock it with your passphrase to reach the cases.');
    }
    expect(() => ws.store).toThrow(/locked/);
    // Locked means the store's own lock is released too, as when the app is closed.
    expect(await fs.readdir(dataDir)).not.toContain('store.lock');
    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
    // Locking twice is harmless.
    expect((await ws.dispatch('vault:lock', {})).ok).toBe(true);

    await call('vault:unlock', { passphrase: PASSPHRASE });
    expect(await call('cases:get', { id: 'zq' })).toMatchObject({ case: { summary: 'Saved just before the lock' } });
  });

  it('refuses a wrong passphrase with "wrong-passphrase", stays locked, and changes no byte', async () => {
    const ws = await open();
    await call('vault:set-up', { passphrase: PASSPHRASE });
    await call('cases:create', { case: distinctiveCase('zq') });
    await call('vault:lock');
    const before = await hashTree(dataDir);

    for (const passphrase of ['marble orchard kettle violín', '', 'x'.repeat(1024)]) {
      expect(refusal(await ws.dispatch('vault:unlock', { passphrase }))).toEqual({ code: 'wrong-passphrase', message: WRONG_PASSPHRASE_MESSAGE });
    }
    expect(refusal(await ws.dispatch('vault:unlock', { passphrase: 'x'.repeat(1025) })).code).toBe('invalid-request');
    expect(await status()).toMatchObject({ state: 'locked' });
    expect(refusal(await ws.dispatch('cases:list', {})).code).toBe('locked');
    expect(await hashTree(dataDir)).toEqual(before);

    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toEqual({});
    expect(await status()).toMatchObject({ state: 'unlocked' });
  });

  it('opens a protected store locked when it starts, and unlocks it', async () => {
    await open();
    await call('vault:set-up', { passphrase: PASSPHRASE });
    await call('cases:create', { case: sampleCase('kept') });
    const ws = await open();
    expect(await status()).toMatchObject({ state: 'locked', protected: true });
    expect(refusal(await ws.dispatch('cases:get', { id: 'kept' })).code).toBe('locked');
    await call('vault:unlock', { passphrase: PASSPHRASE });
    expect(await call('cases:get', { id: 'kept' })).toMatchObject({ case: { id: 'kept' } });
  });

  it('unlocks with the recovery key and a new passphrase; the old passphrase then fails', async () => {
    const ws = await open();
    const { recoveryKey } = (await call('vault:set-up', { passphrase: PASSPHRASE })) as { recoveryKey: string };
    await call('cases:create', { case: sampleCase('kept') });
    await call('vault:lock');

    const wrongKey = refusal(await ws.dispatch('vault:unlock-with-recovery-key', { recoveryKey: recoveryKey.replace(/^..../, 'ZZZZ'), newPassphrase: NEW_PASSPHRASE }));
    expect(['wrong-passphrase', 'invalid-request']).toContain(wrongKey.code);
    expect(await call('vault:unlock-with-recovery-key', { recoveryKey: recoveryKey.toLowerCase(), newPassphrase: NEW_PASSPHRASE })).toEqual({});
    expect(await call('cases:list')).toMatchObject({ cases: [{ id: 'kept' }] });

    await call('vault:lock');
    expect(refusal(await ws.dispatch('vault:unlock', { passphrase: PASSPHRASE })).code).toBe('wrong-passphrase');
    await call('vault:unlock', { passphrase: NEW_PASSPHRASE });
  });

  it('changes the passphrase while unlocked, only with the current one', async () => {
    const ws = await open();
    await call('vault:set-up', { passphrase: PASSPHRASE });
    expect(refusal(await ws.dispatch('vault:change-passphrase', { current: 'not the passphrase', next: NEW_PASSPHRASE })).code).toBe('wrong-passphrase');
    expect(refusal(await ws.dispatch('vault:change-passphrase', { current: PASSPHRASE, next: 'short' })).message).toMatch(/at least 8 characters/);
    await call('vault:change-passphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE });
    expect(await status()).toMatchObject({ state: 'unlocked' });
    await call('vault:lock');
    expect(refusal(await ws.dispatch('vault:change-passphrase', { current: NEW_PASSPHRASE, next: PASSPHRASE })).code).toBe('conflict');
    expect(refusal(await ws.dispatch('vault:unlock', { passphrase: PASSPHRASE })).code).toBe('wrong-passphrase');
    await call('vault:unlock', { passphrase: NEW_PASSPHRASE });
  });

  it('keeps the cases unencrypted only by explicit choice; such a store cannot be locked until it is protected', async () => {
    const ws = await open();
    await call('vault:choose-no-protection');
    expect(await status()).toEqual({ state: 'unprotected', protected: false, autoLockMinutes: 10 });
    await call('cases:create', { case: distinctiveCase('zq') });
    expect((await findPlainText(dataDir)).length).toBeGreaterThan(0);
    const lock = refusal(await ws.dispatch('vault:lock', {}));
    expect(lock.code).toBe('conflict');
    expect(lock.message).toMatch(/Protect with passphrase/);
    expect(refusal(await ws.dispatch('vault:set-up', { passphrase: PASSPHRASE })).code).toBe('conflict');

    const { recoveryKey } = (await call('vault:protect', { passphrase: PASSPHRASE })) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(await status()).toMatchObject({ state: 'unlocked', protected: true });
    expect(await call('cases:get', { id: 'zq' })).toMatchObject({ case: { title: `${CLIENT_NAME} intake` } });
    await call('vault:lock');
    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
    await call('vault:unlock', { passphrase: PASSPHRASE });
  });

  it('keeps an unprotected store open when protecting is refused', async () => {
    const ws = await open();
    await call('vault:choose-no-protection');
    await call('cases:create', { case: sampleCase('kept') });
    expect(refusal(await ws.dispatch('vault:protect', { passphrase: 'short' })).message).toMatch(/at least 8 characters/);
    expect(await status()).toMatchObject({ state: 'unprotected' });
    expect(await call('cases:list')).toMatchObject({ cases: [{ id: 'kept' }] });
  });

  it('opens a new folder unprotected at once only when the caller chose that explicitly', async () => {
    workspace = await openWorkspace({ dataDir, mode: 'test', seedExamples: false, firstRun: 'unprotected' });
    expect(await status()).toMatchObject({ state: 'unprotected' });
    expect(await call('cases:list')).toEqual({ cases: [] });
  });

  it('asks on first run by default, so no caller makes an unencrypted store by accident', async () => {
    workspace = await openWorkspace({ dataDir, mode: 'test', seedExamples: false });
    expect(await status()).toMatchObject({ state: 'new' });
  });
});

describe('auto-lock', () => {
  // The idle timer runs on a fake clock with real minutes: nothing waits for
  // real time, so a busy machine can neither slow these down nor fail them.
  it('locks in the main process after the idle minutes pass with no bridge call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const ws = await open();
      await call('vault:set-up', { passphrase: PASSPHRASE });
      expect(await call('vault:set-auto-lock', { minutes: 3 })).toMatchObject({ autoLockMinutes: 3 });

      // Kept busy for three times the delay, it stays unlocked.
      for (let step = 0; step < 12; step++) {
        await vi.advanceTimersByTimeAsync(45_000);
        await call('cases:list');
      }
      expect(ws.vaultState()).toBe('unlocked');

      await vi.advanceTimersByTimeAsync(3 * 60_000 - 1);
      expect(ws.vaultState()).toBe('unlocked');
      await vi.advanceTimersByTimeAsync(1);
      await expect.poll(() => ws.vaultState()).toBe('locked');
      expect(refusal(await ws.dispatch('cases:list', {})).code).toBe('locked');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves an unprotected store open when idle: there is nothing to lock it with', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const ws = await open();
      await call('vault:choose-no-protection');
      await call('vault:set-auto-lock', { minutes: 1 });
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(ws.vaultState()).toBe('unprotected');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the auto-lock minutes in a small settings file, and falls back to ten when it is damaged', async () => {
    await open();
    await call('vault:set-up', { passphrase: PASSPHRASE });
    await call('vault:set-auto-lock', { minutes: 25 });
    const settingsFile = path.join(dataDir, 'settings.json');
    expect(JSON.parse(await fs.readFile(settingsFile, 'utf8'))).toEqual({ autoLockMinutes: 25 });
    expect((await fs.stat(settingsFile)).mode & 0o777).toBe(0o600);
    expect(refusal(await (workspace as Workspace).dispatch('vault:set-auto-lock', { minutes: 0 })).code).toBe('invalid-request');

    await open();
    expect(await status()).toMatchObject({ state: 'locked', autoLockMinutes: 25 });
    await fs.writeFile(settingsFile, '{"autoLockMinutes": "never"}');
    await open();
    expect(await status()).toMatchObject({ autoLockMinutes: 10 });
  });
});
