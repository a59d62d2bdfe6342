import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { PersonKind } from '../case/systems';
import { withSeededRandom } from './seededRandom';

cytoscape.use(fcose);

/** A point in a map's own coordinates, the ones saved in `members[].position`. */
export interface Point {
  x: number;
  y: number;
}

/** A person to arrange: their box and what kind of person they are. */
export interface ArrangedPerson {
  id: string;
  kind: PersonKind;
  width: number;
  height: number;
}

/** A relation to arrange around: the room its words need between its two people. */
export interface ArrangedRelation {
  from: string;
  to: string;
  /** The width and height of its label, which should sit between the two people, not on them. */
  labelWidth: number;
  labelHeight: number;
}

// The clear space kept around every person's box: two people never come
// closer than this, so a relation's arrowhead and a name never touch.
export const PERSON_CLEARANCE = 28;
const LABEL_ROOM = 24;
// Who anchors a map on its left: the client, else the supervisor, so the therapist stands on the right in therapy and in supervision alike.
const KIND_ORDER: Record<PersonKind, number> = { client: 0, supervisor: 1, therapist: 2, other: 3 };
const LAYOUT_SEED = 20261203;

/**
 * Lays out one map's people with fCoSE, a force-directed layout from
 * Cytoscape's own ecosystem, and returns a position for each: relations pull
 * their two people to about the length their words need, everyone else pushes
 * apart, and a last pass guarantees no two boxes overlap. Deterministic (same
 * people and relations, same positions, to the unit): it starts from a fixed
 * ring in cast order, and fCoSE's few random choices draw from a seeded
 * generator. Then the picture is turned the same way every time: the map's
 * longest extent runs down the page (maps stand in tall columns) except for
 * a pair, which sits side by side, and the focal person (client, else
 * supervisor) is on the left, so the therapist stands on the right in both
 * therapy and supervision, where the eye can compare them.
 */
export function arrangePeople(people: readonly ArrangedPerson[], relations: readonly ArrangedRelation[]): Map<string, Point> {
  const ordered = [...people].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareIds(a.id, b.id));
  const positions = new Map<string, Point>();
  if (ordered.length === 0) return positions;
  if (ordered.length === 1) {
    positions.set((ordered[0] as ArrangedPerson).id, { x: 0, y: 0 });
    return positions;
  }
  const ids = new Set(ordered.map((person) => person.id));
  const links = relations.filter((r) => r.from !== r.to && ids.has(r.from) && ids.has(r.to));
  const raw = ordered.length === 2 ? pairPositions(ordered, links) : forceDirected(ordered, links);
  const turned = turn(ordered, raw);
  const separated = separate(ordered, compact(ordered, links, turned));
  for (const person of ordered) {
    const point = separated.get(person.id) as Point;
    positions.set(person.id, { x: Math.round(point.x), y: Math.round(point.y) });
  }
  return positions;
}

/** Two people side by side, as far apart as their widest relation's words need. */
function pairPositions(pair: readonly ArrangedPerson[], links: readonly ArrangedRelation[]): Map<string, Point> {
  const [left, right] = pair as [ArrangedPerson, ArrangedPerson];
  const widest = Math.max(0, ...links.map((link) => link.labelWidth));
  const gap = Math.max(widest + LABEL_ROOM * 2, 120);
  const distance = left.width / 2 + gap + right.width / 2;
  return new Map([
    [left.id, { x: -distance / 2, y: 0 }],
    [right.id, { x: distance / 2, y: 0 }],
  ]);
}

