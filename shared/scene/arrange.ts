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
 * people and relations in the same order, same positions, to the unit):
 * people are taken in cast order, and fCoSE's random choices (its spectral
 * start among them) draw from a seeded generator. Then the picture is drawn
 * as tight as its words allow and turned the way that fills a screen column
 * best, except a pair, which sits side by side; the focal person (client,
 * else supervisor) is on the left, so the therapist stands on the right in
 * both therapy and supervision, where the eye can compare them.
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
  // A few turns of the picture, each drawn as tight as its words allow; the
  // one that fills a screen column best is kept (large maps try one only).
  const first = firstTurn(ordered, raw);
  const turns = ordered.length === 2 ? [first] : ordered.length <= MOST_PEOPLE_TRYING_TURNS ? [0, 1, 2, 3].map((k) => first + (k * Math.PI) / 4) : [first];
  let separated = new Map<string, Point>();
  let bestFit = -Infinity;
  for (const angle of turns) {
    const squeezed = compact(ordered, links, rotate(ordered, raw, angle));
    const shaped = separate(ordered, ordered.length <= MOST_PEOPLE_TIGHTENED ? tighten(ordered, links, squeezed) : squeezed);
    const fit = columnFit(ordered, shaped);
    if (fit > bestFit + 1e-9) {
      bestFit = fit;
      separated = shaped;
    }
  }
  separated = mirror(ordered, separated);
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
  const elements: cytoscape.ElementDefinition[] = people.map((person) => ({
    group: 'nodes',
    data: { id: person.id, width: person.width + PERSON_CLEARANCE, height: person.height + PERSON_CLEARANCE },
  }));
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
  try {
    withSeededRandom(LAYOUT_SEED, () => {
      cy.layout({
        name: 'fcose',
        quality: 'proof',
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: false,
        tile: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: (edge: cytoscape.EdgeSingular) => Number(edge.data('length')),
        edgeElasticity: () => 0.45,
        gravity: 0.3,
        numIter: 2500,
        nodeSeparation: 80,
      } as cytoscape.LayoutOptions).run();
    });
    return new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  } finally {
    cy.destroy();
  }
}

/** The middle of everyone's centres. */
function centreOf(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): Point {
  const points = people.map((person) => positions.get(person.id) as Point);
  return { x: points.reduce((sum, p) => sum + p.x, 0) / points.length, y: points.reduce((sum, p) => sum + p.y, 0) / points.length };
}

/** The first turn to try: a pair's axis across the page; from three people on, the outline closest to a screen column's proportions. */
function firstTurn(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): number {
  const centre = centreOf(people, positions);
  if (people.length !== 2) return columnTurn(people, positions, centre);
  const [a, b] = people.map((person) => positions.get(person.id) as Point) as [Point, Point];
  return -Math.atan2(b.y - a.y, b.x - a.x);
}

/** The picture turned by `angle` about its middle, which goes to the origin. */
function rotate(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>, angle: number): Map<string, Point> {
  const centre = centreOf(people, positions);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = new Map<string, Point>();
  for (const person of people) {
    const p = positions.get(person.id) as Point;
    const dx = p.x - centre.x;
    const dy = p.y - centre.y;
    turned.set(person.id, { x: dx * cos - dy * sin, y: dx * sin + dy * cos });
  }
  return turned;
}

/** Mirrored so the focal person (the first in cast order) is left of the middle, and from three people on above it. */
function mirror(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const centre = centreOf(people, positions);
  const focal = positions.get((people[0] as ArrangedPerson).id) as Point;
  const mirrorX = focal.x > centre.x + 0.5 ? -1 : 1;
  const mirrorY = people.length > 2 && focal.y > centre.y + 0.5 ? -1 : 1;
  return new Map([...positions].map(([id, p]) => [id, { x: (p.x - centre.x) * mirrorX, y: (p.y - centre.y) * mirrorY }]));
}

/** How large the picture can be drawn in a screen column (bigger is better): the zoom that fits its outline into one of COLUMN_ASPECT. */
function columnFit(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): number {
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (const person of people) {
    const p = positions.get(person.id) as Point;
    x1 = Math.min(x1, p.x - person.width / 2);
    x2 = Math.max(x2, p.x + person.width / 2);
    y1 = Math.min(y1, p.y - person.height / 2);
    y2 = Math.max(y2, p.y + person.height / 2);
  }
  return Math.min(COLUMN_ASPECT / (x2 - x1 + LABEL_ALLOWANCE), 1 / (y2 - y1 + LABEL_ALLOWANCE));
}

