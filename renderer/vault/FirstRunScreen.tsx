import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EMPTY_NEW_PASSPHRASE, NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from './NewPassphraseFields';
import { LOST_SECRETS_WARNING, UNENCRYPTED_WARNING } from './warnings';

interface FirstRunScreenProps {
  /** Protects the new store; resolves to an error message, or null when done. */
  onProtect: (passphrase: string) => Promise<string | null>;
  /** Keeps the cases unencrypted; resolves to an error message, or null when done. */
  onKeepUnencrypted: () => Promise<string | null>;
}

/**
 * The first screen of a new data folder: choose a passphrase (twice, with a
 * live strength hint and the plain warning), or, behind an explicit warning,
 * keep the cases unencrypted.
 */
export function FirstRunScreen({ onProtect, onKeepUnencrypted }: FirstRunScreenProps) {
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingUnencrypted, setConfirmingUnencrypted] = useState(false);
  const problem = tried ? newPassphraseProblem(passphrase) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (newPassphraseProblem(passphrase) !== null) return;
    setBusy(true);
    setFailure(null);
    const error = await onProtect(passphrase.first);
    if (error !== null) {
      setFailure(error);
      setBusy(false);
    }
  };

  const keepUnencrypted = async () => {
    setConfirmingUnencrypted(false);
    setBusy(true);
    const error = await onKeepUnencrypted();
    if (error !== null) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <main className="vault-screen" data-testid="first-run">
      <form className="vault-card" onSubmit={(event) => void submit(event)} aria-labelledby="first-run-title" noValidate>
        <h1 id="first-run-title">Protect your cases</h1>
        <p>
          Triptych encrypts every case on this computer with a passphrase that only you know. You type it when Triptych starts, and
          after it locks itself when you step away.
        </p>
        <NewPassphraseFields label="Passphrase" value={passphrase} onChange={setPassphrase} problem={problem} disabled={busy} autoFocus />
        <p className="vault-warning" role="note">
          <strong>{LOST_SECRETS_WARNING}</strong> After this step Triptych shows you a recovery key once, to write down.
        </p>
        {failure !== null && (
          <p className="field-problem" role="alert">
            {failure}
          </p>
        )}
        <div className="vault-actions">
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirmingUnencrypted(true)}>
            Keep my cases unencrypted
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Protecting…' : 'Protect my cases'}
          </button>
        </div>
      </form>
      {confirmingUnencrypted && (
        <ConfirmDialog
          title="Keep your cases unencrypted?"
          message={UNENCRYPTED_WARNING}
          confirmLabel="Keep them unencrypted"
          onConfirm={() => void keepUnencrypted()}
          onCancel={() => setConfirmingUnencrypted(false)}
        />
      )}
    </main>
  );
}
