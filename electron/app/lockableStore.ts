import path from 'node:path';
import type { z } from 'zod';
import type { VaultStateSchema } from '../../shared/ipc/contract';
import { TriptychError } from '../../shared/ipc/result';
import { plainCodec } from '../crypto/plainCodec';
import {
  changePassphrase,
  chooseNoProtection,
  protectStore,
  setUpProtection,
  unlock,
  unlockWithRecoveryKey,
  vaultStatus,
  type VaultOptions,
} from '../crypto/vault';
import { openCaseStore, type CaseStore } from '../store/caseStore';
import type { DocumentCodec } from '../store/codec';

/** Where the case store stands, as the lock screen sees it. */
export type VaultState = z.output<typeof VaultStateSchema>;

/**
 * What a folder with no case store yet becomes: 'ask' leaves it 'new' so the
 * first-run screen lets the clinician choose; 'unprotected' opens it plain at
 * once, as scripts and tests written before encryption expect.
 */
export type FirstRun = 'ask' | 'unprotected';

export interface LockableStoreOptions {
  dataDir: string;
  firstRun: FirstRun;
  vault: VaultOptions;
  /** Runs on every store this opens (seeding the examples), before any case call reaches it. */
  onOpened: (store: CaseStore) => Promise<void>;
}

/** Opens the data folder's case store now when it needs no passphrase, else waits for set-up or unlock. */
export function openLockableStore(options: LockableStoreOptions): Promise<LockableStore> {
  return LockableStore.open(options);
}

/**
 * The case store behind a lock. The store is open only in the states
 * 'unprotected' and 'unlocked'; locking closes it and drops the codec, the
 * only holder of the data key in this process. State changes run one at a
 * time, and a lock waits for the case calls already running, so none of
 * them writes through a closed store.
 */
