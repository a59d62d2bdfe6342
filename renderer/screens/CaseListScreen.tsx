import { useEffect, useRef } from 'react';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { formatLastChange } from '../ui/formatDate';
import { useBridgeCall } from '../ui/useBridgeCall';
import { StoreNotice } from './StoreNotice';

interface CaseListScreenProps {
  bridge: TriptychBridge;
  onOpenCase: (caseId: string) => void;
  /** The case the clinician just came back from, which gets the keyboard focus. */
  returningFrom: string | null;
}

/** The first screen: every case, the most recently changed first, each opened by click or Enter. */
export function CaseListScreen({ bridge, onOpenCase, returningFrom }: CaseListScreenProps) {
  const cases = useBridgeCall(() => bridge.listCases({}), 'cases');
  const status = useBridgeCall(() => bridge.getStoreStatus({}), 'status');
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (cases.state !== 'ready' || returningFrom === null) return;
    listRef.current?.querySelector<HTMLButtonElement>(`[data-case-id="${CSS.escape(returningFrom)}"]`)?.focus();
  }, [cases.state, returningFrom]);

  const sorted = cases.state === 'ready' ? [...cases.value.cases].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];

  return (
    <main className="screen" aria-labelledby="case-list-heading">
      <header className="screen-header">
        <h1 id="case-list-heading">Cases</h1>
        {cases.state === 'ready' && (
          <p className="muted">{sorted.length === 1 ? '1 case' : `${sorted.length} cases`}, most recently changed first</p>
        )}
      </header>

      {status.state === 'ready' && <StoreNotice quarantined={status.value.quarantined} />}

      {cases.state === 'loading' && <p className="muted" role="status">Opening your cases…</p>}
      {cases.state === 'failed' && (
        <p className="notice" role="alert">
          {cases.error.message}
        </p>
      )}
      {cases.state === 'ready' && sorted.length === 0 && <p className="muted">There are no cases yet.</p>}

      {sorted.length > 0 && (
        <div className="case-table">
          <div className="case-table-head" aria-hidden="true">
            <span>Case</span>
            <span>People</span>
            <span>Last change</span>
          </div>
          <ul className="case-list" aria-label="Cases" ref={listRef}>
            {sorted.map((summary) => (
              <li key={summary.id}>
                <button
                  type="button"
                  className="case-row"
                  data-testid="case-row"
                  data-case-id={summary.id}
                  onClick={() => onOpenCase(summary.id)}
                >
                  <span className="case-title">{summary.title}</span>
                  <span className="case-people">
                    <span className="visually-hidden">People: </span>
                    {summary.people.join(', ')}
                  </span>
                  <span className="case-updated">
                    <span className="visually-hidden">Last changed </span>
                    <time dateTime={summary.updatedAt}>{formatLastChange(summary.updatedAt)}</time>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
