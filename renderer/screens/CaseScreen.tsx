import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { CustomTermsPanel } from '../editor/CustomTermsPanel';
import { EditableText } from '../editor/EditableText';
import { PeoplePanel } from '../editor/PeoplePanel';
import { RelationDialog, type RelationDraft } from '../editor/RelationDialog';
import { SaveStatusView } from '../editor/SaveStatusView';
import { SystemDetails } from '../editor/SystemDetails';
import { caseHash } from '../editor/caseHash';
import { useAutosave } from '../editor/useAutosave';
import { useCaseHistory } from '../editor/useCaseHistory';
import { useUndoShortcuts } from '../editor/useUndoShortcuts';
import { EchoPanel } from '../echoes/EchoPanel';
import { useEchoDrawer } from '../echoes/useEchoDrawer';
import { useEchoes } from '../echoes/useEchoes';
import { PresentationTools } from '../presentation/PresentationTools';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatLastChange } from '../ui/formatDate';
import { useBridgeCall } from '../ui/useBridgeCall';
import { useAfterFirstFrames } from '../ui/useAfterFirstFrames';
import { SystemPanel } from './SystemPanel';

/** The zoom the maps share: the smallest of their fit zooms (maps with nobody do not count); null before any is measured. */
function sharedFitZoom(zooms: Record<SystemId, number | null>): number | null {
  const known = SYSTEM_IDS.map((system) => zooms[system]).filter((zoom): zoom is number => zoom !== null);
  return known.length === 0 ? null : Math.min(...known);
}

/** Whether the echo list is a panel the Echoes button shows (the window is under 1500 px; see styles.css). */
function echoListIsPanel(): boolean {
  return window.matchMedia('(max-width: 1499.98px)').matches;
}

// The shared zoom follows the maps down at once (everyone must stay in view)
// but up only when there is clearly more room: a small edit that lets the
// tightest map fit a little larger does not rescale all three.
const ZOOM_UP_FROM = 1.12;

function useSteadyZoom(wanted: number | null): number | null {
  const [steady, setSteady] = useState<number | null>(wanted);
  const next = wanted === null || steady === null || wanted < steady || wanted > steady * ZOOM_UP_FROM ? wanted : steady;
  if (next !== steady) setSteady(next);
  return next;
}

/** Asked before the app leaves the case screen; resolves false to stay. */
export type LeaveGuard = () => Promise<boolean>;

interface CaseScreenProps {
  bridge: TriptychBridge;
  caseId: string;
  onBack: () => void;
  /** The app calls the guard the screen registers here before it navigates anywhere else. */
  registerLeaveGuard: (guard: LeaveGuard | null) => void;
}

/** One case: loads it, then hands it to the editor. */
export function CaseScreen({ bridge, caseId, onBack, registerLeaveGuard }: CaseScreenProps) {
  const loaded = useBridgeCall(() => bridge.getCase({ id: caseId }), caseId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.state === 'failed') headingRef.current?.focus();
  }, [loaded.state]);

  if (loaded.state === 'ready') {
    return (
      <CaseEditor key={caseId} bridge={bridge} initial={loaded.value.case} onBack={onBack} registerLeaveGuard={registerLeaveGuard} />
    );
  }
  return (
    <main className="screen screen-wide" aria-labelledby="case-heading">
      <nav className="screen-nav">
        <button type="button" className="button back-button" onClick={onBack}>
          <span aria-hidden="true">←</span> All cases
        </button>
      </nav>
      {loaded.state === 'loading' && (
        <p className="muted" role="status">
          Opening the case…
        </p>
      )}
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
    </main>
  );
}

interface CaseEditorProps {
  bridge: TriptychBridge;
  initial: Case;
  onBack: () => void;
  registerLeaveGuard: (guard: LeaveGuard | null) => void;
}

const NO_FIT_ZOOMS: Record<SystemId, number | null> = { client: null, therapy: null, supervision: null };

/**
 * The open case, editable: every change is a command recorded in the edit
 * history (so Undo covers it) and saved by the autosave shortly after.
 */
