import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { useColourScheme } from '../ui/useColourScheme';
import { forgetOnLock } from '../vault/forgetOnLock';
import { applyElements } from './applyElements';
import { attachConnectGesture, type ConnectGesture } from './connectGesture';
import { claimCytoscapeStylesheetSlot } from './cytoscapeStylesheetSlot';
import { personNodeId, systemMapElements, type SystemMapElements } from './elements';
import { sameHighlight, type MapHighlight } from './mapHighlight';
import { DARK_MAP_THEME, LIGHT_MAP_THEME, NAME_FONT, mapStylesheet, type MapDetail } from './mapStyle';
import { nodeScreenPositions } from './nodePositions';
import { placeAwayFromOthers } from './placeNewPeople';
import './map.css';

const FIT_PADDING = 16;
const HIGHLIGHT_FIT_PADDING = 40;
const FIT_ANIMATION_MS = 180;
// Each frame of a fit animation redraws the whole map; beyond this many
// elements a frame takes longer than the animation has, so the map jumps instead.
const MOST_ELEMENTS_ANIMATED = 200;
// Above this many people and relations a fitted map is too small to read its
// labels, so it draws the overview detail (see MapDetail).
const MOST_ELEMENTS_IN_FULL_DETAIL = 60;

/** A person's place in one system's map, in model coordinates. */
export interface MapPosition {
  x: number;
  y: number;
}

interface CaseMapProps {
  case: Case;
  system: SystemId;
  /** The selected echo's part of this map; null when no echo is selected. */
  highlight: MapHighlight | null;
  /** Changing this number lays the map out again automatically, ignoring saved positions (Re-layout). */
  layoutRequest: number;
  /** A person was dragged to `position`; without it people cannot be moved. */
  onMovePerson?: (personId: string, position: MapPosition) => void;
  /** A relation was drawn from one person to another (the same person for a stance toward themself). */
  onConnectPeople?: (fromPersonId: string, toPersonId: string) => void;
  /** A person was clicked, or the background (null). */
  onSelectPerson?: (personId: string | null) => void;
  selectedPersonId?: string | null;
}

/**
 * One system's map. The `cy` instance lives in a ref for the life of the
 * component; every edit is diffed into it by id, the highlight only swaps
 * classes, and the layout runs on the first load or when `layoutRequest`
 * changes, so an edit never reshuffles or redraws the picture from scratch.
 * The container reports what it shows for tests and assistive technology:
 * data-node-count, data-edge-count, data-highlighted-count,
 * data-elements-applied and data-layout-runs (edits patched in, layouts run), and
 * data-node-positions (person id → {x, y} in viewport CSS pixels, the
 * coordinates `page.mouse` uses).
 */
