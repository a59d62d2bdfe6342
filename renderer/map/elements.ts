import type { ElementDefinition } from 'cytoscape';
import type { Case, Member } from '../../shared/case/schema';
import type { SystemId } from '../../shared/case/systems';
import { relationLabel, roleLabelsOf } from '../../shared/library/relationLabel';
import { NAME_MAX_WIDTH } from './mapStyle';
import { personColour } from './personColours';
import { startingPositions } from '../../shared/layout/startingPositions';

/** What a person's node carries into Cytoscape. */
export interface PersonNodeData {
  id: string;
  personId: string;
  label: string;
  colour: string;
}

/** What a relation's edge carries into Cytoscape. */
export interface RelationEdgeData {
  id: string;
  relationId: string;
  source: string;
  target: string;
  label: string;
  /** How wide the label may run before it wraps: the room between the two people. */
  labelWidth: number;
  /** For a relation of a person to themself: where the loop points, in degrees clockwise from twelve o'clock. */
  loopDirection?: number;
}

/** One system of a case, ready for Cytoscape: nodes with their starting positions, then edges. */
export interface SystemMapElements {
  nodes: (ElementDefinition & { data: PersonNodeData; position: { x: number; y: number } })[];
  edges: (ElementDefinition & { data: RelationEdgeData })[];
}

// Room for a node and a two-line role label between neighbours, so that
// nobody sits on someone else's labels.
// The label widths that stay readable (one or two lines), in model units.
const MIN_LABEL_WIDTH = 110;
const MAX_LABEL_WIDTH = 240;
const LOOP_LABEL_WIDTH = 140;
const AVERAGE_NAME_GLYPH = 8.6;
const NODE_PADDING = 24;
const LABEL_MARGIN = 14;
const UP = 0;
const DOWN = 180;
const LOOP_CLEARANCE = 40;

/** The Cytoscape id of a person's node; prefixed because person and relation ids may coincide. */
export function personNodeId(personId: string): string {
  return `person:${personId}`;
}

/** The Cytoscape id of a relation's edge. */
export function relationEdgeId(relationId: string): string {
  return `relation:${relationId}`;
}

/** How to place the people of a map. */
export interface PlacementOptions {
  /** Places everyone by the automatic layout, as if nobody had been dragged (the Re-layout action). */
  ignoreSavedPositions?: boolean;
}

/**
 * Turns one system of a case into Cytoscape elements: each member a node
 * labelled with the person's name and coloured as that person is in every
 * map; each relation a directed edge labelled with its roles; a relation of a
 * person to themself a loop. Pure and deterministic: the same case gives the
 * same picture, and a saved position wins over the automatic one.
 */
export function systemMapElements(kase: Case, system: SystemId, options: PlacementOptions = {}): SystemMapElements {
  const { members, relations } = kase.systems[system];
  const saved = (member: Member) => (options.ignoreSavedPositions ? undefined : member.position);
  const people = new Map(kase.people.map((person) => [person.id, person]));
  const placed = startingPositions(members.filter((m) => saved(m) === undefined).flatMap((m) => people.get(m.person) ?? []));

  const nodes = members.map((member) => ({
    group: 'nodes' as const,
    data: {
      id: personNodeId(member.person),
      personId: member.person,
      label: people.get(member.person)?.name ?? member.person,
      colour: personColour(kase.people, member.person),
    },
    // A copy: Cytoscape keeps the object it is given and moves it in place on
    // every drag and layout, which would silently rewrite the case held as an
    // earlier state in the undo history.
    position: { ...(saved(member) ?? placed.get(member.person) ?? { x: 0, y: 0 }) },
  }));

  const roleLabels = roleLabelsOf(kase);
  const positionOf = new Map(nodes.map((node) => [node.data.personId, node.position]));
  const edges = relations.map((relation) => {
    const from = positionOf.get(relation.from) ?? { x: 0, y: 0 };
    const to = positionOf.get(relation.to) ?? { x: 0, y: 0 };
    const data: RelationEdgeData = {
      id: relationEdgeId(relation.id),
      relationId: relation.id,
      source: personNodeId(relation.from),
      target: personNodeId(relation.to),
      label: relationLabel(relation, roleLabels),
      labelWidth: LOOP_LABEL_WIDTH,
    };
    if (relation.from === relation.to) {
      const others = nodes.filter((node) => node.data.personId !== relation.from).map((node) => node.position);
      data.loopDirection = loopDirection(from, others);
      return { group: 'edges' as const, data, classes: 'self-relation' };
    }
    const ends = nameAllowance(people.get(relation.from)?.name) + nameAllowance(people.get(relation.to)?.name);
    const room = Math.hypot(to.x - from.x, to.y - from.y) - ends;
    data.labelWidth = Math.round(Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH, room)));
    return { group: 'edges' as const, data, classes: '' };
  });

  return { nodes, edges };
}

/**
 * Where a person's loop points, in degrees clockwise from twelve o'clock:
 * straight up or down when nobody is near that way (the maps have height to
 * spare, not width), else halfway across the widest gap between the
 * people around them, so that the loop and its label sit where nobody is drawn.
 */
function loopDirection(centre: { x: number; y: number }, others: readonly { x: number; y: number }[]): number {
  const angles = others
    .filter((p) => p.x !== centre.x || p.y !== centre.y)
    .map((p) => (Math.atan2(p.x - centre.x, centre.y - p.y) * 180) / Math.PI)
    .map((degrees) => (degrees + 360) % 360)
    .sort((a, b) => a - b);
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

/**
 * About half the width of a person's node plus a margin: how much of a
 * relation's length that end's node covers. An estimate (an average glyph
 * width), since the true width is only known once the map draws the name;
 * a longer name wraps onto a second line, so a node is never wider.
 */
function nameAllowance(name: string | undefined): number {
  return (Math.min((name?.length ?? 0) * AVERAGE_NAME_GLYPH, NAME_MAX_WIDTH) + NODE_PADDING) / 2 + LABEL_MARGIN;
}