function CaseEditor({ bridge, initial, onBack, registerLeaveGuard }: CaseEditorProps) {
  const history = useCaseHistory(initial);
  const kase = history.present;
  const autosave = useAutosave(bridge, initial, kase);
  const { edit, undo, redo } = history;
  const [fitZooms, setFitZooms] = useState(NO_FIT_ZOOMS);
  const [focusedSystem, setFocusedSystem] = useState<SystemId | null>(null);
  const { open: echoDrawerOpen, setOpen: setEchoDrawerOpen } = useEchoDrawer();
  const [relationDraft, setRelationDraft] = useState<RelationDraft | null>(null);
  const [selectedPersonId, setSelectedPersonId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [leavingUnsaved, setLeavingUnsaved] = useState(false);
  const typingSession = useRef(0);
  const moveCount = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hash = useMemo(() => caseHash(kase), [kase]);
  const echoes = useEchoes(kase);
  // The lists under the maps come a frame after the maps (see useAfterFirstFrames).
  const belowMapsShown = useAfterFirstFrames();

  useUndoShortcuts(undo, redo);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const flush = autosave.flush;
  useEffect(() => {
    registerLeaveGuard(flush);
    return () => registerLeaveGuard(null);
  }, [registerLeaveGuard, flush]);

  // One run of typing in one field is one undo step; leaving the field ends the run.
  const typingKey = useCallback((field: string) => `${field}#${typingSession.current}`, []);
  const typingDone = useCallback(() => {
    typingSession.current += 1;
  }, []);

  const editOrSay = useCallback(
    (command: Parameters<typeof edit>[0], coalesceKey?: string) => {
      const problem = edit(command, coalesceKey);
      if (problem !== null && coalesceKey === undefined) setRefusal(problem);
      else if (problem === null) setRefusal(null);
      return problem;
    },
    [edit],
  );

  const back = async () => {
    if (await flush()) onBack();
    else setLeavingUnsaved(true);
  };

  // A person clicked in a map lists their echoes: where the list is a drawer, it opens.
  const selectPerson = (personId: string | null) => {
    setSelectedPersonId(personId);
    if (personId !== null) setEchoDrawerOpen(true);
  };

  const relayout = (system: SystemId) => {
    edit({ type: 'reset-layout', system });
  };

  // One scale for the three maps: the smallest zoom at which each shows all
  // of itself, so the same name is the same size in every map and nobody is cut off.
  const sharedZoom = useSteadyZoom(sharedFitZoom(fitZooms));
  const reportFitZoom = useCallback((system: SystemId, zoom: number | null) => {
    setFitZooms((zooms) => (zooms[system] === zoom ? zooms : { ...zooms, [system]: zoom }));
  }, []);

  // Escape returns from a focused map, and closes the echo drawer, wherever focus is outside a field or dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"], dialog')) return;
      if (focusedSystem !== null) setFocusedSystem(null);
      else if (echoDrawerOpen && echoListIsPanel()) {
        setEchoDrawerOpen(false);
        // The list goes away: focus goes to the button that brings it back, not to the page.
        if (target?.closest('#echo-column')) document.querySelector<HTMLElement>('[data-testid="echo-drawer-handle"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusedSystem, echoDrawerOpen]);

  return (
    <main className="screen screen-wide case-screen" aria-labelledby="case-heading" data-case-hash={hash} data-case-id={kase.id}>
      <header className="case-header">
        <button type="button" className="button back-button" onClick={() => void back()}>
          <span aria-hidden="true">←</span> All cases
        </button>
        <div className="case-heading">
          <h1 id="case-heading" ref={headingRef} tabIndex={-1} title={kase.title}>
            {kase.title}
          </h1>
          <p className="muted case-changed">Last saved {formatLastChange(autosave.savedAt)}</p>
        </div>
        <SaveStatusView status={autosave.status} onRetry={() => void flush()} />
        <button
          type="button"
          className="button echo-drawer-handle"
          aria-expanded={echoDrawerOpen}
          aria-controls="echo-column"
          onClick={() => setEchoDrawerOpen((open) => !open)}
          data-testid="echo-drawer-handle"
          title="Show or hide the echo list beside the maps (Escape hides it)"
        >
          {echoDrawerOpen ? 'Hide echoes' : `Echoes (${echoes.analysis.echoes.length})`}
        </button>
        <PresentationTools bridge={bridge} kase={kase} saveNow={flush} />
        <div className="edit-toolbar" role="toolbar" aria-label="Edit">
          <button
            type="button"
            className="button"
            onClick={undo}
            disabled={history.undoLabel === null}
            data-testid="undo"
            aria-keyshortcuts="Control+Z Meta+Z"
            title="Ctrl+Z"
          >
            {history.undoLabel === null ? 'Undo' : `Undo ${history.undoLabel}`}
          </button>
          <button
            type="button"
            className="button"
            onClick={redo}
            disabled={history.redoLabel === null}
            data-testid="redo"
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            title="Ctrl+Shift+Z"
          >
            {history.redoLabel === null ? 'Redo' : `Redo ${history.redoLabel}`}
          </button>
        </div>
      </header>

      {refusal !== null && (
        <div className="notice refusal" role="alert" data-testid="refusal">
          <span>{refusal}</span>
          <button type="button" className="button button-small" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className="case-workspace" data-echoes-open={echoDrawerOpen ? 'true' : 'false'}>
        <div className="case-main">
          <div className="triptych triptych-maps" data-focused-system={focusedSystem ?? undefined}>
            {SYSTEM_IDS.map((system) => (
              <SystemPanel
                key={system}
                kase={kase}
                system={system}
                highlight={echoes.highlights[system]}
                zoom={focusedSystem === null ? sharedZoom : null}
                onFitZoom={(zoom) => reportFitZoom(system, zoom)}
                focused={focusedSystem === system}
                onToggleFocus={() => setFocusedSystem((current) => (current === system ? null : system))}
                onRelayout={() => relayout(system)}
                onAddRelation={() => setRelationDraft({ system })}
                onMovePerson={(personId, position) => {
                  moveCount.current += 1;
                  edit({ type: 'move-person', system, personId, position }, `move:${system}:${personId}:${moveCount.current}`);
                }}
                onConnectPeople={(from, to) => setRelationDraft({ system, from, to })}
                onSelectPerson={selectPerson}
                selectedPersonId={selectedPersonId}
              />
            ))}
          </div>

          {!belowMapsShown && <div className="below-maps-pending" aria-hidden="true" />}
          {belowMapsShown && (
            <>
              <div className="triptych triptych-details">
                {SYSTEM_IDS.map((system) => (
                  <SystemDetails
                    key={system}
                    system={system}
                    content={kase.systems[system]}
                    people={kase.people}
                    customRoles={kase.customRoles}
                    customFeelings={kase.customFeelings}
                    onEdit={editOrSay}
                    onTypingDone={typingDone}
                    typingKey={typingKey}
                    onRefused={setRefusal}
                    onOpenRelation={setRelationDraft}
                  />
                ))}
              </div>

              <div className="case-lower">
                <PeoplePanel people={kase.people} systems={kase.systems} onEdit={editOrSay} onTypingDone={typingDone} typingKey={typingKey} onRefused={setRefusal} />
                <section className="editor-section case-facts" aria-labelledby="case-facts-heading">
                  <h2 id="case-facts-heading">The case</h2>
                  <EditableText
                    label="Title"
                    value={kase.title}
                    onEdit={(title) => editOrSay({ type: 'set-title', title }, typingKey('title'))}
                    onDone={typingDone}
                    testId="case-title"
                  />
                  <EditableText
                    label="Summary"
                    multiline
                    rows={6}
                    value={kase.summary ?? ''}
                    placeholder="Presenting concerns, formulation notes…"
                    onEdit={(summary) => editOrSay({ type: 'set-summary', summary }, typingKey('summary'))}
                    onDone={typingDone}
                    testId="case-summary"
                  />
                </section>
                <CustomTermsPanel kase={kase} onEdit={(command) => editOrSay(command)} onRefused={setRefusal} />
              </div>
            </>
          )}
        </div>
        <aside id="echo-column" className="echo-column" aria-label="Echoes" data-open={echoDrawerOpen ? 'true' : 'false'}>
          <EchoPanel
            echoes={echoes.analysis.echoes}
            selectedEchoId={echoes.selectedEchoId}
            onSelect={echoes.selectEcho}
            personFilter={selectedPersonId}
            colourOf={echoes.colourOf}
            onClearPersonFilter={() => setSelectedPersonId(null)}
          />
        </aside>
      </div>

      {relationDraft && <RelationDialog kase={kase} draft={relationDraft} onEdit={(command) => editOrSay(command)} onClose={() => setRelationDraft(null)} />}
      {leavingUnsaved && (
        <ConfirmDialog
          title="Leave without saving?"
          message="The latest changes to this case could not be saved (the reason is beside Not saved). If you leave now they are lost."
          confirmLabel="Leave without saving"
          onCancel={() => setLeavingUnsaved(false)}
          onConfirm={() => {
            setLeavingUnsaved(false);
            onBack();
          }}
        />
      )}
    </main>
  );
}
