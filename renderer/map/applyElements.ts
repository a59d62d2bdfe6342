import type { CollectionReturnValue, Core, ElementDefinition } from 'cytoscape';
import type { SystemMapElements } from './elements';

/**
 * Brings a live graph in line with the wanted elements without rebuilding it
 * (the react-cytoscapejs approach): removes what is gone, adds what is new,
 * patches the data of what changed, all in one batch so Cytoscape redraws
 * once. Nodes keep the position they have, except the node ids in
 * `moveTo`, which go to their wanted position (the scene placed them
 * elsewhere: an undo, a Re-layout); a node just dragged is already there.
 */
export function applyElements(cy: Core, wanted: SystemMapElements, moveTo: ReadonlySet<string> = new Set()): void {
  const definitions: ElementDefinition[] = [...wanted.nodes, ...wanted.edges];
  const wantedIds = new Set(definitions.map((definition) => definition.data.id));
  // Added in one call: one by one, a first load of a large case spends its time building one-element collections.
  const added: ElementDefinition[] = [];
  cy.batch(() => {
    cy.elements()
      .filter((element) => !wantedIds.has(element.id()))
      .remove();
    for (const definition of definitions) {
      const id = definition.data.id as string;
      const existing = cy.getElementById(id);
      // An edge's ends cannot be patched in place, so an edge that moved is replaced.
      if (!existing.empty() && existing.isEdge() && endsMoved(existing.data(), definition.data)) existing.remove();
      if (existing.removed() || existing.empty()) {
        added.push(definition);
        continue;
      }
      if (dataChanged(existing.data(), definition.data)) existing.data(definition.data);
      syncShapeClasses(existing, [definition.classes ?? ''].flat().join(' '));
      if (moveTo.has(id) && definition.position) existing.position(definition.position);
    }
    cy.add(added);
  });
}

// The classes a definition may carry; others (highlight, selection) belong to
// the map's state and are left alone, so an edit restyles only what changed.
const SHAPE_CLASSES = ['self-relation'];

function syncShapeClasses(element: CollectionReturnValue, wanted: string): void {
  const names = new Set(wanted.split(' ').filter((name) => name !== ''));
  for (const name of SHAPE_CLASSES) if (element.hasClass(name) !== names.has(name)) element.toggleClass(name, names.has(name));
}

function endsMoved(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return current.source !== next.source || current.target !== next.target;
}

function dataChanged(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return Object.keys(next).some((key) => current[key] !== next[key]);
}
