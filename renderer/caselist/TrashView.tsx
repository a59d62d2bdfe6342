import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatLastChange } from '../ui/formatDate';
import type { TrashedCase } from './useCaseLists';

interface TrashViewProps {
  trash: readonly TrashedCase[];
  onRestore: (caseId: string) => void;
  onEmpty: () => void;
}

/** Deleted cases, newest first, each with Restore; Empty trash deletes them for good after asking. */
export function TrashView({ trash, onRestore, onEmpty }: TrashViewProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="trash" aria-labelledby="trash-heading" data-testid="trash">
      <header className="section-header">
        <h2 id="trash-heading">Trash</h2>
        <button type="button" className="button button-danger-quiet" disabled={trash.length === 0} onClick={() => setConfirming(true)}>
          Empty trash
        </button>
      </header>
      {trash.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <ul className="case-list trash-list" aria-label="Deleted cases">
          {trash.map((kase) => (
            <li key={kase.id} className="case-item" data-testid="trash-row" data-case-id={kase.id}>
              <div className="case-row case-row-static">
                <span className="case-title">{kase.title}</span>
                <span className="case-people">{kase.people.join(', ')}</span>
                <span className="case-updated">
                  Deleted <time dateTime={kase.trashedAt}>{formatLastChange(kase.trashedAt)}</time>
                </span>
              </div>
              <div className="case-actions">
                <button type="button" className="button button-small" aria-label={`Restore ${kase.title}`} onClick={() => onRestore(kase.id)}>
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title="Empty the trash?"
          message={`${trash.length === 1 ? 'The case in the trash' : `All ${trash.length} cases in the trash`} will be deleted for good. This cannot be undone.`}
          confirmLabel="Delete for good"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onEmpty();
          }}
        />
      )}
    </section>
  );
}
