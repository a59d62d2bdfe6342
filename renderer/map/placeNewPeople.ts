import type { Core, NodeSingular } from 'cytoscape';

// About a node's height plus a margin: closer than this, two people overlap.
const CROWDED = 70;
const STEP = 90;
const MAX_STEPS = 40;

/**
 * Moves newly added nodes down from their automatic place until nobody else
 * is on it: the automatic layout was worked out for the cast as it is now,
 * while the people already drawn stay where the clinician last saw them.
 * Deterministic, so the same edit lands the same way.
 */
export function placeAwayFromOthers(cy: Core, nodeIds: readonly string[]): void {
  if (nodeIds.length === 0) return;
  cy.batch(() => {
    for (const id of nodeIds) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      const others = cy
        .nodes()
        .not('.ghost')
        .filter((other) => other.id() !== id)
        .map((other) => (other as NodeSingular).position());
      const { x } = node.position();
      let { y } = node.position();
      for (let step = 0; step < MAX_STEPS && others.some((o) => Math.abs(o.x - x) < CROWDED * 2 && Math.abs(o.y - y) < CROWDED); step += 1) {
        y += STEP;
      }
      node.position({ x, y });
    }
  });
}
