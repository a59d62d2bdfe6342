import type { Case, Person, Relation } from '../case/schema';
import type { SystemId } from '../case/systems';
import { relationLabel, roleLabelsOf } from '../library/relationLabel';
import { personColour } from '../scene/palette';
import { startingPositions } from '../layout/startingPositions';

/** A point in map units (the same units as a member's saved `position`). */
export interface Point {
  x: number;
  y: number;
}

/** One member drawn as a labelled box centred on `centre`. */
export interface NodeLayout {
  personId: string;
  lines: string[];
  colour: string;
  centre: Point;
  width: number;
  height: number;
}

/** One relation drawn as a quadratic curve from `start` through `control` to `end`, or a loop. */
export interface EdgeLayout {
  relationId: string;
  /** The SVG path data of the line. */
  path: string;
  /** Where the middle of the label sits, and its lines. */
  labelAt: Point;
  labelLines: string[];
}

/** A whole system laid out: nodes, edges, and the box around everything drawn. */
export interface SystemLayout {
  nodes: NodeLayout[];
  edges: EdgeLayout[];
  bounds: { x: number; y: number; width: number; height: number };
}

export const NAME_FONT_SIZE = 15;
export const LABEL_FONT_SIZE = 13;
export const NAME_LINE_HEIGHT = 18;
export const LABEL_LINE_HEIGHT = 16;
// Estimates, since shared/ cannot measure text: generous enough for the wide
// sans-serif fonts of a Linux print (DejaVu Sans), so a name never spills.
const NAME_GLYPH = 0.62 * NAME_FONT_SIZE;
const LABEL_GLYPH = 0.56 * LABEL_FONT_SIZE;
const NAME_MAX_WIDTH = 150;
const LABEL_MAX_WIDTH = 170;
const NODE_PADDING_X = 12;
const NODE_PADDING_Y = 9;
const PARALLEL_SPACING = 70;
const ARROW_GAP = 3;
const LOOP_HEIGHT = 62;
const LOOP_SPREAD = 34;
const MARGIN = 24;

/**
 * Lays out one system for drawing: each member at their saved position,
 * else at a deterministic starting place (the client, or else the therapist,
 * on the left, the others on an arc to their right, as the app places them);
 * relations between the same two people bend apart so none hides another.
 */
export function layoutSystem(kase: Case, system: SystemId, names: (person: Person) => string): SystemLayout {
  const { members, relations } = kase.systems[system];
  const people = new Map(kase.people.map((person) => [person.id, person]));
  const placed = startingPositions(members.filter((m) => m.position === undefined).flatMap((m) => people.get(m.person) ?? []));

  const nodes = members.map((member): NodeLayout => {
    const person = people.get(member.person);
    const lines = wrap(person ? names(person) : member.person, NAME_MAX_WIDTH, NAME_GLYPH);
    const widest = Math.max(...lines.map((line) => line.length * NAME_GLYPH));
    return {
      personId: member.person,
      lines,
      colour: personColour(kase.people, member.person),
      centre: member.position ?? placed.get(member.person) ?? { x: 0, y: 0 },
      width: Math.min(widest, NAME_MAX_WIDTH) + 2 * NODE_PADDING_X,
      height: lines.length * NAME_LINE_HEIGHT + 2 * NODE_PADDING_Y,
    };
  });
  const byPerson = new Map(nodes.map((node) => [node.personId, node]));
  const roleLabels = roleLabelsOf(kase);

  const pairs = new Map<string, Relation[]>();
  for (const relation of relations) {
    if (relation.from === relation.to) continue;
    const key = [relation.from, relation.to].sort().join('\u0000');
    pairs.set(key, [...(pairs.get(key) ?? []), relation]);
  }

  const edges = relations.flatMap((relation): EdgeLayout[] => {
    const from = byPerson.get(relation.from);
    const to = byPerson.get(relation.to);
    if (!from || !to) return [];
    const labelLines = wrap(relationLabel(relation, roleLabels), LABEL_MAX_WIDTH, LABEL_GLYPH);
    if (from === to) return [loopEdge(relation.id, from, nodes, labelLines)];
    const siblings = pairs.get([relation.from, relation.to].sort().join('\u0000')) ?? [relation];
    const offset = (siblings.indexOf(relation) - (siblings.length - 1) / 2) * PARALLEL_SPACING;
    return [curvedEdge(relation, from, to, offset, labelLines)];
  });

  return { nodes, edges, bounds: boundsOf(nodes, edges) };
}

