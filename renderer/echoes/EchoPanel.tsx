import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Echo } from '../../shared/analysis/index';
import { echoColourOfSlot } from './echoColours';
import { identificationBadges, peopleInEcho, personNameInEchoes } from './echoFacts';
import './echoes.css';

interface EchoPanelProps {
  /** The engine's echoes of the case, in its order. */
  echoes: readonly Echo[];
  selectedEchoId: string | null;
  onSelect: (echoId: string | null) => void;
  /** When a person is selected in a map: list only the echoes they take part in. */
  personFilter?: string | null;
  /** The colour each echo is highlighted in (useEchoes' colourOf); by position in the list when absent. */
  colourOf?: (echoId: string) => string;
  /** Called by "Show all"; without it the panel simply stops filtering until another person is chosen. */
  onClearPersonFilter?: () => void;
}

/**
 * The echoes of a case in plain clinical words, as a listbox: each with its
 * colour, the systems it spans, a full-parallel-process badge and the
 * identification badges, and the engine's tentative summary. Arrow keys move,
 * Enter selects (again: clears), Escape clears; clicking selects.
 */
export function EchoPanel({ echoes, selectedEchoId, onSelect, personFilter = null, colourOf, onClearPersonFilter }: EchoPanelProps) {
  const baseId = useId();
  const [ignoredFilter, setIgnoredFilter] = useState<string | null>(null);
  // "Show all" holds until the clinician picks a person again.
  useEffect(() => setIgnoredFilter(null), [personFilter]);
  const filter = personFilter !== null && personFilter !== ignoredFilter ? personFilter : null;
  const shown = useMemo(
    () => (filter === null ? echoes : echoes.filter((echo) => peopleInEcho(echo).has(filter))),
    [echoes, filter],
  );
  const [activeIndex, setActiveIndex] = useState(0);

  useEffect(() => {
    const index = shown.findIndex((echo) => echo.id === selectedEchoId);
    if (index >= 0) setActiveIndex(index);
    else setActiveIndex((current) => Math.min(current, Math.max(0, shown.length - 1)));
  }, [shown, selectedEchoId]);

  const colour = (echo: Echo) => colourOf?.(echo.id) ?? echoColourOfSlot(echoes.indexOf(echo));
  const optionId = (echo: Echo) => `${baseId}-echo-${echo.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const active = shown[activeIndex];
  const selected = echoes.find((echo) => echo.id === selectedEchoId);

  const choose = (echo: Echo) => onSelect(echo.id === selectedEchoId ? null : echo.id);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = shown.length - 1;
    const moveTo = { ArrowDown: Math.min(last, activeIndex + 1), ArrowUp: Math.max(0, activeIndex - 1), Home: 0, End: last }[event.key];
    if (moveTo !== undefined) {
      event.preventDefault();
      setActiveIndex(Math.max(0, moveTo));
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && selectedEchoId !== null) {
      event.preventDefault();
      event.stopPropagation();
      onSelect(null);
    }
  };

  useEffect(() => {
    if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from baseId and the echo, both covered by `active`.
  }, [active]);

  const showAll = () => {
    setIgnoredFilter(filter);
    onClearPersonFilter?.();
  };

  return (
    <section className="echo-panel" aria-labelledby={`${baseId}-heading`} data-testid="echo-panel">
      <h2 id={`${baseId}-heading`}>Echoes</h2>
      <p className="echo-intro">
        What seems to recur across the three systems. Each echo is a hypothesis to reflect on, not a finding.
      </p>

      {filter !== null && (
        <p className="echo-filter" data-testid="echo-filter">
          Showing echoes involving <strong>{personNameInEchoes(echoes, filter)}</strong>
          <span aria-hidden="true"> · </span>
          <button type="button" className="echo-link" onClick={showAll}>
            Show all
          </button>
        </p>
      )}

      {echoes.length === 0 ? (
        <p className="echo-empty">
          Nothing recurs across two systems yet. Echoes appear when a role, a feeling or a pattern between two roles is
          present in more than one map.
        </p>
      ) : shown.length === 0 ? (
        <p className="echo-empty">No echo involves this person yet.</p>
      ) : (
        <ul
          role="listbox"
          className="echo-list"
          aria-label="Echoes across the three systems"
          tabIndex={0}
          aria-activedescendant={active ? optionId(active) : undefined}
          onKeyDown={onKeyDown}
        >
          {shown.map((echo, index) => {
            const wording = echo.wording;
            const badges = identificationBadges(echo);
            return (
              <li
                key={echo.id}
                id={optionId(echo)}
                role="option"
                aria-selected={echo.id === selectedEchoId}
                className={`echo-option${index === activeIndex ? ' echo-option-active' : ''}`}
                data-echo-id={echo.id}
                onClick={() => {
                  setActiveIndex(index);
                  choose(echo);
                }}
              >
                <span className="echo-swatch" style={{ backgroundColor: colour(echo) }} aria-hidden="true" />
                <span className="echo-body">
                  <span className="echo-label">{wording.label}</span>
                  <span className="echo-badges">
                    {wording.systems.map((system) => (
                      <span key={system} className="echo-badge echo-badge-system">
                        {system}
                      </span>
                    ))}
                    {echo.parallel && (
                      <span className="echo-badge echo-badge-parallel" title="Present in all three systems: client's world, therapy and supervision.">
                        Full parallel process
                      </span>
                    )}
                    {badges.map((badge) => (
                      <span key={badge.text} className="echo-badge echo-badge-identification" title={badge.explanation}>
                        {badge.text}
                        <span className="visually-hidden">: {badge.explanation}</span>
                      </span>
                    ))}
                  </span>
                  <span className="echo-summary">{wording.summary}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}

      <div className="echo-legend" aria-live="polite" data-testid="echo-legend">
        {selected ? (
          <p>
            <span className="echo-swatch" style={{ backgroundColor: colour(selected) }} aria-hidden="true" />
            Highlighted in the maps: <strong>{selected.wording.label}</strong>. Everything else is dimmed; Escape clears.
          </p>
        ) : (
          <p>Select an echo to highlight where it occurs in all three maps.</p>
        )}
      </div>
    </section>
  );
}
