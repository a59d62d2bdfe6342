import type { Case, Person, Relation } from '../case/schema';
import type { SystemId } from '../case/systems';
import { relationLabel, roleLabelsOf } from '../library/relationLabel';
import { arrangeSystem, type Point } from './arrangement';
import { labelBox, nameBox, type TextBox } from './boxes';
import type { MapHighlight } from './highlight';
import { personColour } from './palette';

export type { Point } from './arrangement';

/** A box in map units: its top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One person on a map: a coloured box holding their name. */
export interface ScenePerson {
  personId: string;
  name: string;
  /** The name as drawn, one entry a line. */
  lines: readonly string[];
  colour: string;
  centre: Point;
  width: number;
  height: number;
  highlighted: boolean;
  dimmed: boolean;
}

/** One relation on a map: an arrow from one person to another (or a loop back to the same person) with its words. */
export interface SceneRelation {
  relationId: string;
  from: string;
  to: string;
  /** The label as drawn, one entry a line; empty when the relation has no words to show. */
  lines: readonly string[];
  labelWidth: number;
  labelHeight: number;
  /** Where the middle of the label sits. */
  labelCentre: Point;
  /**
   * The line: a quadratic curve from `start` (on the edge of the first
   * person's box) through `control` to `end` (the arrow's tip on the second's).
   * For a loop, start and end are on the same box and `loopDirection` says
   * where it points.
   */
  start: Point;
  control: Point;
  end: Point;
  /**
   * How far the middle of the curve stands off the straight line between the
   * two people, to the left of the way from `from` to `to`; 0 is straight.
   * Relations between the same two people bow apart so none hides another,
   * and a short relation bows out so its words do not sit on its people.
   */
  bend: number;
  /** For a relation of a person to themself: where the loop points, in degrees clockwise from twelve o'clock. */
  loopDirection: number | null;
  highlighted: boolean;
  dimmed: boolean;
}

/** One system's map, ready to draw on any surface: Cytoscape, SVG, the handout. */
export interface MapScene {
  system: SystemId;
  people: ScenePerson[];
  relations: SceneRelation[];
  /** The box around everything drawn (boxes, labels, lines and loops), with no margin. */
  bounds: Box;
  /** The highlighted echo's colour, or null when nothing is highlighted. */
  highlightColour: string | null;
}

/** The names written in the boxes: the real names, or the pseudonyms of a de-identified picture. */
export type NameOf = (person: Person) => string;

/** What to draw besides the case itself. */
export interface SceneOptions {
  /** The selected echo's part of this map. */
  highlight?: MapHighlight | null;
  /** The names to write in the boxes (pseudonyms in a de-identified picture); the people's names by default. */
  nameOf?: NameOf;
}

// Room between the labels of relations between the same two people.
const PARALLEL_GAP = 6;
const BEND_STEP = 12;
const MOST_BEND = 480;
const NEAR_BEND = 120;
// Where along a relation its words may sit: the middle, then toward either end.
const SLIDES = [0.5, 0.38, 0.62, 0.28, 0.72];
const MIDDLE = [0.5];
const MOST_RELATIONS_PLACED_APART = 150;
// Cytoscape's box around drawn words is a few units wider than the words' halo.
const LABEL_CLEARANCE = 8;
// Room between the words of two relations.
const WORDS_GAP = 2;
// A loop's height beyond the person's box, and how far its words sit beyond that.
export const LOOP_REACH = 56;
/** Where a loop's words sit: this far from the person's centre (where Cytoscape puts them), or further when that would touch the box. */
export const LOOP_LABEL_DISTANCE = 96;
const LOOP_LABEL_GAP = 8;
const UP = 0;
const DOWN = 180;
const LOOP_CLEARANCE = 40;

/**
 * One system of a case as a scene: every person where the arrangement puts
 * them, in their colour, with their name wrapped as it is drawn; every
 * relation's curve, its words and where they sit; the highlight and dim
 * marks. Pure and deterministic, so the screen, presentation mode, the
 * exported pictures and the handout draw one picture at different scales.
 */