// Room the words and loops at the edge of a map add to its people's outline.
const LABEL_ALLOWANCE = 120;
const MOST_PEOPLE_TRYING_TURNS = 30;
// Tightening costs a pass over every pair of people per step: a crowded map, read by zooming in anyway, is left as fCoSE spaced it.
const MOST_PEOPLE_TIGHTENED = 60;

/**
 * Draws the picture in as little room as its words allow: fCoSE gives every
 * relation the length of its label's width, which a relation running up and
 * down the page does not need (a label is wide, not tall). Squeezes the
 * picture first down the page, then across, each time as far as every
 * relation keeps room for its words between its two people (along the axis
 * it mostly runs on) and every two people keep their clearance on one axis.
 */
function compact(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const vertical = squeeze(people, links, positions, 'y');
  return squeeze(people, links, vertical, 'x');
}

function squeeze(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[], positions: ReadonlyMap<string, Point>, axis: 'x' | 'y'): Map<string, Point> {
  const other = axis === 'x' ? 'y' : 'x';
  const size = (box: { width: number; height: number }, on: 'x' | 'y') => (on === 'x' ? box.width : box.height);
  const boxes = new Map(people.map((person) => [person.id, person]));
  // The least scale on `axis` at which two boxes with `room` between them still fit, unless the other axis already parts them.
  let scale = 0;
  const need = (a: Point, b: Point, roomOther: number, roomAxis: number) => {
    if (Math.abs(b[other] - a[other]) >= roomOther) return;
    const apart = Math.abs(b[axis] - a[axis]);
    scale = apart === 0 ? 1 : Math.max(scale, roomAxis / apart);
  };
  for (const link of links) {
    const a = positions.get(link.from) as Point;
    const b = positions.get(link.to) as Point;
    const from = boxes.get(link.from) as ArrangedPerson;
    const to = boxes.get(link.to) as ArrangedPerson;
    const label = { width: link.labelWidth, height: link.labelHeight };
    // A relation keeps its room along the axis it mostly runs on; one running the other way is not shortened by this squeeze.
    if (Math.abs(b[axis] - a[axis]) < Math.abs(b[other] - a[other])) continue;
    need(a, b, Infinity, (size(from, axis) + size(to, axis)) / 2 + size(label, axis) + 2 * LABEL_ROOM);
  }
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const a = people[i] as ArrangedPerson;
      const b = people[j] as ArrangedPerson;
      const gap = 2 * PERSON_CLEARANCE;
      need(positions.get(a.id) as Point, positions.get(b.id) as Point, (size(a, other) + size(b, other)) / 2 + gap, (size(a, axis) + size(b, axis)) / 2 + gap);
    }
  }
  if (!(scale > 0) || scale >= 1) return new Map(positions);
  return new Map([...positions].map(([id, p]) => [id, { ...p, [axis]: p[axis] * scale }]));
}

/**
 * Draws the picture tighter still: shrinks it toward its middle a little at
 * a time, each time pushing apart again the people who came too close and the
 * ends of a relation left too short for its words, and stops when a step
 * gains no room. What a clinician reads at a glance is the map at the size a
 * screen column gives it, so room the words do not need is room lost.
 */
function tighten(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  let current = new Map([...positions].map(([id, p]) => [id, { ...p }]));
  let best = current;
  let bestArea = extentArea(people, current);
  let misses = 0;
  // Only as tight as a screen column needs: a map that already fits one at a
  // readable size keeps the force-directed layout's clearer shape.
  for (let step = 0; step < 40 && misses < 4 && !fitsColumn(people, best); step += 1) {
    const centre = middleOf(current);
    const next = new Map([...current].map(([id, p]) => [id, { x: centre.x + (p.x - centre.x) * SHRINK, y: centre.y + (p.y - centre.y) * SHRINK }]));
    resolve(people, links, next);
    const area = extentArea(people, next);
    if (area < bestArea * 0.99) {
      best = next;
      bestArea = area;
      misses = 0;
    } else {
      misses += 1;
    }
    current = next;
  }
  return best;
}

const SHRINK = 0.92;
// The people's outline that fits a map's column at a laptop's 1280×720 with names at 12.75 px (zoom 0.85), words at the edges allowed for.
const COLUMN_WIDTH = 356;
const COLUMN_HEIGHT = 468;

function fitsColumn(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): boolean {
  return columnFit(people, positions) >= Math.min(COLUMN_ASPECT / (COLUMN_WIDTH + LABEL_ALLOWANCE), 1 / (COLUMN_HEIGHT + LABEL_ALLOWANCE));
}
const TIGHT_CLEARANCE = 18;
const TIGHT_LABEL_ROOM = 14;

