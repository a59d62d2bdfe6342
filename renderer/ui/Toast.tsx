/** A short message after an action, with at most one way to take it back. */
export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
}

/** Shows the latest toast in a polite live region; it stays until dismissed or replaced, so nobody has to race it. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="button button-small button-on-dark"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss message" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