export function mapScene(kase: Case, system: SystemId, options: SceneOptions = {}): MapScene {
  const { members, relations } = kase.systems[system];
  const nameOf = options.nameOf ?? ((person: Person) => person.name);
  const highlight = options.highlight ?? null;
  const positions = arrangeSystem(kase, system);
  const cast = new Map(kase.people.map((person) => [person.id, person]));

  const people = members.map((member): ScenePerson => {
    const person = cast.get(member.person);
    const name = person ? nameOf(person) : member.person;
    const box = nameBox(name);
    const lit = highlight !== null && highlight.personIds.has(member.person);
    return {
      personId: member.person,
      name,
      lines: box.lines,
      colour: personColour(kase.people, member.person),
      centre: { ...(positions.get(member.person) ?? { x: 0, y: 0 }) },
      width: box.width,
      height: box.height,
      highlighted: lit,
      dimmed: highlight !== null && !lit,
    };
  });

  const byId = new Map(people.map((person) => [person.personId, person]));
  const roleLabels = roleLabelsOf(kase);
  const pairs = new Map<string, Relation[]>();
  for (const relation of relations) {
    if (relation.from === relation.to || !byId.has(relation.from) || !byId.has(relation.to)) continue;
    const key = pairKey(relation);
    pairs.set(key, [...(pairs.get(key) ?? []), relation]);
  }

  // Loops first (their words have one place), then each curve bends its
  // words clear of everyone and of the words already placed.
  // Each relation's words measured once (a crowded pair's fan reads its siblings' sizes).
  const words = new Map(relations.map((relation) => [relation.id, labelBox(relationLabel(relation, roleLabels))]));
  const wordsOf = (relation: Relation) => words.get(relation.id) as TextBox;
  // A map of hundreds of relations is read by zooming in and draws small
  // words only then: its words keep clear of people but not of each other
  // (that check grows with the square of the relations), so that drawing it
  // again after an edit stays quick.
  const crowded = relations.length > MOST_RELATIONS_PLACED_APART;
  const placedWords: Box[] = [];
  const shapes = new Map<string, Shape>();
  for (const relation of relations) {
    const person = byId.get(relation.from);
    if (!person || relation.from !== relation.to) continue;
    const shape = loopRelation(relation, person, people, wordsOf(relation));
    shapes.set(relation.id, shape);
    if (shape.lines.length > 0 && !crowded) placedWords.push(wordsBox(shape));
  }
  for (const relation of relations) {
    const from = byId.get(relation.from);
    const to = byId.get(relation.to);
    if (!from || !to || from === to) continue;
    const siblings = pairs.get(pairKey(relation)) ?? [relation];
    const shape = curvedRelation(relation, from, to, siblings, wordsOf(relation), people, placedWords, wordsOf);
    shapes.set(relation.id, shape);
    if (shape.lines.length > 0 && !crowded) placedWords.push(wordsBox(shape));
  }
  const drawn = relations.flatMap((relation): SceneRelation[] => {
    const shape = shapes.get(relation.id);
    if (!shape) return [];
    const lit = highlight !== null && highlight.relationIds.has(relation.id);
    return [{ ...shape, highlighted: lit, dimmed: highlight !== null && !lit }];
  });

  return { system, people, relations: drawn, bounds: boundsOf(people, drawn), highlightColour: highlight?.colour ?? null };
}

type Shape = Omit<SceneRelation, 'highlighted' | 'dimmed'>;

function wordsBox(shape: Shape): Box {
  return {
    x: shape.labelCentre.x - shape.labelWidth / 2,
    y: shape.labelCentre.y - shape.labelHeight / 2,
    width: shape.labelWidth,
    height: shape.labelHeight,
  };
}

function pairKey(relation: Relation): string {
  return relation.from < relation.to ? `${relation.from}\u0000${relation.to}` : `${relation.to}\u0000${relation.from}`;
}

/**
 * A relation between two people: relations between the same pair fan out
 * side by side (offset along the pair's normal by their labels' extent in
 * that direction); then each bows further out, step by step, until its words
 * touch no one's box.
 */