function forceDirected(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[]): Map<string, Point> {
  const ringRadius = Math.max(200, (people.length * 120) / (2 * Math.PI));
  const elements: cytoscape.ElementDefinition[] = people.map((person, index) => {
    const angle = (2 * Math.PI * index) / people.length;
    return {
      group: 'nodes',
      data: { id: person.id, width: person.width + PERSON_CLEARANCE, height: person.height + PERSON_CLEARANCE },
      position: { x: ringRadius * Math.cos(angle), y: ringRadius * Math.sin(angle) },
    };
  });
  // Parallel relations pull as one spring, as long as the longest words among them need.
  const springs = new Map<string, { from: string; to: string; length: number }>();
  for (const link of links) {
    const key = link.from < link.to ? `${link.from}\u0000${link.to}` : `${link.to}\u0000${link.from}`;
    const length = link.labelWidth + LABEL_ROOM * 2;
    const known = springs.get(key);
    if (!known || known.length < length) springs.set(key, { from: link.from, to: link.to, length });
  }
  let index = 0;
  for (const spring of springs.values()) {
    elements.push({ group: 'edges', data: { id: `spring${index}`, source: spring.from, target: spring.to, length: spring.length } });
    index += 1;
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } }],
  });
  withSeededRandom(LAYOUT_SEED, () => {
    cy.layout({
      name: 'fcose',
      quality: 'proof',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      uniformNodeDimensions: false,
      packComponents: true,
      tile: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: (edge: cytoscape.EdgeSingular) => Number(edge.data('length')),
      edgeElasticity: () => 0.45,
      gravity: 0.3,
      numIter: 2500,
      nodeSeparation: 80,
    } as cytoscape.LayoutOptions).run();
  });
  const positions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  cy.destroy();
  return positions;
}

/**
 * Turns and mirrors the picture into its one orientation: the longest extent
 * vertical (from three people on), the focal person left of the middle and
 * above it, all centred on the origin.
 */
function turn(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const points = people.map((person) => positions.get(person.id) as Point);
  const centre = {
    x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
    y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
  };
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (const p of points) {
    xx += (p.x - centre.x) ** 2;
    xy += (p.x - centre.x) * (p.y - centre.y);
    yy += (p.y - centre.y) ** 2;
  }
  // The principal axis of the cloud of people, turned to run down the page (or across, for a pair).
  const axis = 0.5 * Math.atan2(2 * xy, xx - yy);
  const target = people.length === 2 ? 0 : Math.PI / 2;
  const angle = target - axis;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = new Map<string, Point>();
  for (const person of people) {
    const p = positions.get(person.id) as Point;
    const dx = p.x - centre.x;
    const dy = p.y - centre.y;
    turned.set(person.id, { x: dx * cos - dy * sin, y: dx * sin + dy * cos });
  }
  const focal = turned.get((people[0] as ArrangedPerson).id) as Point;
  const mirrorX = focal.x > 0.5 ? -1 : 1;
  const mirrorY = people.length > 2 && focal.y > 0.5 ? -1 : 1;
  for (const [id, p] of turned) turned.set(id, { x: p.x * mirrorX, y: p.y * mirrorY });
  return turned;
}

/**
 * Draws the picture in as little room as its words allow: fCoSE gives every
 * relation the length of its label's width, which a relation running up and
 * down the page does not need (a label is wide, not tall). Scales the whole
 * picture down, evenly so its shape stays, until the tightest relation has
 * just room for its words between its two people, or two people would touch.
 */
function compact(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const boxes = new Map(people.map((person) => [person.id, person]));
  const along = (box: { width: number; height: number }, ux: number, uy: number) => Math.abs(ux) * box.width + Math.abs(uy) * box.height;
  let scale = 0;
  for (const link of links) {
    const a = positions.get(link.from) as Point;
    const b = positions.get(link.to) as Point;
    const distance = Math.hypot(b.x - a.x, b.y - a.y);
    if (distance === 0) return new Map(positions);
    const ux = (b.x - a.x) / distance;
    const uy = (b.y - a.y) / distance;
    const needed =
      along(boxes.get(link.from) as ArrangedPerson, ux, uy) / 2 +
      along({ width: link.labelWidth, height: link.labelHeight }, ux, uy) +
      along(boxes.get(link.to) as ArrangedPerson, ux, uy) / 2 +
      2 * LABEL_ROOM;
    scale = Math.max(scale, needed / distance);
  }
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const a = people[i] as ArrangedPerson;
      const b = people[j] as ArrangedPerson;
      const pa = positions.get(a.id) as Point;
      const pb = positions.get(b.id) as Point;
      // Two people may come as close as their boxes and clearance allow along either axis, not both.
      const sx = Math.abs(pb.x - pa.x) === 0 ? Infinity : ((a.width + b.width) / 2 + PERSON_CLEARANCE * 2) / Math.abs(pb.x - pa.x);
      const sy = Math.abs(pb.y - pa.y) === 0 ? Infinity : ((a.height + b.height) / 2 + PERSON_CLEARANCE * 2) / Math.abs(pb.y - pa.y);
      scale = Math.max(scale, Math.min(sx, sy));
    }
  }
  if (!(scale > 0) || scale >= 1) return new Map(positions);
  return new Map([...positions].map(([id, p]) => [id, { x: p.x * scale, y: p.y * scale }]));
}