/** Splits text at spaces into lines of at most about `maxWidth`; a single long word keeps its own line. */
export function wrap(text: string, maxWidth: number, glyph: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last.length + 1 + word.length) * glyph <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length === 0 ? [''] : lines;
}

function curvedEdge(relation: Relation, from: NodeLayout, to: NodeLayout, offset: number, labelLines: string[]): EdgeLayout {
  // The bend is measured against the pair's own direction (lower id first),
  // so A→B and B→A bow to opposite sides instead of lying on each other.
  const forward = relation.from < relation.to;
  const [a, b] = forward ? [from.centre, to.centre] : [to.centre, from.centre];
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  const middle = { x: (from.centre.x + to.centre.x) / 2, y: (from.centre.y + to.centre.y) / 2 };
  const control = { x: middle.x + normal.x * offset * 2, y: middle.y + normal.y * offset * 2 };
  const start = boxExit(from, control, 0);
  const end = boxExit(to, control, ARROW_GAP);
  const labelAt = { x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y };
  return {
    relationId: relation.id,
    path: `M ${n(start.x)} ${n(start.y)} Q ${n(control.x)} ${n(control.y)} ${n(end.x)} ${n(end.y)}`,
    labelAt,
    labelLines,
  };
}

/** A person's stance toward themself: a loop above their box, or below when someone sits above. */
function loopEdge(relationId: string, node: NodeLayout, nodes: readonly NodeLayout[], labelLines: string[]): EdgeLayout {
  const { x, y } = node.centre;
  const someoneAbove = nodes.some((other) => other !== node && other.centre.y < y && Math.abs(other.centre.x - x) < Math.abs(other.centre.y - y));
  const direction = someoneAbove ? 1 : -1;
  const edgeY = y + (direction * node.height) / 2;
  const tipY = edgeY + direction * LOOP_HEIGHT;
  const spread = Math.min(LOOP_SPREAD, node.width / 2 - 4);
  const path = `M ${n(x - spread / 2)} ${n(edgeY)} C ${n(x - spread * 1.6)} ${n(tipY)} ${n(x + spread * 1.6)} ${n(tipY)} ${n(x + spread / 2)} ${n(edgeY + direction * ARROW_GAP)}`;
  const labelHeight = labelLines.length * LABEL_LINE_HEIGHT;
  const labelY = tipY + direction * (labelHeight / 2 + 2) - (direction * LOOP_HEIGHT) / 4;
  return { relationId, path, labelAt: { x, y: labelY }, labelLines };
}

/** Where a line from the box's centre toward `toward` leaves the box, `gap` further out. */
function boxExit(node: NodeLayout, toward: Point, gap: number): Point {
  const dx = toward.x - node.centre.x;
  const dy = toward.y - node.centre.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return node.centre;
  const scale = Math.min(dx === 0 ? Infinity : node.width / 2 / Math.abs(dx), dy === 0 ? Infinity : node.height / 2 / Math.abs(dy));
  return { x: node.centre.x + dx * scale + (dx / length) * gap, y: node.centre.y + dy * scale + (dy / length) * gap };
}

function boundsOf(nodes: readonly NodeLayout[], edges: readonly EdgeLayout[]): SystemLayout['bounds'] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const node of nodes) {
    xs.push(node.centre.x - node.width / 2, node.centre.x + node.width / 2);
    ys.push(node.centre.y - node.height / 2, node.centre.y + node.height / 2);
  }
  for (const edge of edges) {
    const halfWidth = Math.max(...edge.labelLines.map((line) => line.length * LABEL_GLYPH)) / 2 + 4;
    const halfHeight = (edge.labelLines.length * LABEL_LINE_HEIGHT) / 2 + 4;
    xs.push(edge.labelAt.x - halfWidth, edge.labelAt.x + halfWidth);
    ys.push(edge.labelAt.y - halfHeight, edge.labelAt.y + halfHeight);
    // A curve stays inside the hull of its own points, control points included.
    const numbers = edge.path.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    for (let index = 0; index + 1 < numbers.length; index += 2) {
      xs.push(numbers[index] as number);
      ys.push(numbers[index + 1] as number);
    }
  }
  if (xs.length === 0) return { x: 0, y: 0, width: 300, height: 120 };
  const x = Math.min(...xs) - MARGIN;
  const y = Math.min(...ys) - MARGIN;
  return { x, y, width: Math.max(...xs) + MARGIN - x, height: Math.max(...ys) + MARGIN - y };
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