function curvedRelation(
  relation: Relation,
  from: ScenePerson,
  to: ScenePerson,
  siblings: readonly Relation[],
  label: TextBox,
  people: readonly ScenePerson[],
  placedWords: readonly Box[],
  wordsOf: (relation: Relation) => TextBox,
): Shape {
  // The pair's own direction (lower id first), so A→B and B→A bow to opposite sides.
  const forward = relation.from < relation.to;
  const [a, b] = forward ? [from.centre, to.centre] : [to.centre, from.centre];
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  const extent = (width: number, height: number) => Math.abs(normal.x) * width + Math.abs(normal.y) * height;
  const sizes = siblings.map(wordsOf);
  const spacing = Math.max(...sizes.map((size) => extent(size.width, size.height))) + PARALLEL_GAP;
  const index = siblings.indexOf(relation);
  const base = (index - (siblings.length - 1) / 2) * spacing;

  // The curve bowed by `offset`, its words at `along` of the way from one end to the other (½ is the middle).
  const shapeAt = (offset: number, along = 0.5) => {
    const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const control = { x: middle.x + normal.x * offset * 2, y: middle.y + normal.y * offset * 2 };
    const start = boxExit(from, control);
    const end = boxExit(to, control);
    const [p, q, r] = [(1 - along) ** 2, 2 * along * (1 - along), along ** 2];
    const labelCentre = { x: p * start.x + q * control.x + r * end.x, y: p * start.y + q * control.y + r * end.y };
    return { start, control, end, labelCentre };
  };
  const clear = (centre: Point) =>
    label.lines.length === 0 ||
    (people.every(
      (person) =>
        Math.abs(person.centre.x - centre.x) >= (person.width + label.width) / 2 + LABEL_CLEARANCE ||
        Math.abs(person.centre.y - centre.y) >= (person.height + label.height) / 2 + LABEL_CLEARANCE,
    ) &&
      placedWords.every(
        (box) =>
          Math.abs(box.x + box.width / 2 - centre.x) >= (box.width + label.width) / 2 + WORDS_GAP ||
          Math.abs(box.y + box.height / 2 - centre.y) >= (box.height + label.height) / 2 + WORDS_GAP,
      ));
  // Words that can find no place clear of everything at least keep clear of the people.
  const clearOfPeople = (centre: Point) =>
    label.lines.length === 0 ||
    people.every(
      (person) =>
        Math.abs(person.centre.x - centre.x) >= (person.width + label.width) / 2 + LABEL_CLEARANCE ||
        Math.abs(person.centre.y - centre.y) >= (person.height + label.height) / 2 + LABEL_CLEARANCE,
    );
  // Outward from the fan's middle: a lone relation tries its left side first, then its right.
  const direction = base === 0 ? 1 : Math.sign(base);
  const search = (isClear: (centre: Point) => boolean, mostBend: number, places: readonly number[]) => {
    for (let step = 0; step * BEND_STEP <= mostBend; step += 1) {
      const tries = step === 0 ? [base] : base === 0 ? [step * BEND_STEP, -step * BEND_STEP] : [base + direction * step * BEND_STEP];
      for (const t of tries) {
        for (const along of places) {
          const candidate = shapeAt(t, along);
          if (isClear(candidate.labelCentre)) return { offset: t, shape: candidate };
        }
      }
    }
    return null;
  };
  // Near the line first, the words sliding toward either end if the middle is
  // taken; then bowing further out; touching other words only as a last
  // resort (they must never touch a person).
  const found =
    search(clear, NEAR_BEND, SLIDES) ??
    search(clear, MOST_BEND, MIDDLE) ??
    search(clearOfPeople, NEAR_BEND, SLIDES) ??
    search(clearOfPeople, MOST_BEND, MIDDLE) ?? { offset: base, shape: shapeAt(base) };
  const { offset, shape } = found;
  return {
    relationId: relation.id,
    from: relation.from,
    to: relation.to,
    lines: label.lines,
    labelWidth: label.width,
    labelHeight: label.height,
    ...shape,
    // Stored relative to the relation's own direction, as a drawing surface reads it.
    bend: round(forward ? offset : -offset),
    loopDirection: null,
  };
}

/**
 * A person's stance toward themself: a loop that points straight up or down
 * when nobody is near that way (maps have height to spare, not width), else
 * into the widest gap between the people around them.
 */
function loopRelation(relation: Relation, person: ScenePerson, people: readonly ScenePerson[], label: TextBox): Shape {
  const others = people.filter((other) => other !== person);
  const preferred = loopDirection(
    person.centre,
    others.map((other) => other.centre),
  );
  // The preferred way first, then every 30° round from it, until the loop's words touch nobody.
  const ways = Array.from({ length: 12 }, (_, step) => (preferred + step * 30) % 360);
  const shapes = ways.map((way) => loopShape(relation, person, label, way));
  const clearOfOthers = (shape: Shape) =>
    shape.lines.length === 0 ||
    others.every(
      (other) =>
        Math.abs(other.centre.x - shape.labelCentre.x) >= (other.width + shape.labelWidth) / 2 + LABEL_CLEARANCE ||
        Math.abs(other.centre.y - shape.labelCentre.y) >= (other.height + shape.labelHeight) / 2 + LABEL_CLEARANCE,
    );
  return shapes.find(clearOfOthers) ?? (shapes[0] as Shape);
}

