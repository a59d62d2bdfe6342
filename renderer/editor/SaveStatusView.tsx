import type { SaveStatus } from './caseSaver';

/** The case header's promise about the clinician's words: Saved, Saving…, or Not saved and why, with Retry. */
export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <div className={`save-status save-${status.state}`} data-testid="save-status" data-save-state={status.state}>
      <span role="status">
        {status.state === 'saved' && (
          <>
            <span className="save-dot" aria-hidden="true" />
            Saved
          </>
        )}
        {(status.state === 'saving' || status.state === 'pending') && 'Saving…'}
      </span>
      {status.state === 'failed' && (
        <span role="alert" className="save-problem">
          <span>Not saved: {status.reason}</span>
          <button type="button" className="button button-small" onClick={onRetry}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}
