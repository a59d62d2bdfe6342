import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import type { ResponseOf } from '../../shared/ipc/contract';
import { hasCommandKey } from '../ui/keyboard';
import { useMenuCommand } from '../ui/useMenuCommand';
import { useMenuTextUndo } from '../ui/useMenuTextUndo';
import { FirstRunScreen } from './FirstRunScreen';
import { forgetCaseData } from './forgetOnLock';
import { lockAwareBridge } from './lockAwareBridge';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { SecurityDialog } from './SecurityDialog';
import { UnlockScreen } from './UnlockScreen';
import { useIdleLock } from './useIdleLock';
import { VaultControls } from './VaultControls';
import './vault.css';

type VaultStatus = ResponseOf<'vault:status'>;

type Phase =
  | { name: 'checking' }
  | { name: 'unreachable'; message: string }
  | { name: 'first-run' }
  | { name: 'recovery-key'; recoveryKey: string; reason: string }
  | { name: 'locked'; notice: string | null }
  | { name: 'locking'; notice: string | null }
  | { name: 'open' };

const SET_UP_REASON = 'Your cases are now encrypted with your passphrase.';
const PROTECTED_REASON = 'Your cases are now encrypted with your passphrase, together with their backups and the deleted cases.';
const FINISHED_REASON =
  'Triptych finished encrypting your cases, which had been interrupted, and made a new recovery key for them. A recovery key you may have noted before does not open them.';
const LOCKED_ELSEWHERE = 'Triptych was locked. Unlock it to go on.';

interface VaultGateProps {
  bridge: TriptychBridge;
  /** The app, given the bridge it must use; rendered only while the cases are open. */
  children: (bridge: TriptychBridge) => ReactNode;
}

/**
 * Stands between the page and the app: asks where the store stands, shows the
 * first-run, recovery-key or unlock screen, and renders the app only while
 * the cases are open. Locking (the Lock button, Ctrl/Cmd+L, idle time, or an
 * answer coded 'locked') unmounts the app entirely, so no case text stays in
 * the page, before the main process drops the key.
 */
export function VaultGate({ bridge, children }: VaultGateProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [securityOpen, setSecurityOpen] = useState(false);
  const [lockProblem, setLockProblem] = useState<string | null>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const refresh = useCallback(
    async (notice: string | null = null) => {
      const result = await bridge.getVaultStatus({});
      if (!result.ok) {
        setPhase({ name: 'unreachable', message: result.error.message });
        return;
      }
      setStatus(result.value);
      const { state } = result.value;
      if (state === 'new') setPhase({ name: 'first-run' });
      else if (state === 'locked') {
        forgetCaseData();
        setPhase({ name: 'locked', notice });
      } else setPhase({ name: 'open' });
    },
    [bridge],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Asks first: a call can also be refused as 'locked' for a moment while the store is being encrypted.
  const lockedElsewhere = useCallback(() => {
    if (phaseRef.current.name !== 'open') return;
    void bridge.getVaultStatus({}).then((result) => {
      if (phaseRef.current.name !== 'open' || (result.ok && (result.value.state === 'unlocked' || result.value.state === 'unprotected'))) return;
      setSecurityOpen(false);
      setPhase({ name: 'locking', notice: LOCKED_ELSEWHERE });
    });
  }, [bridge]);

  const appBridge = useMemo(() => lockAwareBridge(bridge, lockedElsewhere), [bridge, lockedElsewhere]);

  const lockNow = useCallback(
    (notice: string | null) => {
      if (phaseRef.current.name !== 'open' || status?.protected !== true) return;
      setSecurityOpen(false);
      setLockProblem(null);
      setPhase({ name: 'locking', notice });
    },
    [status],
  );

  // Runs once the app is unmounted: its pending save has been sent by then,
  // and the main process finishes running calls before it closes the store.
  useEffect(() => {
    if (phase.name !== 'locking') return;
    void bridge.lockVault({}).then((result) => {
      forgetCaseData();
      if (result.ok || result.error.code === 'locked') {
        void refresh(phase.notice);
        return;
      }
      setLockProblem(result.error.message);
      setPhase({ name: 'open' });
    });
  }, [phase, bridge, refresh]);

  const isOpenAndProtected = phase.name === 'open' && status?.protected === true;
  const minutes = status?.autoLockMinutes ?? 10;
  useIdleLock(
    isOpenAndProtected,
    minutes,
    () => lockNow(`Triptych locked itself after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} without use.`),
    () => void appBridge.getVaultStatus({}).then((result) => result.ok && result.value.state !== 'unlocked' && lockedElsewhere()),
  );

  useEffect(() => {
    if (!isOpenAndProtected) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasCommandKey(event) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'l') return;
      event.preventDefault();
      lockNow(null);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [isOpenAndProtected, lockNow]);
  useMenuCommand('lock', () => lockNow(null));
  useMenuTextUndo();

  switch (phase.name) {
    case 'checking':
      return <main className="vault-screen" aria-busy="true" />;
    case 'unreachable':
      return (
        <main className="vault-screen">
          <section className="vault-card">
            <h1>Triptych cannot open your cases</h1>
            <p role="alert">{phase.message}</p>
          </section>
        </main>
      );
    case 'first-run':
      return (
        <FirstRunScreen
          onProtect={async (passphrase) => {
            const result = await bridge.setUpVault({ passphrase });
            if (!result.ok) return result.error.message;
            setPhase({ name: 'recovery-key', recoveryKey: result.value.recoveryKey, reason: SET_UP_REASON });
            return null;
          }}
          onKeepUnencrypted={async () => {
            const result = await bridge.chooseNoProtection({});
            if (!result.ok) return result.error.message;
            await refresh();
            return null;
          }}
        />
      );
    case 'recovery-key':
      return <RecoveryKeySheet recoveryKey={phase.recoveryKey} reason={phase.reason} onDone={() => void refresh()} />;
    case 'locked':
      return (
        <UnlockScreen
          notice={phase.notice}
          onUnlock={async (passphrase) => {
            const result = await bridge.unlockVault({ passphrase });
            if (!result.ok) return result.error.message;
            if (result.value.recoveryKey !== undefined) setPhase({ name: 'recovery-key', recoveryKey: result.value.recoveryKey, reason: FINISHED_REASON });
            else await refresh();
            return null;
          }}
          onRecover={async (recoveryKey, newPassphrase) => {
            const result = await bridge.unlockWithRecoveryKey({ recoveryKey, newPassphrase });
            if (!result.ok) return result.error.message;
            if (result.value.recoveryKey !== undefined) setPhase({ name: 'recovery-key', recoveryKey: result.value.recoveryKey, reason: FINISHED_REASON });
            else await refresh();
            return null;
          }}
        />
      );
    case 'locking':
      return <main className="vault-screen" aria-busy="true" />;
    case 'open':
      return (
        <>
          {children(appBridge)}
          <VaultControls
            protected={status?.protected === true}
            onLock={() => lockNow(null)}
            onOpenSecurity={() => setSecurityOpen(true)}
            problem={lockProblem}
          />
          {securityOpen && status !== null && (
            <SecurityDialog
              bridge={bridge}
              status={status}
              onStatus={setStatus}
              onClose={() => setSecurityOpen(false)}
              onProtected={(recoveryKey) => {
                setSecurityOpen(false);
                setPhase({ name: 'recovery-key', recoveryKey, reason: PROTECTED_REASON });
              }}
            />
          )}
        </>
      );
  }
}
