import type { Core } from 'cytoscape';

/** Where each person's node is on screen. */
export type NodeScreenPositions = Record<string, { x: number; y: number }>;

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
