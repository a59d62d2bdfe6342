interface VaultControlsProps {
  protected: boolean;
  onLock: () => void;
  onOpenSecurity: () => void;
  /** A lock that did not happen, in words. */
  problem: string | null;
}

/**
 * The small fixed control over the middle of the app bar: Lock (also
 * Ctrl/Cmd+L) for a protected store, and the Security settings. Drawn by the
 * vault gate, outside the app, so it stays when screens change.
 */
export function VaultControls({ protected: isProtected, onLock, onOpenSecurity, problem }: VaultControlsProps) {
  return (
    <div className="vault-controls" role="group" aria-label="Lock and security">
      {isProtected ? (
        <button type="button" className="button button-small" onClick={onLock} title="Lock now (Ctrl+L)" aria-keyshortcuts="Control+L Meta+L">
          Lock
        </button>
      ) : (
        <span className="vault-unencrypted">Not encrypted</span>
      )}
      <button type="button" className="button button-small button-quiet" onClick={onOpenSecurity}>
        Security
      </button>
      {problem !== null && (
        <span className="field-problem vault-controls-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