function loopShape(relation: Relation, person: ScenePerson, label: TextBox, direction: number): Shape {
  const radians = (direction * Math.PI) / 180;
  const unit = { x: Math.sin(radians), y: -Math.cos(radians) };
  // How far the box reaches that way, then the loop beyond it.
  const reach = Math.min(Math.abs(unit.x) < 1e-9 ? Infinity : person.width / 2 / Math.abs(unit.x), Math.abs(unit.y) < 1e-9 ? Infinity : person.height / 2 / Math.abs(unit.y));
  const tip = { x: person.centre.x + unit.x * Math.max(reach + LOOP_REACH, LOOP_LABEL_DISTANCE), y: person.centre.y + unit.y * Math.max(reach + LOOP_REACH, LOOP_LABEL_DISTANCE) };
  const labelDistance = Math.max(LOOP_LABEL_DISTANCE, reach + LOOP_LABEL_GAP + Math.abs(unit.x) * (label.width / 2) + Math.abs(unit.y) * (label.height / 2));
  const side = { x: -unit.y, y: unit.x };
  const spread = Math.min(16, person.width / 4);
  return {
    relationId: relation.id,
    from: relation.from,
    to: relation.to,
    lines: label.lines,
    labelWidth: label.width,
    labelHeight: label.height,
    labelCentre: { x: person.centre.x + unit.x * labelDistance, y: person.centre.y + unit.y * labelDistance },
    start: { x: person.centre.x + unit.x * reach - side.x * spread, y: person.centre.y + unit.y * reach - side.y * spread },
    control: tip,
    end: { x: person.centre.x + unit.x * reach + side.x * spread, y: person.centre.y + unit.y * reach + side.y * spread },
    bend: 0,
    loopDirection: direction,
  };
}

function loopDirection(centre: Point, others: readonly Point[]): number {
  const angles = others
    .filter((p) => p.x !== centre.x || p.y !== centre.y)
    .map((p) => (Math.atan2(p.x - centre.x, centre.y - p.y) * 180) / Math.PI)
    .map((degrees) => (degrees + 360) % 360)
    .sort((x, y) => x - y);
  const [first] = angles;
  if (first === undefined) return UP;
  const clearance = (direction: number) =>
    Math.min(...angles.map((angle) => Math.min(Math.abs(angle - direction), 360 - Math.abs(angle - direction))));
  for (const direction of [UP, DOWN]) if (clearance(direction) >= LOOP_CLEARANCE) return direction;
  let best = { gap: first + 360 - (angles[angles.length - 1] as number), from: angles[angles.length - 1] as number };
  for (let index = 1; index < angles.length; index += 1) {
    const gap = (angles[index] as number) - (angles[index - 1] as number);
    if (gap > best.gap) best = { gap, from: angles[index - 1] as number };
  }
  return Math.round((best.from + best.gap / 2) % 360);
}

/** Where a line from the box's centre toward `toward` leaves the box. */
function boxExit(person: ScenePerson, toward: Point): Point {
  const dx = toward.x - person.centre.x;
  const dy = toward.y - person.centre.y;
  if (dx === 0 && dy === 0) return person.centre;
  const scale = Math.min(dx === 0 ? Infinity : person.width / 2 / Math.abs(dx), dy === 0 ? Infinity : person.height / 2 / Math.abs(dy));
  return { x: person.centre.x + dx * scale, y: person.centre.y + dy * scale };
}

function boundsOf(people: readonly ScenePerson[], relations: readonly SceneRelation[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const person of people) {
    xs.push(person.centre.x - person.width / 2, person.centre.x + person.width / 2);
    ys.push(person.centre.y - person.height / 2, person.centre.y + person.height / 2);
  }
  for (const relation of relations) {
    if (relation.lines.length > 0) {
      xs.push(relation.labelCentre.x - relation.labelWidth / 2, relation.labelCentre.x + relation.labelWidth / 2);
      ys.push(relation.labelCentre.y - relation.labelHeight / 2, relation.labelCentre.y + relation.labelHeight / 2);
    }
    // A curve stays inside the hull of its points; the middle of a bent one is halfway to its control point.
    const middle = {
      x: 0.25 * relation.start.x + 0.5 * relation.control.x + 0.25 * relation.end.x,
      y: 0.25 * relation.start.y + 0.5 * relation.control.y + 0.25 * relation.end.y,
    };
    for (const point of [relation.start, relation.end, middle, relation.loopDirection === null ? middle : relation.control]) {
      xs.push(point.x);
      ys.push(point.y);
    }
  }
  if (xs.length === 0) return { x: -150, y: -60, width: 300, height: 120 };
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
