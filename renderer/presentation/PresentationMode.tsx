import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { analyzeCase } from '../../shared/analysis/index';
import type { Echo } from '../../shared/analysis/types';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { BUNDLED_PROMPTS } from '../../shared/presentation/bundledPrompts';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { echoHighlights, type MapHighlight } from '../../shared/scene/highlight';
import { renderSystemSvg } from '../../shared/presentation/mapSvg';
import { HIGHLIGHT_COLOURS } from '../../shared/scene/palette';
import { promptsForEcho } from '../../shared/presentation/prompts';
import { presentationMove, presentationSteps, stepAfter, stepCounter, type PresentationStep } from './presentationSteps';
import './presentation.css';

interface PresentationModeProps {
  kase: Case;
  /** Escape, the Leave button, or leaving full screen: the editor comes back as it was. */
  onLeave: () => void;
}

const ECHO_COLOUR = HIGHLIGHT_COLOURS[0] as string;

/**
 * The case as a presentation for a supervision or peer group: full screen
 * where the browser allows it, else over the whole window. One step at a
 * time: each system's map large with the other two small, then each echo
 * across the three maps with its tentative summary and one or two reflective
 * questions. The maps are drawn by the same SVG renderer as the handout, not
 * Cytoscape: a calm, still picture, identical to what is printed, that no
 * stray drag can change, and cheap to redraw when names switch to pseudonyms.
 * Nothing here edits the case.
 */
export function PresentationMode({ kase, onLeave }: PresentationModeProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [pseudonyms, setPseudonyms] = useState(false);
  // De-identified, the echoes are analysed again so their wording carries the labels too; ids stay the same.
  const shown = useMemo(() => (pseudonyms ? deidentifyCase(kase).case : kase), [kase, pseudonyms]);
  const echoes = useMemo(() => analyzeCase(shown).echoes, [shown]);
  const steps = useMemo(() => presentationSteps(echoes), [echoes]);
  const current = Math.min(index, steps.length - 1);
  const step = steps[current] as PresentationStep;

  const latest = useRef({ onLeave, count: steps.length });
  latest.current = { onLeave, count: steps.length };

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    root.focus();
    // The editor behind stays in the page but out of reach of Tab and screen readers.
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');

    let wasFullscreen = false;
    const onFullscreenChange = () => {
      if (document.fullscreenElement === root) wasFullscreen = true;
      // The browser's own Escape ends full screen without a key event reaching the page.
      else if (wasFullscreen) latest.current.onLeave();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    // Refused (no user gesture, or the desktop app denies the permission): the overlay already fills the window.
    root.requestFullscreen?.().catch(() => undefined);

    const onKeyDown = (event: KeyboardEvent) => {
      // Presentation mode is modal: the editor's shortcuts (Undo among them) must not act behind it.
      event.stopPropagation();
      const move = presentationMove(event.key, { shift: event.shiftKey, ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
      if (move === null) return;
      event.preventDefault();
      if (move === 'leave') latest.current.onLeave();
      else if (move === 'toggle-pseudonyms') setPseudonyms((on) => !on);
      else setIndex((at) => stepAfter(at, move, latest.current.count));
    };
    window.addEventListener('keydown', onKeyDown, true);

    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement === root) document.exitFullscreen().catch(() => undefined);
      app?.removeAttribute('inert');
    };
  }, []);

  const echo = step.kind === 'echo' ? echoes.find((candidate) => candidate.id === step.echoId) : undefined;

  return createPortal(
    <div
      ref={rootRef}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={`Presentation of ${shown.title}`}
      tabIndex={-1}
      data-testid="presentation"
      data-step={current}
      data-step-kind={step.kind}
      data-pseudonyms={pseudonyms}
    >
      <header className="presentation-bar">
        <p className="presentation-title">{shown.title}</p>
        <p className="presentation-counter" aria-live="polite" data-testid="presentation-counter">
          <span className="visually-hidden">Step </span>
          {stepCounter(current, steps.length)}
        </p>
        <div className="presentation-tools">
          <button type="button" className="button button-on-dark" onClick={() => setIndex((at) => stepAfter(at, 'previous', steps.length))} disabled={current === 0}>
            <span aria-hidden="true">←</span> Back
          </button>
          <button
            type="button"
            className="button button-on-dark"
            onClick={() => setIndex((at) => stepAfter(at, 'next', steps.length))}
            disabled={current === steps.length - 1}
          >
            Next <span aria-hidden="true">→</span>
          </button>
          <button
            type="button"
            className="button button-on-dark"
            aria-pressed={pseudonyms}
            aria-keyshortcuts="P"
            title="P"
            onClick={() => setPseudonyms((on) => !on)}
            data-testid="presentation-pseudonyms"
          >
            Pseudonyms
          </button>
          <button type="button" className="button button-on-dark" aria-keyshortcuts="Escape" title="Escape" onClick={onLeave}>
            Leave
          </button>
        </div>
      </header>
      {step.kind === 'system' ? <SystemStep kase={shown} focus={step.system} /> : echo && <EchoStep kase={shown} echo={echo} />}
      <p className="presentation-keys">Space or → next · Shift+Space or ← back · P pseudonyms · Esc leave</p>
    </div>,
    document.body,
  );
}

/** One system's map large, the other two small beside it. */
function SystemStep({ kase, focus }: { kase: Case; focus: SystemId }) {
  return (
    <div className="presentation-stage presentation-stage-system">
      <MapFigure kase={kase} system={focus} size="large" />
      <div className="presentation-others">
        {SYSTEM_IDS.filter((system) => system !== focus).map((system) => (
          <MapFigure key={system} kase={kase} system={system} size="small" />
        ))}
      </div>
    </div>
  );
}

/** One echo highlighted in all three maps, with its tentative summary and questions for the group. */
function EchoStep({ kase, echo }: { kase: Case; echo: Echo }) {
  const highlights = useMemo(() => echoHighlights(kase, echo, ECHO_COLOUR), [kase, echo]);
  const questions = promptsForEcho(echo, BUNDLED_PROMPTS).slice(0, 2);
  return (
    <div className="presentation-stage presentation-stage-echo">
      <div className="presentation-row">
        {SYSTEM_IDS.map((system) => (
          <MapFigure key={system} kase={kase} system={system} size="equal" highlight={highlights[system]} />
        ))}
      </div>
      <section className="presentation-echo" aria-labelledby="presentation-echo-label" data-echo-id={echo.id}>
        <h2 id="presentation-echo-label">
          <span className="presentation-swatch" style={{ backgroundColor: ECHO_COLOUR }} aria-hidden="true" />
          {echo.wording.label}
          {echo.parallel && <span className="presentation-badge">Full parallel process</span>}
        </h2>
        <p className="presentation-summary">{echo.wording.summary}</p>
        <h3>For the group</h3>
        <ul className="presentation-questions">
          {questions.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** A map as a still SVG picture under its system's name. */
function MapFigure({ kase, system, size, highlight }: { kase: Case; system: SystemId; size: 'large' | 'small' | 'equal'; highlight?: MapHighlight }) {
  // Our own markup from mapSvg.ts, every text escaped there; ids prefixed so three maps can share the page.
  const svg = useMemo(
    () => renderSystemSvg(kase, system, { highlight: highlight === undefined ? [] : [highlight], idPrefix: `present-${system}` }),
    [kase, system, highlight],
  );
  return (
    <figure className={`presentation-map presentation-map-${size}`} data-testid={`presentation-map-${system}`}>
      <figcaption>{SYSTEM_NAMES[system]}</figcaption>
      <div className="presentation-svg" dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}
