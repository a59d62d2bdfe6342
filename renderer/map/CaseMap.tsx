import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useColourScheme } from '../ui/useColourScheme';
import { applyElements } from './applyElements';
import { claimCytoscapeStylesheetSlot } from './cytoscapeStylesheetSlot';
import type { SystemMapElements } from './elements';
import { DARK_MAP_THEME, LIGHT_MAP_THEME, NAME_FONT, mapStylesheet } from './mapStyle';

const FIT_PADDING = 16;

interface CaseMapProps {
  /** The graph to show; diffed by id into the live graph on every change. */
  elements: SystemMapElements;
  /** Changing this number places every node again from `elements` and refits the map. */
  layoutRequest: number;
  /** What the map shows, for screen readers (the canvas itself says nothing). */
  description: string;
  testId: string;
}

/**
 * One read-only Cytoscape map. The `cy` instance lives in a ref for the life
 * of the component (created on mount, destroyed on unmount); new elements
 * are patched into it, and the layout runs only on the first load or when
 * `layoutRequest` changes, so a re-render never reshuffles the picture.
 */
export function CaseMap({ elements, layoutRequest, description, testId }: CaseMapProps) {
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOutForRef = useRef<number | null>(null);
  const scheme = useColourScheme();
  const [shown, setShown] = useState({ nodes: 0, edges: 0, laidOut: false });

  useEffect(() => {
    const host = canvasHostRef.current;
    if (!host) return;
    claimCytoscapeStylesheetSlot(host.ownerDocument);
    const cy = cytoscape({
      container: host,
      autoungrabify: true,
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.2,
      maxZoom: 1.6,
    });
    cyRef.current = cy;
    const resize = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, FIT_PADDING);
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
      laidOutForRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.style().fromJson(mapStylesheet(scheme === 'dark' ? DARK_MAP_THEME : LIGHT_MAP_THEME, measureName)).update();
  }, [scheme]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyElements(cy, elements);
    if (laidOutForRef.current !== layoutRequest) {
      placeNodes(cy, elements);
      laidOutForRef.current = layoutRequest;
    }
    setShown({ nodes: cy.nodes().length, edges: cy.edges().length, laidOut: true });
  }, [elements, layoutRequest]);

  return (
    <div
      className="map"
      role="img"
      aria-label={description}
      data-testid={testId}
      data-node-count={shown.nodes}
      data-edge-count={shown.edges}
      data-laid-out={shown.laidOut ? 'true' : 'false'}
    >
      <div ref={canvasHostRef} className="map-canvas" />
    </div>
  );
}

/** Puts every node where `elements` says (saved or computed position) and fits the map to its box. */
function placeNodes(cy: Core, elements: SystemMapElements): void {
  cy.layout({
    name: 'preset',
    positions: Object.fromEntries(elements.nodes.map((node) => [node.data.id, node.position])),
    fit: true,
    padding: FIT_PADDING,
    animate: false,
  }).run();
}

let measuringContext: CanvasRenderingContext2D | null = null;

/** Measures a person's name in the font the map draws it with, so each node fits its name. */
function measureName(name: string): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return name.length * 8;
  measuringContext.font = NAME_FONT;
  return measuringContext.measureText(name).width;
}
