import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { sameHighlight, type MapHighlight } from '../../shared/scene/highlight';
import type { MapScene } from '../../shared/scene/mapScene';
import { CROWDED_MAP, LABEL_FONT_SIZE, NAME_FONT_SIZE } from '../../shared/scene/sceneConstants';
import { mapFontsReady } from '../fontsReady';
import { useColourScheme } from '../ui/useColourScheme';
import { applyElements } from './applyElements';
import { attachConnectGesture, type ConnectGesture } from './connectGesture';
import { claimCytoscapeStylesheetSlot } from './cytoscapeStylesheetSlot';
import { sceneElements } from './elements';
import { DARK_MAP_THEME, LIGHT_MAP_THEME, mapStylesheet, type MapDetail } from './mapStyle';
import { FindPerson } from './FindPerson';
import { MapOverview } from './MapOverview';
import { drawnBoxes, nodeScreenPositions } from './nodePositions';
import { fitZoom, LEAST_ZOOM, MOST_ZOOM, showWhole, ZOOM_STEP, zoomBy } from './mapView';
import './map.css';

// From this many people a map offers Find a person.
const FEWEST_PEOPLE_TO_FIND = 12;
// The zoom a found person is shown at, at least: their name full size.
const FOUND_ZOOM = 1;

/** A person's place in one system's map, in model coordinates. */
export interface MapPosition {
  x: number;
  y: number;
}

interface CaseMapProps {
  /** What to draw: the system's scene (shared/scene), positions and sizes included. */
  scene: MapScene;
  /** The selected echo's part of this map; null when no echo is selected. */
  highlight: MapHighlight | null;
  /** The zoom the map shows the whole scene at (the three maps share one); null fits this map alone. */
  zoom: number | null;
  /** How long arranging this map took, in ms, for the e2e harness. */
  layoutMs?: number;
  /** The zoom at which this map's whole scene fits its box, whenever its box or scene changes. */
  onFitZoom?: (zoom: number | null) => void;
  /** A person was dragged to `position`; without it people cannot be moved. */
  onMovePerson?: (personId: string, position: MapPosition) => void;
  /** A relation was drawn from one person to another (the same person for a stance toward themself). */
  onConnectPeople?: (fromPersonId: string, toPersonId: string) => void;
  /** A person was clicked, or the background (null). */
  onSelectPerson?: (personId: string | null) => void;
  /** Lay this map out afresh (undoable); without it the map has no Re-layout control. */
  onRelayout?: () => void;
  /** Focus this map (F) or return (F again); without it the map has no Focus control. */
  onToggleFocus?: () => void;
  focused?: boolean;
  selectedPersonId?: string | null;
}

/**
 * One system's map: a thin Cytoscape view of the system's scene. The `cy`
 * instance lives in a ref for the life of the component; every edit is
 * diffed into it by id (people go where the scene puts them), the highlight
 * only swaps classes, and the view shows the whole scene at the zoom the
 * three maps share, so an echo is shown by dimming, never by cropping. Its
 * controls: Fit, zoom out and in, Focus; keys 0, -, +, F while it has focus.
 * The container reports what it shows for tests and assistive technology:
 * data-node-count, data-edge-count, data-highlighted-count,
 * data-elements-applied, data-zoom, data-name-px and data-label-px (drawn
 * text sizes in CSS pixels), data-layout-ms, and in viewport CSS pixels
 * data-node-positions (person id → centre), data-node-boxes and
 * data-label-boxes (id → [x1, y1, x2, y2]).
 */