export function CaseMap({
  case: kase,
  system,
  highlight,
  layoutRequest,
  onMovePerson,
  onConnectPeople,
  onSelectPerson,
  selectedPersonId = null,
}: CaseMapProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const gestureRef = useRef<ConnectGesture | null>(null);
  const laidOutForRef = useRef<number | null>(null);
  const savedPositionsRef = useRef<Map<string, string>>(new Map());
  const fittedHighlightRef = useRef<MapHighlight | null>(null);
  const highlightRef = useRef<MapHighlight | null>(highlight);
  // What the map was last marked with, so an equal highlight is not marked again.
  const markedRef = useRef<{ highlight: MapHighlight | null; selectedPersonId: string | null }>({ highlight: null, selectedPersonId: null });
  const schedulePositionsRef = useRef<() => void>(() => undefined);
  const [connectMode, setConnectMode] = useState(false);
  const [shown, setShown] = useState({ nodes: 0, edges: 0, highlighted: 0, laidOut: false });
  // How many times the elements were patched in and the layout ran: lets tests and benchmarks see an edit land without a re-layout.
  const [runs, setRuns] = useState({ applied: 0, layouts: 0 });
  const scheme = useColourScheme();

  // The latest callbacks, read by listeners bound once when the graph is made.
  const callbacks = useRef({ onMovePerson, onConnectPeople, onSelectPerson, connectMode });
  callbacks.current = { onMovePerson, onConnectPeople, onSelectPerson, connectMode };
  highlightRef.current = highlight;
  const selectedPersonRef = useRef(selectedPersonId);
  selectedPersonRef.current = selectedPersonId;

  // Only what this map draws: an edit elsewhere (another system, the notes)
  // keeps these parts as they were (the commands share what they do not change),
  // so this map is not touched at all.
  const { people, customRoles } = kase;
  const drawn = kase.systems[system];
  const elements = useMemo(() => systemMapElements(kase, system), [people, customRoles, drawn, system]);
  const detail: MapDetail = elements.nodes.length + elements.edges.length > MOST_ELEMENTS_IN_FULL_DETAIL ? 'overview' : 'full';

  useEffect(() => {
    const host = canvasHostRef.current;
    const root = rootRef.current;
    if (!host || !root) return;
    claimCytoscapeStylesheetSlot(host.ownerDocument);
    const cy = cytoscape({
      container: host,
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 1.6,
    });
    cyRef.current = cy;

    let frame = 0;
    const schedulePositions = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        root.setAttribute('data-node-positions', JSON.stringify(nodeScreenPositions(cy, host)));
      });
    };
    schedulePositionsRef.current = schedulePositions;

    const gesture = attachConnectGesture(cy, {
      connectMode: () => callbacks.current.connectMode,
      movable: () => callbacks.current.onMovePerson !== undefined,
      onConnect: (from, to) => callbacks.current.onConnectPeople?.(from, to),
    });
    gestureRef.current = gesture;

    cy.on('tap', (event: EventObject) => {
      if (gesture.busy()) return;
      const target = event.target as Core | NodeSingular;
      if (target === cy) callbacks.current.onSelectPerson?.(null);
      else if ((target as NodeSingular).isNode()) callbacks.current.onSelectPerson?.(String((target as NodeSingular).data('personId')));
    });
    cy.on('dragfree', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      const { x, y } = node.position();
      callbacks.current.onMovePerson?.(String(node.data('personId')), { x: Math.round(x), y: Math.round(y) });
    });
    cy.on('viewport position', schedulePositions);

    // The observer reports the size the map was made with at once; only a real
    // change of size needs the canvas resized and the map fitted again.
    let size = { width: host.clientWidth, height: host.clientHeight };
    const resize = new ResizeObserver(() => {
      if (host.clientWidth === size.width && host.clientHeight === size.height) return;
      size = { width: host.clientWidth, height: host.clientHeight };
      cy.resize();
      fitTo(cy, highlightRef.current, false);
      schedulePositions();
    });
    resize.observe(host);
    const onScroll = () => schedulePositions();
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      resize.disconnect();
      gesture.dispose();
      gestureRef.current = null;
      cy.destroy();
      cyRef.current = null;
      laidOutForRef.current = null;
      savedPositionsRef.current = new Map();
      fittedHighlightRef.current = null;
      markedRef.current = { highlight: null, selectedPersonId: null };
    };
  }, []);

  useEffect(() => {
    gestureRef.current?.refresh();
  }, [connectMode, onMovePerson]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const theme = scheme === 'dark' ? DARK_MAP_THEME : LIGHT_MAP_THEME;
    cy.style().fromJson(mapStylesheet(theme, measureName, () => highlightRef.current?.colour ?? theme.edge, detail)).update();
  }, [scheme, detail]);

  const mark = (cy: Core): number => {
    const count = markHighlight(cy, highlightRef.current, selectedPersonRef.current);
    markedRef.current = { highlight: highlightRef.current, selectedPersonId: selectedPersonRef.current };
    return count;
  };

  const report = (cy: Core, highlighted: number) => {
    setShown({ nodes: cy.nodes().not('.ghost').length, edges: cy.edges().not('.ghost').length, highlighted, laidOut: true });
    schedulePositionsRef.current();
  };

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const firstLayout = laidOutForRef.current === null;
    const relayout = !firstLayout && laidOutForRef.current !== layoutRequest;
    const existingIds = new Set(cy.nodes().map((node) => node.id()));
    applyElements(cy, elements, savedPositionsChanged(kase, system, savedPositionsRef.current));
    // Marked before the layout measures anything, so that on opening a case
    // Cytoscape styles each element once, already highlighted or dimmed;
    // new elements get their marks, the rest keep theirs.
    const highlighted = mark(cy);
    if (firstLayout || relayout) {
      placeNodes(cy, relayout ? systemMapElements(kase, system, { ignoreSavedPositions: true }) : elements);
      fittedHighlightRef.current = null;
      laidOutForRef.current = layoutRequest;
      setRuns((count) => ({ ...count, layouts: count.layouts + 1 }));
    } else {
      placeAwayFromOthers(cy, elements.nodes.filter((node) => !existingIds.has(node.data.id)).map((node) => node.data.id));
    }
    savedPositionsRef.current = savedPositionsOf(kase, system);
    setRuns((count) => ({ ...count, applied: count.applied + 1 }));
    report(cy, highlighted);
    // `kase` and `system` are read for saved positions; `elements` already changes with them.
  }, [elements, layoutRequest]);

  useEffect(() => {
    const cy = cyRef.current;
    // Every edit re-analyses the case and so brings a new highlight object; one
    // that marks the same things needs no pass over the map.
    if (!cy || (sameHighlight(markedRef.current.highlight, highlight) && markedRef.current.selectedPersonId === selectedPersonId)) return;
    report(cy, mark(cy));
  }, [highlight, selectedPersonId]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || sameHighlight(fittedHighlightRef.current, highlight)) return;
    fittedHighlightRef.current = highlight;
    fitTo(cy, highlight, cy.elements().length <= MOST_ELEMENTS_ANIMATED && !prefersReducedMotion());
  }, [highlight, elements]);

  const names = elements.nodes.map((node) => node.data.label);
  const relationCount = elements.edges.length === 1 ? '1 relation' : `${elements.edges.length} relations`;
  const highlighted = highlight === null ? '' : `; ${shown.highlighted} highlighted by the selected echo`;
  const description =
    names.length === 0
      ? `${SYSTEM_NAMES[system]} map: nobody is in this system yet`
      : `${SYSTEM_NAMES[system]} map: ${names.join(', ')}; ${relationCount}${highlighted}`;

  return (
    <div
      ref={rootRef}
      className={`map${connectMode ? ' map-connecting' : ''}`}
      data-testid={`map-${system}`}
      data-node-count={shown.nodes}
      data-edge-count={shown.edges}
      data-highlighted-count={shown.highlighted}
      data-laid-out={shown.laidOut ? 'true' : 'false'}
      data-elements-applied={runs.applied}
      data-layout-runs={runs.layouts}
      data-selected-person={selectedPersonId ?? ''}
    >
      <div ref={canvasHostRef} className="map-canvas" role="img" aria-label={description} />
      {onConnectPeople && (
        <div className="map-toolbar">
          <button
            type="button"
            className="map-tool"
            aria-pressed={connectMode}
            title="Drag from one person to another to draw a relation (or hold Shift while dragging)"
            onClick={() => setConnectMode((on) => !on)}
          >
            Draw relation
          </button>
        </div>
      )}
    </div>
  );
}

