import { useEffect, useRef, useState, type FormEvent } from 'react';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphraseForm } from './useNewPassphraseForm';
import { LOST_SECRETS_WARNING } from './warnings';

interface UnlockScreenProps {
  /** Unlocks with the passphrase; resolves to an error message, or null when done. */
  onUnlock: (passphrase: string) => Promise<string | null>;
  /** Unlocks with the recovery key and sets a new passphrase; resolves to an error message, or null when done. */
  onRecover: (recoveryKey: string, newPassphrase: string) => Promise<string | null>;
  /** Why the screen shows, when it was not a plain start (e.g. locked after idle time). */
  notice: string | null;
}

/** The lock screen: the passphrase, or the recovery key and a new passphrase. Shows no case data. */
export function UnlockScreen({ onUnlock, onRecover, notice }: UnlockScreenProps) {
  const [usingRecoveryKey, setUsingRecoveryKey] = useState(false);
  return (
    <main className="vault-screen" data-testid="unlock">
      {usingRecoveryKey ? (
        <RecoveryForm onRecover={onRecover} onBack={() => setUsingRecoveryKey(false)} />
      ) : (
        <PassphraseForm onUnlock={onUnlock} notice={notice} onUseRecoveryKey={() => setUsingRecoveryKey(true)} />
      )}
    </main>
  );
}

function PassphraseForm({ onUnlock, notice, onUseRecoveryKey }: { onUnlock: UnlockScreenProps['onUnlock']; notice: string | null; onUseRecoveryKey: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // The field was disabled while unlocking, which took the focus away: give it back to type again.
  useEffect(() => {
    if (!busy) field.current?.focus();
  }, [busy]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const error = await onUnlock(passphrase);
    if (error === null) return;
    setFailure(error);
    setPassphrase('');
    setBusy(false);
  };

  return (
    <form className="vault-card" onSubmit={(event) => void submit(event)} aria-labelledby="unlock-title">
      <h1 id="unlock-title">Triptych is locked</h1>
      {notice !== null && <p className="muted">{notice}</p>}
      <label className="field">
        <span className="field-label">Passphrase</span>
        <input
          type="password"
          className="vault-input"
          autoComplete="current-password"
          spellCheck={false}
          ref={field}
          value={passphrase}
          disabled={busy}
          aria-invalid={failure !== null}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      {failure !== null && (
        <p className="field-problem" role="alert" data-testid="unlock-error">
          {failure}
        </p>
      )}
      <div className="vault-actions">
        <button type="button" className="button button-quiet" disabled={busy} onClick={onUseRecoveryKey}>
          Use recovery key
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}

function RecoveryForm({ onRecover, onBack }: { onRecover: UnlockScreenProps['onRecover']; onBack: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const { passphrase, setPassphrase, problem, busy, failure, submit } = useNewPassphraseForm((chosen) => onRecover(recoveryKey, chosen));

  return (
    <form className="vault-card" onSubmit={(event) => void submit(event)} aria-labelledby="recover-title" noValidate>
      <h1 id="recover-title">Unlock with your recovery key</h1>
      <p>Type the recovery key you wrote down when you set up Triptych, then choose a new passphrase. Spaces, dashes and capitals do not matter.</p>
      <label className="field">
        <span className="field-label">Recovery key</span>
        <input
          type="text"
          className="vault-input recovery-key-input"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={recoveryKey}
          disabled={busy}
          aria-invalid={failure !== null}
          onChange={(event) => setRecoveryKey(event.target.value)}
        />
      </label>
      <NewPassphraseFields label="New passphrase" value={passphrase} onChange={setPassphrase} problem={problem} disabled={busy} />
      <p className="vault-warning">
        <strong>{LOST_SECRETS_WARNING}</strong>
      </p>
      {failure !== null && (
        <p className="field-problem" role="alert" data-testid="unlock-error">
          {failure}
        </p>
      )}
      <div className="vault-actions">
        <button type="button" className="button button-quiet" disabled={busy} onClick={onBack}>
          Back to passphrase
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock and set new passphrase'}
        </button>
      </div>
    </form>
  );
}