/**
 * Pushes apart any two people whose boxes (with their clearance) overlap,
 * along the axis where they overlap least, until none do: the force-directed
 * layout keeps people apart on average, this makes it certain.
 */
function separate(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const placed = new Map([...positions].map(([id, p]) => [id, { ...p }]));
  for (let round = 0; round < 200; round += 1) {
    let moved = false;
    for (let i = 0; i < people.length; i += 1) {
      for (let j = i + 1; j < people.length; j += 1) {
        const a = people[i] as ArrangedPerson;
        const b = people[j] as ArrangedPerson;
        const pa = placed.get(a.id) as Point;
        const pb = placed.get(b.id) as Point;
        const overlapX = (a.width + b.width) / 2 + PERSON_CLEARANCE - Math.abs(pa.x - pb.x);
        const overlapY = (a.height + b.height) / 2 + PERSON_CLEARANCE - Math.abs(pa.y - pb.y);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        if (overlapX < overlapY) {
          const push = overlapX / 2 + 0.5;
          const sign = pa.x < pb.x || (pa.x === pb.x && i < j) ? -1 : 1;
          pa.x += sign * push;
          pb.x -= sign * push;
        } else {
          const push = overlapY / 2 + 0.5;
          const sign = pa.y < pb.y || (pa.y === pb.y && i < j) ? -1 : 1;
          pa.y += sign * push;
          pb.y -= sign * push;
        }
      }
    }
    if (!moved) break;
  }
  return placed;
}

/**
 * Where to put a person who joins a map that is already arranged: the
 * nearest free place to the people they relate to (else to the map's middle),
 * on rings of growing size, so that nobody already drawn moves. Free means
 * their box and clearance touch no one's box and the room for a relation's
 * words to each neighbour is kept.
 */
export function placeInFreeSpace(
  person: ArrangedPerson,
  neighbours: readonly Point[],
  others: readonly (Point & { width: number; height: number })[],
  labelRoom: number,
): Point {
  const anchorPoints = neighbours.length > 0 ? neighbours : others;
  const anchor =
    anchorPoints.length === 0
      ? { x: 0, y: 0 }
      : {
          x: anchorPoints.reduce((sum, p) => sum + p.x, 0) / anchorPoints.length,
          y: anchorPoints.reduce((sum, p) => sum + p.y, 0) / anchorPoints.length,
        };
  const free = (p: Point) =>
    others.every(
      (o) =>
        Math.abs(o.x - p.x) >= (o.width + person.width) / 2 + PERSON_CLEARANCE + (neighbours.length > 0 ? labelRoom / 2 : 0) ||
        Math.abs(o.y - p.y) >= (o.height + person.height) / 2 + PERSON_CLEARANCE + 20,
    );
  const first = Math.max(160, labelRoom + person.width);
  for (let ring = 0; ring < 60; ring += 1) {
    const radius = first + ring * 60;
    const steps = 12 + ring * 2;
    for (let step = 0; step < steps; step += 1) {
      // Start below and go round clockwise: below the others is where a column of a map has room.
      const angle = Math.PI / 2 + (2 * Math.PI * step) / steps;
      const candidate = { x: Math.round(anchor.x + radius * Math.cos(angle)), y: Math.round(anchor.y + radius * Math.sin(angle)) };
      if (free(candidate)) return candidate;
    }
  }
  return { x: Math.round(anchor.x), y: Math.round(anchor.y + first + 60 * 60) };
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
