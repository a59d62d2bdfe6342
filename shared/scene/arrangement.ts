import type { Case, RelationalSystem as SystemContent } from '../case/schema';
import type { SystemId } from '../case/systems';
import { relationLabel, roleLabelsOf } from '../library/relationLabel';
import { arrangePeople, placeInFreeSpace, type ArrangedPerson, type Point } from './arrange';
import { labelBox, nameBox } from './boxes';

export type { Point } from './arrange';

interface Arranged {
  people: Case['people'];
  customRoles: Case['customRoles'];
  positions: ReadonlyMap<string, Point>;
}

// One arrangement per system content: laying out a large map takes a moment,
// and every render, export and print of an unchanged map asks again.
const arranged = new WeakMap<SystemContent, Arranged[]>();

/**
 * Where every member of one system stands on its map. A saved position
 * always wins. A map nobody has arranged yet (no saved positions, or after
 * Re-layout) is laid out whole by the force-directed layout; in a map that
 * has been arranged, a person without a position is put into free space near
 * the people they relate to, and nobody else moves.
 */
export function arrangeSystem(kase: Case, system: SystemId): ReadonlyMap<string, Point> {
  const content = kase.systems[system];
  const known = arranged.get(content)?.find((a) => a.people === kase.people && a.customRoles === kase.customRoles);
  if (known) return known.positions;
  const positions = computeArrangement(kase, content);
  const list = arranged.get(content) ?? [];
  list.push({ people: kase.people, customRoles: kase.customRoles, positions });
  if (list.length > 4) list.shift();
  arranged.set(content, list);
  return positions;
}

function computeArrangement(kase: Case, content: SystemContent): Map<string, Point> {
  const people = new Map(kase.people.map((person) => [person.id, person]));
  const roleLabels = roleLabelsOf(kase);
  const boxOf = (personId: string): ArrangedPerson => {
    const person = people.get(personId);
    const box = nameBox(person?.name ?? personId);
    return { id: personId, kind: person?.kind ?? 'other', width: box.width, height: box.height };
  };
  const relations = content.relations.map((relation) => {
    const label = labelBox(relationLabel(relation, roleLabels));
    return { from: relation.from, to: relation.to, labelWidth: label.width, labelHeight: label.height };
  });
  const saved = content.members.filter((member) => member.position !== undefined);
  if (saved.length === 0) {
    return arrangePeople(
      content.members.map((member) => boxOf(member.person)),
      relations,
    );
  }
  const positions = new Map<string, Point>(saved.map((member) => [member.person, { ...(member.position as Point) }]));
  const placed = saved.map((member) => ({ ...boxOf(member.person), ...(member.position as Point) }));
  for (const member of content.members) {
    if (positions.has(member.person)) continue;
    const person = boxOf(member.person);
    const related = relations.filter((r) => r.from === member.person || r.to === member.person);
    const neighbours = related
      .map((r) => positions.get(r.from === member.person ? r.to : r.from))
      .filter((p): p is Point => p !== undefined);
    const room = Math.max(0, ...related.map((r) => r.labelWidth));
    const point = placeInFreeSpace(person, neighbours, placed, room);
    positions.set(member.person, point);
    placed.push({ ...person, ...point });
  }
  return positions;
}
