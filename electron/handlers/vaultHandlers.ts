import type { ResponseOf, VaultChannel } from '../../shared/ipc/contract';
import type { LockableStore } from '../app/lockableStore';
import type { Handlers } from '../ipc/handlers';

/** The handlers of the vault's channels: first run, unlock, lock and the security settings. */
export type VaultHandlers = Pick<Handlers, VaultChannel>;

/** What the vault's channels act on: the store behind its lock, and the auto-lock setting. */
export interface VaultControls {
  store: LockableStore;
  autoLockMinutes(): number;
  setAutoLockMinutes(minutes: number): Promise<void>;
}

/** Binds the vault's channels; each is one call on the lockable store, parsed both ways by the dispatch wrapper. */
export function createVaultHandlers({ store, autoLockMinutes, setAutoLockMinutes }: VaultControls): VaultHandlers {
  const status = (): ResponseOf<'vault:status'> => ({
    state: store.state,
    protected: store.state === 'locked' || store.state === 'unlocked',
    autoLockMinutes: autoLockMinutes(),
  });
  return {
    'vault:status': async () => status(),
    'vault:set-up': async ({ passphrase }) => ({ recoveryKey: await store.setUp(passphrase) }),
    'vault:choose-no-protection': async () => {
      await store.chooseNoProtection();
      return {};
    },
    'vault:unlock': ({ passphrase }) => store.unlock(passphrase),
    'vault:unlock-with-recovery-key': ({ recoveryKey, newPassphrase }) => store.unlockWithRecoveryKey(recoveryKey, newPassphrase),
    'vault:lock': async () => {
      await store.lock();
      return {};
    },
    'vault:change-passphrase': async ({ current, next }) => {
      await store.changePassphrase(current, next);
      return {};
    },
    'vault:protect': async ({ passphrase }) => ({ recoveryKey: await store.protect(passphrase) }),
    'vault:set-auto-lock': async ({ minutes }) => {
      await setAutoLockMinutes(minutes);
      return status();
    },
  };
}