/** The saved positions of a system's members, as comparable text by person id. */
function savedPositionsOf(kase: Case, system: SystemId): Map<string, string> {
  return new Map(
    kase.systems[system].members.map((member) => [member.person, member.position ? `${member.position.x},${member.position.y}` : '']),
  );
}

/**
 * The nodes whose saved position changed since the last render (moved by an
 * undo, a redo or a reset), which go to their new place; a node dragged
 * there already does not notice.
 */
function savedPositionsChanged(kase: Case, system: SystemId, before: ReadonlyMap<string, string>): Set<string> {
  const moved = new Set<string>();
  for (const [personId, saved] of savedPositionsOf(kase, system)) {
    const previous = before.get(personId);
    if (previous !== undefined && previous !== saved) moved.add(personNodeId(personId));
  }
  return moved;
}

/** Puts every node where `elements` says and fits the map to its box. */
function placeNodes(cy: Core, elements: SystemMapElements): void {
  cy.layout({
    name: 'preset',
    positions: Object.fromEntries(elements.nodes.map((node) => [node.data.id, node.position])),
    fit: true,
    padding: FIT_PADDING,
    animate: false,
  }).run();
}

/**
 * Marks the highlighted people and relations, dims the rest, rings the
 * selected person; returns how many are highlighted. Only elements whose
 * marks change are touched (and so restyled), except that a new colour
 * re-marks the highlighted ones so they pick it up.
 */
function markHighlight(cy: Core, highlight: MapHighlight | null, selectedPersonId: string | null): number {
  let count = 0;
  const recolour = highlight !== null && cy.scratch('highlightColour') !== highlight.colour;
  cy.scratch('highlightColour', highlight?.colour ?? null);
  cy.batch(() => {
    cy.elements()
      .not('.ghost')
      .forEach((element) => {
        const id = String(element.data(element.isNode() ? 'personId' : 'relationId'));
        const lit = highlight !== null && (element.isNode() ? highlight.personIds.has(id) : highlight.relationIds.has(id));
        if (lit) count += 1;
        if (lit && recolour && element.hasClass('highlighted')) element.removeClass('highlighted');
        if (element.hasClass('highlighted') !== lit) element.toggleClass('highlighted', lit);
        const dim = highlight !== null && !lit;
        if (element.hasClass('dimmed') !== dim) element.toggleClass('dimmed', dim);
        const selected = element.isNode() && selectedPersonId !== null && id === selectedPersonId;
        if (element.hasClass('selected-person') !== selected) element.toggleClass('selected-person', selected);
      });
  });
  return count;
}

/** Fits the map to the highlighted part, or to everything when nothing here is highlighted. */
function fitTo(cy: Core, highlight: MapHighlight | null, animate: boolean): void {
  const part = highlight === null ? cy.collection() : cy.elements('.highlighted');
  const eles = part.empty() ? cy.elements().not('.ghost') : part;
  const padding = part.empty() ? FIT_PADDING : HIGHLIGHT_FIT_PADDING;
  cy.stop(true, true);
  if (animate) cy.animate({ fit: { eles, padding } }, { duration: FIT_ANIMATION_MS });
  else cy.fit(eles, padding);
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

let measuringContext: CanvasRenderingContext2D | null = null;
// Cytoscape asks for a node's size on every restyle; a name measures the same every time.
// The names are case data, so locking forgets them.
const measuredNames = new Map<string, number>();
forgetOnLock(() => measuredNames.clear());

/** Measures a person's name in the font the map draws it with, so each node fits its name. */
function measureName(name: string): number {
  const known = measuredNames.get(name);
  if (known !== undefined) return known;
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return name.length * 8;
  measuringContext.font = NAME_FONT;
  const width = measuringContext.measureText(name).width;
  measuredNames.set(name, width);
  return width;
}
