import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileSchema, CaseSchema, type Case } from '../../shared/case/schema';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';
import { applyCommand } from '../../shared/commands';
import { PERSON_CLEARANCE } from '../../shared/scene/arrange';
import { keepArrangement } from '../../shared/scene/keepArrangement';
import { mapScene, type MapScene, type ScenePerson } from '../../shared/scene/mapScene';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { layoutSystem } from '../../shared/presentation/mapLayout';
import { generateCase } from '../support/generate-cases';

const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples');
const examples = ['01-pressure-to-get-it-right', '02-working-harder', '03-both-waiting'].map(
  (file) => CaseFileSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, `${file}.json`), 'utf8'))).case,
);

/** A generated case with nobody placed, so the layout places everyone. */
function unplaced(seed: number, people: number): Case {
  const kase = generateCase(seed, { people, relationsPerSystem: Math.round(people * 1.2) });
  const systems = Object.fromEntries(
    SYSTEM_IDS.map((system) => [system, { ...kase.systems[system], members: kase.systems[system].members.map(({ position: _p, ...member }) => member) }]),
  );
  return CaseSchema.parse({ ...kase, systems });
}

function boxesOverlap(a: ScenePerson, b: ScenePerson, clearance = 0): boolean {
  return (
    Math.abs(a.centre.x - b.centre.x) < (a.width + b.width) / 2 + clearance && Math.abs(a.centre.y - b.centre.y) < (a.height + b.height) / 2 + clearance
  );
}

function overlaps(scene: MapScene): string[] {
  const found: string[] = [];
  scene.people.forEach((a, index) => {
    for (const b of scene.people.slice(index + 1)) if (boxesOverlap(a, b)) found.push(`${a.name} on ${b.name}`);
  });
  return found;
}

function wordsOnPeople(scene: MapScene): string[] {
  const found: string[] = [];
  for (const relation of scene.relations) {
    if (relation.lines.length === 0) continue;
    for (const person of scene.people) {
      const apartX = Math.abs(person.centre.x - relation.labelCentre.x) - (person.width + relation.labelWidth) / 2;
      const apartY = Math.abs(person.centre.y - relation.labelCentre.y) - (person.height + relation.labelHeight) / 2;
      if (apartX < 0 && apartY < 0) found.push(`${relation.relationId} on ${person.name}`);
    }
  }
  return found;
}

