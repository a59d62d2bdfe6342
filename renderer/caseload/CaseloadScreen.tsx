import { useEffect, useRef } from 'react';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { useBridgeCall } from '../ui/useBridgeCall';
import './caseload.css';

interface CaseloadScreenProps {
  bridge: TriptychBridge;
  onOpenCase: (caseId: string) => void;
}

/**
 * The caseload view: for each therapist, the roles and feelings they hold in
 * the therapy of two or more of their cases ("Rescuer in 5 of 8 cases"),
 * each with buttons that open those cases. Worded as a question for
 * supervision: a pattern across clients may be the therapist's own material.
 */
export function CaseloadScreen({ bridge, onOpenCase }: CaseloadScreenProps) {
  const loaded = useBridgeCall(() => bridge.analyzeCaseload({}), 'caseload');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <main className="screen caseload" aria-labelledby="caseload-heading" data-testid="caseload-screen">
      <header className="screen-header">
        <h1 id="caseload-heading" ref={headingRef} tabIndex={-1}>
          Caseload
        </h1>
      </header>
      <p className="caseload-intro">
        What each therapist holds in the therapy of two or more of their cases. Something that recurs across different
        clients may be your own material rather than each client's: a question to take to supervision, not a conclusion.
      </p>

      {loaded.state === 'loading' && <p role="status">Looking across the caseload…</p>}
      {loaded.state === 'failed' && (
        <p className="notice" role="alert">
          {loaded.error.message}
        </p>
      )}
      {loaded.state === 'ready' && loaded.value.therapists.length === 0 && <p>There are no cases yet.</p>}
      {loaded.state === 'ready' &&
        loaded.value.therapists.map((therapist) => {
          const headingId = `caseload-${therapist.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
          const count = therapist.caseIds.length === 1 ? '1 case' : `${therapist.caseIds.length} cases`;
          return (
            <section key={therapist.name} className="caseload-therapist" aria-labelledby={headingId} data-testid="caseload-therapist">
              <h2 id={headingId}>
                {therapist.name} <span className="caseload-count">({count})</span>
              </h2>
              {therapist.recurring.length === 0 ? (
                <p className="caseload-quiet">
                  {therapist.caseIds.length < 2
                    ? 'One case so far: a pattern across cases needs at least two.'
                    : 'Nothing this therapist holds in therapy recurs across their cases.'}
                </p>
              ) : (
                <ul className="caseload-recurring">
                  {therapist.recurring.map((holding) => (
                    <li
                      key={`${holding.kind}:${holding.key}`}
                      className="caseload-holding"
                      data-testid="recurring-holding"
                      data-kind={holding.kind}
                      data-key={holding.key}
                    >
                      <p className="caseload-summary">
                        <span className="caseload-kind">{holding.kind === 'role' ? 'Role' : 'Feeling'}</span>
                        {holding.summary}
                      </p>
                      <ul className="caseload-cases" aria-label={`Cases where ${therapist.name} holds ${holding.label}`}>
                        {holding.caseIds.map((caseId) => (
                          <li key={caseId}>
                            <button type="button" className="caseload-case" onClick={() => onOpenCase(caseId)}>
                              {loaded.value.caseTitles[caseId] ?? caseId}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
    </main>
  );
}
