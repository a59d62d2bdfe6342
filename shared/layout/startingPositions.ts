import type { Person } from '../case/schema';
import type { PersonKind } from '../case/systems';

/** A point in a map's own coordinates, the ones saved in `members[].position`. */
export interface MapPoint {
  x: number;
  y: number;
}

const PAIR_DISTANCE = 340;
const ARC_RADIUS = 330;
const ARC_SPACING = 250;
// Keep twelve o'clock clear above the focal person (where their loop goes,
// since the maps have height to spare and not width): a long arc hangs lower
// instead of rising higher.
const HIGHEST_ARC_ANGLE = Math.PI / 4;
const MAX_SHIFTED_ARC = (5 * Math.PI) / 4;
const KIND_ORDER: Record<PersonKind, number> = { client: 0, therapist: 1, supervisor: 2, other: 3 };

/**
 * Places people without a saved position, the same way in the app's maps,
 * in presentation mode and on handouts (one set of coordinates with the saved
 * positions). Two people sit side by side, in the order client, therapist,
 * supervisor, others (so across the triptych the therapist is on the right of
 * Therapy and the left of Supervision). From three on, the system's focal
 * person (the client, else the therapist) sits on the left and the others on
 * an arc to their right, so relations fan out left to right and no relation
 * between two others passes through a third. Ties break on person id: the
 * picture never depends on the order members were added.
 */
export function startingPositions(people: readonly Person[]): Map<string, MapPoint> {
  const ordered = [...people].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareIds(a.id, b.id));
  const positions = new Map<string, MapPoint>();
  const [first, ...rest] = ordered;
  if (!first) return positions;
  if (rest.length === 0) {
    positions.set(first.id, { x: 0, y: 0 });
  } else if (rest.length === 1) {
    positions.set(first.id, { x: -PAIR_DISTANCE / 2, y: 0 });
    positions.set((rest[0] as Person).id, { x: PAIR_DISTANCE / 2, y: 0 });
  } else {
    positions.set(first.id, { x: 0, y: 0 });
    const radius = Math.max(ARC_RADIUS, (ARC_SPACING * rest.length) / (2 * Math.PI));
    const step = Math.min(2 * Math.asin(ARC_SPACING / 2 / radius), (2 * Math.PI) / rest.length);
    const span = step * (rest.length - 1);
    const firstAngle = span <= MAX_SHIFTED_ARC ? Math.max(-span / 2, -HIGHEST_ARC_ANGLE) : -span / 2;
    rest.forEach((person, index) => {
      const angle = firstAngle + step * index;
      positions.set(person.id, { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) });
    });
  }
  return positions;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
