import { useState, type FormEvent } from 'react';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import type { ResponseOf } from '../../shared/ipc/contract';
import { Dialog } from '../ui/Dialog';
import { EMPTY_NEW_PASSPHRASE, NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from './NewPassphraseFields';
import { useNewPassphraseForm } from './useNewPassphraseForm';
import { LOST_SECRETS_WARNING } from './warnings';

type VaultStatus = ResponseOf<'vault:status'>;

interface SecurityDialogProps {
  bridge: TriptychBridge;
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
  /** The store was just protected: show its recovery key. */
  onProtected: (recoveryKey: string) => void;
  onClose: () => void;
}

/** Security settings: the auto-lock delay, and Change passphrase or (for an unencrypted store) Protect with passphrase. */
export function SecurityDialog({ bridge, status, onStatus, onProtected, onClose }: SecurityDialogProps) {
  return (
    <Dialog title="Security" onClose={onClose} testId="security-dialog">
      <div className="dialog-form">
        <AutoLockForm bridge={bridge} status={status} onStatus={onStatus} />
        {status.protected ? <ChangePassphraseForm bridge={bridge} /> : <ProtectForm bridge={bridge} onProtected={onProtected} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function AutoLockForm({ bridge, status, onStatus }: Pick<SecurityDialogProps, 'bridge' | 'status' | 'onStatus'>) {
  const [minutes, setMinutes] = useState(String(status.autoLockMinutes));
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 480) {
      setMessage({ text: 'Choose a whole number of minutes from 1 to 480.', failed: true });
      return;
    }
    const result = await bridge.setAutoLock({ minutes: value });
    if (!result.ok) {
      setMessage({ text: result.error.message, failed: true });
      return;
    }
    onStatus(result.value);
    setMessage({ text: `Triptych now locks after ${value} ${value === 1 ? 'minute' : 'minutes'} without use.`, failed: false });
  };
  return (
    <form className="vault-section" onSubmit={(event) => void save(event)} aria-labelledby="auto-lock-title">
      <h3 id="auto-lock-title">Auto-lock</h3>
      {!status.protected && <p className="muted">Auto-lock needs a passphrase: protect your cases below to use it.</p>}
      <div className="vault-inline">
        <label className="field">
          <span className="field-label">Lock after this many minutes without use</span>
          <input
            type="number"
            className="vault-input vault-minutes"
            min={1}
            max={480}
            step={1}
            value={minutes}
            disabled={!status.protected}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={!status.protected}>
          Save
        </button>
      </div>
      {message !== null && (
        <p className={message.failed ? 'field-problem' : 'field-hint'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function ChangePassphraseForm({ bridge }: { bridge: TriptychBridge }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const problem = tried ? newPassphraseProblem(next) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (newPassphraseProblem(next) !== null) return;
    setBusy(true);
    setMessage(null);
    const result = await bridge.changePassphrase({ current, next: next.first });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, failed: true });
      return;
    }
    setCurrent('');
    setNext(EMPTY_NEW_PASSPHRASE);
    setTried(false);
    setMessage({ text: 'Passphrase changed. Your recovery key stays the same.', failed: false });
  };

  return (
    <form className="vault-section" onSubmit={(event) => void submit(event)} aria-labelledby="change-passphrase-title" noValidate>
      <h3 id="change-passphrase-title">Change passphrase</h3>
      <label className="field">
        <span className="field-label">Current passphrase</span>
        <input
          type="password"
          className="vault-input"
          autoComplete="current-password"
          spellCheck={false}
          value={current}
          disabled={busy}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </label>
      <NewPassphraseFields label="New passphrase" value={next} onChange={setNext} problem={problem} disabled={busy} />
      {message !== null && (
        <p className={message.failed ? 'field-problem' : 'field-hint'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function ProtectForm({ bridge, onProtected }: { bridge: TriptychBridge; onProtected: (recoveryKey: string) => void }) {
  const { passphrase, setPassphrase, problem, busy, failure, submit } = useNewPassphraseForm(async (chosen) => {
    const result = await bridge.protectStore({ passphrase: chosen });
    if (!result.ok) return result.error.message;
    onProtected(result.value.recoveryKey);
    return null;
  });

  return (
    <form className="vault-section" onSubmit={(event) => void submit(event)} aria-labelledby="protect-title" noValidate>
      <h3 id="protect-title">Protect with passphrase</h3>
      <p className="vault-warning">Your cases are stored unencrypted. Choose a passphrase to encrypt every case, backup and deleted case on this computer.</p>
      <NewPassphraseFields label="Passphrase" value={passphrase} onChange={setPassphrase} problem={problem} disabled={busy} />
      <p className="vault-warning">
        <strong>{LOST_SECRETS_WARNING}</strong>
      </p>
      {failure !== null && (
        <p className="field-problem" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Encrypting your cases…' : 'Protect with passphrase'}
        </button>
      </div>
    </form>
  );
}
