import type { Case, Person } from '../case/schema';
import type { SystemId } from '../case/systems';
import { mapScene, type Box, type Point, type SceneRelation } from '../scene/mapScene';

/** One member drawn as a labelled box centred on `centre`. */
export interface NodeLayout {
  personId: string;
  lines: readonly string[];
  colour: string;
  centre: Point;
  width: number;
  height: number;
}

/** One relation drawn as an SVG path (a quadratic curve, or a loop) with its label. */
export interface EdgeLayout {
  relationId: string;
  /** The SVG path data of the line. */
  path: string;
  /** Where the middle of the label sits, and its lines. */
  labelAt: Point;
  labelLines: readonly string[];
}

/** A whole system laid out: nodes, edges, and the box around everything drawn. */
export interface SystemLayout {
  nodes: NodeLayout[];
  edges: EdgeLayout[];
  bounds: Box;
}

// Room around the drawing for the highlight rings and the arrowheads.
const MARGIN = 24;
// How far short of a box an arrow stops, so its head is seen whole.
const ARROW_GAP = 3;

/**
 * One system for SVG and the handout: the scene the app's map draws
 * (shared/scene/mapScene.ts), in SVG path terms. The same positions, sizes,
 * words and curves as on screen, so paper and screen are one picture.
 */
export function layoutSystem(kase: Case, system: SystemId, names: (person: Person) => string): SystemLayout {
  const scene = mapScene(kase, system, { nameOf: names });
  const nodes = scene.people.map((person): NodeLayout => ({
    personId: person.personId,
    lines: person.lines,
    colour: person.colour,
    centre: person.centre,
    width: person.width,
    height: person.height,
  }));
  const edges = scene.relations.map((relation): EdgeLayout => ({
    relationId: relation.relationId,
    path: relation.loopDirection === null ? curvePath(relation) : loopPath(relation),
    labelAt: relation.labelCentre,
    labelLines: relation.lines,
  }));
  const { x, y, width, height } = scene.bounds;
  const bounds = nodes.length === 0 ? scene.bounds : { x: x - MARGIN, y: y - MARGIN, width: width + 2 * MARGIN, height: height + 2 * MARGIN };
  return { nodes, edges, bounds };
}

function curvePath({ start, control, end }: SceneRelation): string {
  const length = Math.hypot(end.x - control.x, end.y - control.y) || 1;
  const tip = { x: end.x - ((end.x - control.x) / length) * ARROW_GAP, y: end.y - ((end.y - control.y) / length) * ARROW_GAP };
  return `M ${n(start.x)} ${n(start.y)} Q ${n(control.x)} ${n(control.y)} ${n(tip.x)} ${n(tip.y)}`;
}

/** A loop out of the box and back, through the scene's tip, widening as it goes like Cytoscape's. */
function loopPath({ start, control, end }: SceneRelation): string {
  const spread = { x: (end.x - start.x) * 1.6, y: (end.y - start.y) * 1.6 };
  const c1 = { x: control.x - spread.x, y: control.y - spread.y };
  const c2 = { x: control.x + spread.x, y: control.y + spread.y };
  return `M ${n(start.x)} ${n(start.y)} C ${n(c1.x)} ${n(c1.y)} ${n(c2.x)} ${n(c2.y)} ${n(end.x)} ${n(end.y)}`;
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