export class LockableStore {
  private current: VaultState = 'new';
  private store: CaseStore | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private changing: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly options: LockableStoreOptions) {}

  /** See openLockableStore. */
  static async open(options: LockableStoreOptions): Promise<LockableStore> {
    const lockable = new LockableStore(options);
    const status = await vaultStatus(options.dataDir);
    if (status === 'unprotected' || (status === 'new' && options.firstRun === 'unprotected')) {
      await lockable.openWith(plainCodec, 'unprotected');
    } else {
      lockable.current = status;
    }
    return lockable;
  }

  /** Where the store stands now. */
  get state(): VaultState {
    return this.current;
  }

  /** The folder this store lives in. */
  get dataDir(): string {
    return path.resolve(this.options.dataDir);
  }

  /** The open store; throws 'locked' when there is none to use. */
  openStore(): CaseStore {
    if (this.store === null) throw new TriptychError('locked', this.lockedMessage());
    return this.store;
  }

  /** Runs one case call against the open store, so that a lock waits for it. */
  use<T>(work: (store: CaseStore) => Promise<T>, waited = false): Promise<T> {
    if (!waited && this.store === null && this.current === 'unprotected' && !this.closed) {
      // "Protect with passphrase" is encrypting the store: a save waits for it rather than fail.
      return this.changing.then(() => this.use(work, true));
    }
    const call = work(this.openStore());
    this.running.add(call);
    void call.then(
      () => this.running.delete(call),
      () => this.running.delete(call),
    );
    return call;
  }

  /** First run: protects the new folder with a passphrase, opens it, and returns the recovery key to show once. */
  setUp(passphrase: string): Promise<string> {
    return this.change(async () => {
      this.expectState('new');
      const { codec, recoveryKey } = await setUpProtection(this.dataDir, passphrase, this.options.vault);
      await this.openWith(codec, 'unlocked');
      return recoveryKey;
    });
  }

  /** First run: records the clinician's explicit choice to keep the cases unencrypted, and opens the store. */
  chooseNoProtection(): Promise<void> {
    return this.change(async () => {
      if (this.state === 'unprotected') return;
      this.expectState('new');
      await chooseNoProtection(this.dataDir);
      await this.openWith(plainCodec, 'unprotected');
    });
  }

  /** Opens a locked store with its passphrase; a wrong one changes nothing. */
  unlock(passphrase: string): Promise<{ recoveryKey?: string }> {
    return this.change(async () => {
      if (this.state === 'unlocked') {
        // Another window unlocked it first; the passphrase is still checked, so a wrong one is never let through.
        await unlock(this.dataDir, passphrase, this.options.vault);
        return {};
      }
      this.expectState('locked');
      const { codec, recoveryKey } = await unlock(this.dataDir, passphrase, this.options.vault);
      await this.openWith(codec, 'unlocked');
      return recoveryKey === undefined ? {} : { recoveryKey };
    });
  }

  /** Opens a locked store with its recovery key and sets a new passphrase. */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<{ recoveryKey?: string }> {
    return this.change(async () => {
      this.expectState('locked');
      const unlocked = await unlockWithRecoveryKey(this.dataDir, recoveryKey, newPassphrase, this.options.vault);
      await this.openWith(unlocked.codec, 'unlocked');
      return unlocked.recoveryKey === undefined ? {} : { recoveryKey: unlocked.recoveryKey };
    });
  }

  /** Lock now: waits for running case calls, closes the store and drops its key. Locked stays locked. */
  lock(): Promise<void> {
    return this.change(async () => {
      if (this.state === 'locked') return;
      if (this.state !== 'unlocked') {
        throw new TriptychError(
          'conflict',
          'These cases are not protected by a passphrase, so there is nothing to lock them with. Choose "Protect with passphrase" in the Security settings first.',
        );
      }
      this.current = 'locked';
      await this.closeStore();
    });
  }

  /** Re-wraps the data key under a new passphrase; the cases stay open and no case file changes. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.change(async () => {
      this.expectState('unlocked');
      await changePassphrase(this.dataDir, current, next, this.options.vault);
    });
  }

  /**
   * Protect with passphrase: encrypts an unprotected store. protectStore takes
   * the store lock, so the store is closed first and reopened with the new
   * codec; if protecting fails, whatever the disk now says decides the state.
   */
  protect(passphrase: string): Promise<string> {
    return this.change(async () => {
      this.expectState('unprotected');
      await this.closeStore();
      let recoveryKey: string;
      try {
        const protectedStore = await protectStore(this.dataDir, passphrase, this.options.vault);
        recoveryKey = protectedStore.recoveryKey;
        await this.openWith(protectedStore.codec, 'unlocked');
      } catch (error) {
        await this.recoverFromDisk();
        throw error;
      }
      return recoveryKey;
    });
  }

  /** Closes the store for good (the app is quitting). */
  close(): Promise<void> {
    return this.change(async () => {
      this.closed = true;
      await this.closeStore();
    });
  }

  /** Opens the store with `codec` and enters `state`; the store is closed again if its first use fails. */
  private async openWith(codec: DocumentCodec, state: 'unprotected' | 'unlocked'): Promise<void> {
    const store = await openCaseStore({ dataDir: this.dataDir, codec });
    try {
      await this.options.onOpened(store);
    } catch (error) {
      await store.close();
      throw error;
    }
    this.store = store;
    this.current = state;
  }

  private async recoverFromDisk(): Promise<void> {
    const status = await vaultStatus(this.dataDir);
    if (status === 'unprotected') await this.openWith(plainCodec, 'unprotected');
    else this.current = status;
  }

  private async closeStore(): Promise<void> {
    const store = this.store;
    this.store = null;
    await Promise.allSettled([...this.running]);
    await store?.close();
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const next = this.changing.then(() => {
      if (this.closed) throw new TriptychError('locked', 'Triptych is closing; open it again to reach the cases.');
      return work();
    });
    this.changing = next.catch(() => undefined);
    return next;
  }

  private expectState(expected: VaultState): void {
    if (this.state === expected) return;
    throw new TriptychError('conflict', STATE_CONFLICTS[this.state]);
  }

  private lockedMessage(): string {
    if (this.closed) return 'Triptych is closing; open it again to reach the cases.';
    if (this.state === 'new') return 'Triptych has no case store here yet. Choose a passphrase (or to keep the cases unencrypted) first.';
    if (this.state === 'locked') return 'Triptych is locked. Unlock it with your passphrase to reach the cases.';
    return 'Triptych is busy encrypting the cases. Try again in a moment.';
  }
}

const STATE_CONFLICTS: Readonly<Record<VaultState, string>> = {
  new: 'This case store has not been set up yet: choose a passphrase, or to keep the cases unencrypted, first.',
  unprotected: 'These cases are not protected by a passphrase. Choose "Protect with passphrase" to protect them.',
  locked: 'Triptych is locked. Unlock it with your passphrase first.',
  unlocked: 'This case store is already protected by a passphrase and unlocked.',
};