export function CaseMap({
  scene,
  highlight,
  zoom,
  layoutMs = 0,
  onFitZoom,
  onMovePerson,
  onConnectPeople,
  onSelectPerson,
  onToggleFocus,
  onRelayout,
  focused = false,
  selectedPersonId = null,
}: CaseMapProps) {
  const system: SystemId = scene.system;
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const gestureRef = useRef<ConnectGesture | null>(null);
  const highlightRef = useRef<MapHighlight | null>(highlight);
  // What the map was last marked with, so an equal highlight is not marked again.
  const markedRef = useRef<{ highlight: MapHighlight | null; selectedPersonId: string | null }>({ highlight: null, selectedPersonId: null });
  const scheduleReportRef = useRef<() => void>(() => undefined);
  // The view the map should show when nobody has zoomed by hand: the whole scene at `zoom`.
  const viewRef = useRef({ bounds: scene.bounds, zoom, manual: false });
  const [connectMode, setConnectMode] = useState(false);
  const [shown, setShown] = useState({ nodes: 0, edges: 0, highlighted: 0, laidOut: false });
  const [applied, setApplied] = useState(0);
  const [fit, setFit] = useState<number | null>(null);
  const [liveCy, setLiveCy] = useState<Core | null>(null);
  const scheme = useColourScheme();

  // The latest callbacks, read by listeners bound once when the graph is made.
  const callbacks = useRef({ onMovePerson, onConnectPeople, onSelectPerson, onFitZoom, connectMode });
  callbacks.current = { onMovePerson, onConnectPeople, onSelectPerson, onFitZoom, connectMode };
  highlightRef.current = highlight;
  const selectedPersonRef = useRef(selectedPersonId);
  selectedPersonRef.current = selectedPersonId;

  const elements = useMemo(() => sceneElements(scene), [scene]);
  const detail: MapDetail = elements.nodes.length + elements.edges.length > CROWDED_MAP ? 'overview' : 'full';

  const showView = (cy: Core) => {
    const view = viewRef.current;
    showWhole(cy, view.bounds, view.zoom ?? fitZoom(view.bounds, cy.width(), cy.height()));
  };

  useEffect(() => {
    const host = canvasHostRef.current;
    const root = rootRef.current;
    if (!host || !root) return;
    claimCytoscapeStylesheetSlot(host.ownerDocument);
    const cy = cytoscape({
      container: host,
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: LEAST_ZOOM,
      maxZoom: MOST_ZOOM,
      // The wheel is ours: one notch is one step of ZOOM_STEP (Cytoscape's own steps are a few per cent).
      userZoomingEnabled: false,
    });
    cyRef.current = cy;
    setLiveCy(cy);

    let frame = 0;
    const scheduleReport = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const boxes = drawnBoxes(cy, host);
        root.setAttribute('data-node-positions', JSON.stringify(nodeScreenPositions(cy, host)));
        root.setAttribute('data-node-boxes', JSON.stringify(boxes.people));
        root.setAttribute('data-label-boxes', JSON.stringify(boxes.labels));
        root.setAttribute('data-zoom', String(round(cy.zoom())));
        root.setAttribute('data-name-px', String(round(NAME_FONT_SIZE * cy.zoom())));
        root.setAttribute('data-label-px', String(round(LABEL_FONT_SIZE * cy.zoom())));
      });
    };
    scheduleReportRef.current = scheduleReport;

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
    cy.on('viewport position', scheduleReport);

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = host.getBoundingClientRect();
      const notches = Math.max(-1, Math.min(1, event.deltaY / 100));
      viewRef.current.manual = true;
      zoomBy(cy, ZOOM_STEP ** -notches, { x: event.clientX - box.left, y: event.clientY - box.top });
    };
    host.addEventListener('wheel', onWheel, { passive: false });

    // Only a real change of size needs the canvas resized, the fit zoom reported and the view shown again.
    let size = { width: host.clientWidth, height: host.clientHeight };
    const measure = () => setFit(measuredFit(viewRef.current.bounds, host));
    const resize = new ResizeObserver(() => {
      if (host.clientWidth === size.width && host.clientHeight === size.height) return;
      size = { width: host.clientWidth, height: host.clientHeight };
      cy.resize();
      measure();
      if (!viewRef.current.manual) showView(cy);
      scheduleReport();
    });
    resize.observe(host);
    measure();
    // Names and words were measured in the map font: draw again once it has loaded, in case the first draw came before it.
    let live = true;
    void mapFontsReady().then(() => {
      if (live) cy.style().update();
    });
    const onScroll = () => scheduleReport();
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      host.removeEventListener('wheel', onWheel);
      resize.disconnect();
      gesture.dispose();
      gestureRef.current = null;
      cy.destroy();
      cyRef.current = null;
      setLiveCy(null);
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
    cy.style().fromJson(mapStylesheet(theme, () => highlightRef.current?.colour ?? theme.edge, detail)).update();
  }, [scheme, detail]);

  const mark = (cy: Core): number => {
    const count = markHighlight(cy, highlightRef.current, selectedPersonRef.current);
    markedRef.current = { highlight: highlightRef.current, selectedPersonId: selectedPersonRef.current };
    return count;
  };

  const report = (cy: Core, highlighted: number) => {
    setShown({ nodes: cy.nodes().not('.ghost').length, edges: cy.edges().not('.ghost').length, highlighted, laidOut: true });
    scheduleReportRef.current();
  };

  // The scene's fit zoom, reported up so the three maps can share the smallest.
  useEffect(() => {
    const host = canvasHostRef.current;
    if (host) setFit(measuredFit(scene.bounds, host));
  }, [scene.bounds]);
  useEffect(() => {
    callbacks.current.onFitZoom?.(scene.people.length === 0 ? null : fit);
  }, [fit, scene.people.length]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Every person goes where the scene puts them: a drag already put them there, an undo or a Re-layout moves them.
    const moved = new Set(
      elements.nodes
        .filter((node) => {
          const live = cy.getElementById(node.data.id);
          return !live.empty() && (live.position('x') !== node.position.x || live.position('y') !== node.position.y);
        })
        .map((node) => node.data.id),
    );
    applyElements(cy, elements, moved);
    // Marked before the first draw, so that on opening a case Cytoscape
    // styles each element once, already highlighted or dimmed.
    const highlighted = mark(cy);
    setApplied((count) => count + 1);
    report(cy, highlighted);
  }, [elements]);

  // The whole scene at the shared zoom on opening, and again when the maps'
  // scale changes (focus mode, another map grew) or part of the scene would be
  // out of view. An edit that keeps everything in view and the scale as it
  // was keeps the view, so the people not edited stay where the eye left them.
  const shownRef = useRef<{ zoom: number | null } | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const previous = shownRef.current;
    const manual = viewRef.current.manual;
    viewRef.current = { bounds: scene.bounds, zoom, manual };
    const rescaled = previous === null || previous.zoom !== zoom;
    // A view the clinician zoomed or moved by hand stays as they left it until the scale changes or they press Fit.
    if (rescaled || (!manual && !inView(cy, scene.bounds))) {
      viewRef.current.manual = false;
      showView(cy);
      shownRef.current = { zoom };
    }
    scheduleReportRef.current();
  }, [scene.bounds, zoom]);

  useEffect(() => {
    const cy = cyRef.current;
    // Every edit re-analyses the case and so brings a new highlight object; one
    // that marks the same things needs no pass over the map.
    if (!cy || (sameHighlight(markedRef.current.highlight, highlight) && markedRef.current.selectedPersonId === selectedPersonId)) return;
    report(cy, mark(cy));
  }, [highlight, selectedPersonId]);

  const fitView = () => {
    const cy = cyRef.current;
    if (!cy) return;
    viewRef.current.manual = false;
    showView(cy);
  };
  const zoomStep = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    viewRef.current.manual = true;
    zoomBy(cy, factor);
  };
  const showPerson = (personId: string) => {
    const cy = cyRef.current;
    const node = cy?.nodes().filter((n) => n.data('personId') === personId);
    if (!cy || !node || node.empty()) return;
    viewRef.current.manual = true;
    const level = Math.max(cy.zoom(), FOUND_ZOOM);
    const { x, y } = node.position();
    cy.viewport({ zoom: level, pan: { x: cy.width() / 2 - x * level, y: cy.height() / 2 - y * level } });
    callbacks.current.onSelectPerson?.(personId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Keys typed into a field (Find a person) are the field's.
    if ((event.target as HTMLElement).closest('input, textarea, select')) return;
    const action = { '+': () => zoomStep(ZOOM_STEP), '=': () => zoomStep(ZOOM_STEP), '-': () => zoomStep(1 / ZOOM_STEP), '0': fitView, f: onToggleFocus, F: onToggleFocus }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const names = scene.people.map((person) => person.name);
  const relationCount = scene.relations.length === 1 ? '1 relation' : `${scene.relations.length} relations`;
  const highlightedText = highlight === null ? '' : `; ${shown.highlighted} highlighted by the selected echo`;
  const description =
    names.length === 0
      ? `${SYSTEM_NAMES[system]} map: nobody is in this system yet`
      : `${SYSTEM_NAMES[system]} map: ${names.join(', ')}; ${relationCount}${highlightedText}. Keys: plus and minus zoom, 0 fits${onToggleFocus ? ', F focuses this map' : ''}.`;

  return (
    <div
      ref={rootRef}
      className={`map${connectMode ? ' map-connecting' : ''}`}
      data-testid={`map-${system}`}
      data-node-count={shown.nodes}
      data-edge-count={shown.edges}
      data-highlighted-count={shown.highlighted}
      data-laid-out={shown.laidOut ? 'true' : 'false'}
      data-elements-applied={applied}
      data-layout-ms={Math.round(layoutMs)}
      data-selected-person={selectedPersonId ?? ''}
      onKeyDown={onKeyDown}
    >
      <div ref={canvasHostRef} className="map-canvas" role="img" aria-label={description} tabIndex={0} data-testid={`map-canvas-${system}`} />
      <MapOverview cy={liveCy} scene={scene} />
      <div className="map-toolbar" role="toolbar" aria-label={`${SYSTEM_NAMES[system]} map view`}>
        {scene.people.length >= FEWEST_PEOPLE_TO_FIND && <FindPerson people={scene.people} systemName={SYSTEM_NAMES[system]} onFound={showPerson} />}
        <button type="button" className="map-tool" onClick={fitView} title="Show the whole map (0)" aria-keyshortcuts="0">
          Fit
        </button>
        <button type="button" className="map-tool" onClick={() => zoomStep(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (−)" aria-keyshortcuts="-">
          −
        </button>
        <button type="button" className="map-tool" onClick={() => zoomStep(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+)" aria-keyshortcuts="+">
          +
        </button>
        {onToggleFocus && (
          <button
            type="button"
            className="map-tool"
            aria-pressed={focused}
            onClick={onToggleFocus}
            title={focused ? 'Show all three maps (F or Escape)' : 'Give this map the width (F)'}
            aria-keyshortcuts="F"
            data-testid={`focus-${system}`}
          >
            {focused ? 'All maps' : 'Focus'}
          </button>
        )}
        {onRelayout && (
          <button type="button" className="map-tool" onClick={onRelayout} aria-label={`Re-layout ${SYSTEM_NAMES[system]}`} title="Arrange everyone afresh (Undo puts them back)">
            Re-layout
          </button>
        )}
        {onConnectPeople && (
          <button
            type="button"
            className="map-tool"
            aria-pressed={connectMode}
            title="Drag from one person to another to draw a relation (or hold Shift while dragging)"
            onClick={() => setConnectMode((on) => !on)}
          >
            Draw relation
          </button>
        )}
      </div>
    </div>
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The zoom at which `bounds` fits the map's box; null while the map has no size (its table is shown), so it does not set the shared zoom. */
function measuredFit(bounds: { x: number; y: number; width: number; height: number }, host: HTMLElement): number | null {
  return host.clientWidth === 0 || host.clientHeight === 0 ? null : fitZoom(bounds, host.clientWidth, host.clientHeight);
}

/** Whether all of `bounds` is on screen in the map's current view. */
function inView(cy: Core, bounds: { x: number; y: number; width: number; height: number }): boolean {
  const extent = cy.extent();
  return extent.x1 <= bounds.x && extent.y1 <= bounds.y && extent.x2 >= bounds.x + bounds.width && extent.y2 >= bounds.y + bounds.height;
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