describe('the map scene', () => {
  it('lays out the same case the same way every time, to the unit, whatever order people were added in', () => {
    const kase = unplaced(11, 14);
    const reordered = structuredClone(kase);
    for (const system of SYSTEM_IDS) reordered.systems[system].members.reverse();
    for (const system of SYSTEM_IDS) {
      const first = JSON.stringify(mapScene(kase, system).people.map((p) => [p.personId, p.centre]));
      const again = JSON.stringify(mapScene(structuredClone(kase), system).people.map((p) => [p.personId, p.centre]));
      const other = Object.fromEntries(mapScene(reordered, system).people.map((p) => [p.personId, p.centre]));
      expect(again).toBe(first);
      expect(Object.fromEntries(JSON.parse(first) as [string, unknown][])).toEqual(other);
    }
  });

  it('puts no person on another, and no relation’s words on a person, in the examples', () => {
    for (const kase of examples) {
      for (const system of SYSTEM_IDS) {
        const scene = mapScene(kase, system);
        expect(overlaps(scene), `${kase.title} ${system}`).toEqual([]);
        expect(wordsOnPeople(scene), `${kase.title} ${system}`).toEqual([]);
      }
    }
  });

  it('keeps people apart with room to spare in large generated maps, not on a circle', () => {
    for (const size of [10, 40, 150]) {
      const scene = mapScene(unplaced(size, size + 3), 'client');
      expect(overlaps(scene), `${size} people`).toEqual([]);
      // A ring would put everyone at one distance from the middle: a force-directed layout does not.
      const cx = scene.people.reduce((sum, p) => sum + p.centre.x, 0) / scene.people.length;
      const cy = scene.people.reduce((sum, p) => sum + p.centre.y, 0) / scene.people.length;
      const radii = scene.people.map((p) => Math.hypot(p.centre.x - cx, p.centre.y - cy));
      expect(Math.min(...radii) / Math.max(...radii), `${size} people`).toBeLessThan(0.5);
    }
  });

  it('puts the therapist on the right in therapy and in supervision, the client on the left in therapy', () => {
    for (const kase of examples) {
      const x = (system: SystemId, kind: string) => {
        const person = kase.people.find((p) => p.kind === kind);
        return mapScene(kase, system).people.find((p) => p.personId === person?.id)?.centre.x ?? Number.NaN;
      };
      expect(x('therapy', 'client')).toBeLessThan(x('therapy', 'therapist'));
      expect(x('supervision', 'supervisor')).toBeLessThan(x('supervision', 'therapist'));
    }
  });

  it('is the scene the handout draws: the same places, sizes and words', () => {
    for (const kase of examples) {
      for (const system of SYSTEM_IDS) {
        const scene = mapScene(kase, system);
        const printed = layoutSystem(kase, system, (person) => person.name);
        expect(printed.nodes.map((n) => [n.personId, n.centre, n.width, n.height, n.lines])).toEqual(
          scene.people.map((p) => [p.personId, p.centre, p.width, p.height, p.lines]),
        );
        expect(printed.edges.map((e) => [e.relationId, e.labelAt, e.labelLines])).toEqual(scene.relations.map((r) => [r.relationId, r.labelCentre, r.lines]));
      }
    }
  });

  it('draws a de-identified case with everyone where they stand on screen', () => {
    for (const kase of examples) {
      const copy = deidentifyCase(kase).case;
      for (const system of SYSTEM_IDS) {
        expect(mapScene(copy, system).people.map((p) => [p.personId, p.centre])).toEqual(mapScene(kase, system).people.map((p) => [p.personId, p.centre]));
      }
    }
  });

  it('bends relations between the same two people apart, so their words do not lie on each other', () => {
    const scene = mapScene(examples[0] as Case, 'therapy');
    const labels = scene.relations.filter((r) => r.loopDirection === null);
    expect(labels.length).toBeGreaterThan(1);
    labels.forEach((a, index) => {
      for (const b of labels.slice(index + 1)) {
        const apartX = Math.abs(a.labelCentre.x - b.labelCentre.x) - (a.labelWidth + b.labelWidth) / 2;
        const apartY = Math.abs(a.labelCentre.y - b.labelCentre.y) - (a.labelHeight + b.labelHeight) / 2;
        expect(apartX >= 0 || apartY >= 0, `${a.relationId} and ${b.relationId}`).toBe(true);
      }
    });
  });
});

describe('keeping a map as it was arranged', () => {
  it('writes everyone’s drawn place into the case when one person is dragged, so nobody else moves', () => {
    const kase = examples[2] as Case;
    const before = mapScene(kase, 'client');
    const [dragged, ...others] = before.people;
    if (!dragged) throw new Error('the example has people');
    const command = { type: 'move-person' as const, system: 'client' as const, personId: dragged.personId, position: { x: dragged.centre.x + 40, y: dragged.centre.y } };
    const after = keepArrangement(kase, applyCommand(kase, command), command);
    const scene = mapScene(after, 'client');
    for (const person of others) expect(scene.people.find((p) => p.personId === person.personId)?.centre).toEqual(person.centre);
    expect(after.systems.client.members.every((member) => member.position !== undefined)).toBe(true);
    // The other maps were not touched.
    expect(after.systems.therapy).toBe(kase.systems.therapy);
  });

  it('places a person added to an arranged map into free space, moving nobody', () => {
    const kase = examples[0] as Case;
    const add = { type: 'add-person' as const, person: { id: 'newcomer', name: 'Newcomer', kind: 'other' as const }, systems: ['client' as const] };
    const after = keepArrangement(kase, applyCommand(kase, add), add);
    const before = mapScene(kase, 'client');
    const scene = mapScene(after, 'client');
    for (const person of before.people) expect(scene.people.find((p) => p.personId === person.personId)?.centre).toEqual(person.centre);
    const newcomer = scene.people.find((p) => p.personId === 'newcomer');
    if (!newcomer) throw new Error('the newcomer is not drawn');
    for (const person of before.people) expect(boxesOverlap(newcomer, person, PERSON_CLEARANCE)).toBe(false);
  });

  it('lets Re-layout forget every place', () => {
    const kase = examples[0] as Case;
    const command = { type: 'reset-layout' as const, system: 'client' as const };
    const moved = applyCommand(kase, { type: 'move-person', system: 'client', personId: kase.systems.client.members[0]?.person ?? '', position: { x: 999, y: 999 } });
    const reset = keepArrangement(moved, applyCommand(moved, command), command);
    expect(reset.systems.client.members.every((member) => member.position === undefined)).toBe(true);
  });
});
