import { useEffect, useRef } from 'react';
import { SYSTEM_IDS } from '../../shared/case/systems';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { formatLastChange } from '../ui/formatDate';
import { useBridgeCall } from '../ui/useBridgeCall';
import { PeopleKey } from './PeopleKey';
import { SystemPanel } from './SystemPanel';

interface CaseScreenProps {
  bridge: TriptychBridge;
  caseId: string;
  onBack: () => void;
}

// The first slice is read-only: nothing asks for a new layout yet, so every
// map is laid out once, when the case opens.
const FIRST_LAYOUT = 0;

/** One case, read-only: its title, the three maps side by side, then who is who and the summary. */
export function CaseScreen({ bridge, caseId, onBack }: CaseScreenProps) {
  const loaded = useBridgeCall(() => bridge.getCase({ id: caseId }), caseId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.state !== 'loading') headingRef.current?.focus();
  }, [loaded.state]);

  return (
    <main className="screen screen-wide" aria-labelledby="case-heading">
      <nav className="screen-nav">
        <button type="button" className="back-button" onClick={onBack}>
          <span aria-hidden="true">←</span> All cases
        </button>
      </nav>

      {loaded.state === 'loading' && <p className="muted" role="status">Opening the case…</p>}
      {loaded.state === 'failed' && (
        <>
          <h1 id="case-heading" ref={headingRef} tabIndex={-1}>
            This case could not be opened
          </h1>
          <p className="notice" role="alert">
            {loaded.error.message}
          </p>
        </>
      )}
      {loaded.state === 'ready' && (
        <>
          <header className="screen-header case-header">
            <h1 id="case-heading" ref={headingRef} tabIndex={-1}>
              {loaded.value.case.title}
            </h1>
            <p className="muted">Last changed {formatLastChange(loaded.value.case.updatedAt)}</p>
          </header>
          <div className="triptych">
            {SYSTEM_IDS.map((system) => (
              <SystemPanel key={system} kase={loaded.value.case} system={system} layoutRequest={FIRST_LAYOUT} />
            ))}
          </div>
          <div className="case-details">
            <PeopleKey kase={loaded.value.case} />
            {loaded.value.case.summary && (
              <section className="case-summary" aria-labelledby="case-summary-heading">
                <h2 id="case-summary-heading">Summary</h2>
                <p>{loaded.value.case.summary}</p>
              </section>
            )}
          </div>
        </>
      )}
    </main>
  );
}
