import { useId, useState } from 'react';
import { LOST_SECRETS_WARNING } from './warnings';

interface RecoveryKeySheetProps {
  recoveryKey: string;
  /** Why a key is shown now: after set-up, after protecting, or after finishing an interrupted protection. */
  reason: string;
  onDone: () => void;
}

/**
 * The recovery key, shown once: large monospace groups to copy by hand, a
 * Print button, and a confirmation that it was written down before the
 * clinician goes on. Nothing keeps it after this screen.
 */
export function RecoveryKeySheet({ recoveryKey, reason, onDone }: RecoveryKeySheetProps) {
  const [writtenDown, setWrittenDown] = useState(false);
  const keyLabel = useId();
  return (
    <main className="vault-screen" data-testid="recovery-key-sheet">
      <section className="vault-card recovery-sheet" aria-labelledby="recovery-key-title">
        <h1 id="recovery-key-title">Your recovery key</h1>
        <p>{reason}</p>
        <p>
          <strong>This is the only time Triptych shows it.</strong> Write it down or print it, and keep it somewhere safe, apart from this
          computer. If you forget your passphrase, the recovery key lets you set a new one.
        </p>
        <p className="visually-hidden" id={keyLabel}>
          Recovery key
        </p>
        <p className="recovery-key" data-testid="recovery-key" aria-labelledby={keyLabel}>
          {recoveryKey.split('-').map((group, index) => (
            <span key={index} className="recovery-key-group">
              {group}
            </span>
          ))}
        </p>
        <p className="vault-warning">
          <strong>{LOST_SECRETS_WARNING}</strong>
        </p>
        <div className="vault-actions vault-no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <label className="check">
            <input type="checkbox" checked={writtenDown} onChange={(event) => setWrittenDown(event.target.checked)} />I have written it down
          </label>
          <button type="button" className="button button-primary" disabled={!writtenDown} onClick={onDone}>
            Continue
          </button>
        </div>
      </section>
    </main>
  );
}
