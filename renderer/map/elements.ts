import type { ElementDefinition } from 'cytoscape';
import type { Case } from '../../shared/case/schema';
import type { SystemId } from '../../shared/case/systems';
import { LOOP_LABEL_DISTANCE, mapScene, type MapScene } from '../../shared/scene/mapScene';

/** What a person's node carries into Cytoscape. */
export interface PersonNodeData {
  id: string;
  personId: string;
  /** The name as the scene wrapped it, one line per `\n`. */
  label: string;
  colour: string;
  width: number;
  height: number;
}

/** What a relation's edge carries into Cytoscape. */
export interface RelationEdgeData {
  id: string;
  relationId: string;
  source: string;
  target: string;
  /** The words as the scene wrapped them, one line per `\n`. */
  label: string;
  /** Cytoscape's control-point distance: twice the scene's bend, since a curve's middle is halfway to its control point. */
  controlDistance: number;
  /** For a relation of a person to themself: where the loop points, in degrees clockwise from twelve o'clock. */
  loopDirection?: number;
  /** How far the scene moved the words from where Cytoscape puts them (a curve's middle; a loop's tip), so they clear people and other words. */
  labelShiftX: number;
  labelShiftY: number;
}

/** One system of a case, ready for Cytoscape: nodes with their positions, then edges. */
export interface SystemMapElements {
  nodes: (ElementDefinition & { data: PersonNodeData; position: { x: number; y: number } })[];
  edges: (ElementDefinition & { data: RelationEdgeData })[];
}

/** The Cytoscape id of a person's node; prefixed because person and relation ids may coincide. */
export function personNodeId(personId: string): string {
  return `person:${personId}`;
}

/** The Cytoscape id of a relation's edge. */
export function relationEdgeId(relationId: string): string {
  return `relation:${relationId}`;
}

/**
 * The scene of one map as Cytoscape elements: the Cytoscape view is a thin
 * adapter, drawing people, words and curves exactly where the scene puts them,
 * in the sizes it measured, so the screen shows the picture the handout prints.
 */
export function sceneElements(scene: MapScene): SystemMapElements {
  const nodes = scene.people.map((person) => ({
    group: 'nodes' as const,
    data: {
      id: personNodeId(person.personId),
      personId: person.personId,
      label: person.lines.join('\n'),
      colour: person.colour,
      width: person.width,
      height: person.height,
    },
    // A copy: Cytoscape keeps the object it is given and moves it in place on every drag.
    position: { ...person.centre },
  }));
  const edges = scene.relations.map((relation) => {
    const data: RelationEdgeData = {
      id: relationEdgeId(relation.relationId),
      relationId: relation.relationId,
      source: personNodeId(relation.from),
      target: personNodeId(relation.to),
      label: relation.lines.join('\n'),
      controlDistance: relation.bend * 2 * CONTROL_SIDE,
      labelShiftX: round(relation.labelCentre.x - (0.25 * relation.start.x + 0.5 * relation.control.x + 0.25 * relation.end.x)),
      labelShiftY: round(relation.labelCentre.y - (0.25 * relation.start.y + 0.5 * relation.control.y + 0.25 * relation.end.y)),
    };
    if (relation.loopDirection !== null) {
      data.loopDirection = relation.loopDirection;
      const person = scene.people.find((p) => p.personId === relation.from);
      const radians = (relation.loopDirection * Math.PI) / 180;
      if (person) {
        data.labelShiftX = round(relation.labelCentre.x - (person.centre.x + Math.sin(radians) * LOOP_LABEL_DISTANCE));
        data.labelShiftY = round(relation.labelCentre.y - (person.centre.y - Math.cos(radians) * LOOP_LABEL_DISTANCE));
      }
      return { group: 'edges' as const, data, classes: 'self-relation' };
    }
    return { group: 'edges' as const, data, classes: '' };
  });
  return { nodes, edges };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// The scene's bend and Cytoscape's control-point distance count positive to
// the same side of the way from one person to the other (checked on screen
// by the e2e test that compares the drawn map with the print scene).
const CONTROL_SIDE = 1;

/** One system of a case as Cytoscape elements: its scene, adapted. */
export function systemMapElements(kase: Case, system: SystemId): SystemMapElements {
  return sceneElements(mapScene(kase, system));
}
