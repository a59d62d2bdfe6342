import type { Core } from 'cytoscape';

/** Where each person's node is on screen. */
export type NodeScreenPositions = Record<string, { x: number; y: number }>;

/** A drawn box in viewport CSS pixels: [left, top, right, bottom]. */
export type ScreenBox = [number, number, number, number];

/**
 * Each person's node centre in viewport CSS pixels (the map's box plus the
 * node's rendered position), so a test can press on a person with `page.mouse`.
 */
export function nodeScreenPositions(cy: Core, container: HTMLElement): NodeScreenPositions {
  const box = container.getBoundingClientRect();
  const positions: NodeScreenPositions = {};
  cy.nodes().not('.ghost').forEach((node) => {
    const { x, y } = node.renderedPosition();
    positions[String(node.data('personId'))] = { x: Math.round(box.left + x), y: Math.round(box.top + y) };
  });
  return positions;
}

/**
 * Each person's drawn box (name included) and each relation's drawn label
 * box, in viewport CSS pixels, as Cytoscape drew them: what the legibility
 * measure and the e2e tests check for overlaps and for people cut off.
 */
export function drawnBoxes(cy: Core, container: HTMLElement): { people: Record<string, ScreenBox>; labels: Record<string, ScreenBox> } {
  const box = container.getBoundingClientRect();
  const toScreen = (b: { x1: number; y1: number; x2: number; y2: number }): ScreenBox => [
    round(box.left + b.x1),
    round(box.top + b.y1),
    round(box.left + b.x2),
    round(box.top + b.y2),
  ];
  const people: Record<string, ScreenBox> = {};
  cy.nodes().not('.ghost').forEach((node) => {
    people[String(node.data('personId'))] = toScreen(node.renderedBoundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: false }));
  });
  const labels: Record<string, ScreenBox> = {};
  const zoom = cy.zoom();
  cy.edges().not('.ghost').forEach((edge) => {
    if (String(edge.data('label') ?? '') === '') return;
    // A label smaller on screen than its min-zoomed-font-size is not drawn (level of detail).
    const size = parseFloat(String(edge.style('font-size'))) * zoom;
    if (size < parseFloat(String(edge.style('min-zoomed-font-size')))) return;
    const drawn = edge.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false });
    if (drawn.w > 0 && drawn.h > 0) labels[String(edge.data('relationId'))] = toScreen(drawn);
  });
  return { people, labels };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