/** Pushes apart, in place, people closer than their boxes and clearance, and the ends of relations too short for their words. */
function resolve(people: readonly ArrangedPerson[], links: readonly ArrangedRelation[], positions: Map<string, Point>): void {
  const boxes = new Map(people.map((person) => [person.id, person]));
  for (let round = 0; round < 60; round += 1) {
    let moved = false;
    for (const link of links) {
      const a = positions.get(link.from) as Point;
      const b = positions.get(link.to) as Point;
      const from = boxes.get(link.from) as ArrangedPerson;
      const to = boxes.get(link.to) as ArrangedPerson;
      // The words fit between the two boxes across or down the page; if neither, part them on the axis that needs less.
      const missingX = (from.width + to.width) / 2 + link.labelWidth + 2 * TIGHT_LABEL_ROOM - Math.abs(b.x - a.x);
      const missingY = (from.height + to.height) / 2 + link.labelHeight + 2 * TIGHT_LABEL_ROOM - Math.abs(b.y - a.y);
      if (missingX <= 0.5 || missingY <= 0.5) continue;
      moved = true;
      if (missingY <= missingX) {
        const sign = a.y < b.y || (a.y === b.y && link.from < link.to) ? -1 : 1;
        a.y += (sign * missingY) / 2;
        b.y -= (sign * missingY) / 2;
      } else {
        const sign = a.x < b.x || (a.x === b.x && link.from < link.to) ? -1 : 1;
        a.x += (sign * missingX) / 2;
        b.x -= (sign * missingX) / 2;
      }
    }
    for (let i = 0; i < people.length; i += 1) {
      for (let j = i + 1; j < people.length; j += 1) {
        const pa = people[i] as ArrangedPerson;
        const pb = people[j] as ArrangedPerson;
        const a = positions.get(pa.id) as Point;
        const b = positions.get(pb.id) as Point;
        const overlapX = (pa.width + pb.width) / 2 + TIGHT_CLEARANCE - Math.abs(a.x - b.x);
        const overlapY = (pa.height + pb.height) / 2 + TIGHT_CLEARANCE - Math.abs(a.y - b.y);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        if (overlapX < overlapY) {
          const sign = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (sign * overlapX) / 2;
          b.x -= (sign * overlapX) / 2;
        } else {
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (sign * overlapY) / 2;
          b.y -= (sign * overlapY) / 2;
        }
      }
    }
    if (!moved) return;
  }
}

function middleOf(positions: ReadonlyMap<string, Point>): Point {
  let x = 0;
  let y = 0;
  for (const p of positions.values()) {
    x += p.x;
    y += p.y;
  }
  return { x: x / positions.size, y: y / positions.size };
}

/** The area of the box around everyone: what tightening tries to make smaller. */
function extentArea(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>): number {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const person of people) {
    const p = positions.get(person.id) as Point;
    x1 = Math.min(x1, p.x - person.width / 2);
    x2 = Math.max(x2, p.x + person.width / 2);
    y1 = Math.min(y1, p.y - person.height / 2);
    y2 = Math.max(y2, p.y + person.height / 2);
  }
  return (x2 - x1) * (y2 - y1);
}

// A map's column on screen is about two thirds as wide as it is tall.
const COLUMN_ASPECT = 0.68;

function columnTurn(people: readonly ArrangedPerson[], positions: ReadonlyMap<string, Point>, centre: Point): number {
  let best = { angle: 0, miss: Infinity };
  for (let step = 0; step < 12; step += 1) {
    const angle = (step * Math.PI) / 12;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    let x1 = Infinity;
    let x2 = -Infinity;
    let y1 = Infinity;
    let y2 = -Infinity;
    for (const person of people) {
      const p = positions.get(person.id) as Point;
      const x = (p.x - centre.x) * cos - (p.y - centre.y) * sin;
      const y = (p.x - centre.x) * sin + (p.y - centre.y) * cos;
      x1 = Math.min(x1, x - person.width / 2);
      x2 = Math.max(x2, x + person.width / 2);
      y1 = Math.min(y1, y - person.height / 2);
      y2 = Math.max(y2, y + person.height / 2);
    }
    const miss = Math.abs(Math.log((x2 - x1) / (y2 - y1) / COLUMN_ASPECT));
    if (miss < best.miss - 1e-9) best = { angle, miss };
  }
  return best.angle;
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
