import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../shared/case/schema';
import { applyElements } from '../../renderer/map/applyElements';
import { personNodeId, systemMapElements } from '../../renderer/map/elements';
import { placeAwayFromOthers } from '../../renderer/map/placeNewPeople';

function makeCase(positions: Record<string, { x: number; y: number }> = {}): Case {
  return CaseSchema.parse({
    id: 'layout-case',
    title: 'L., 40: layout',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    people: [
      { id: 'c', name: 'Lena', kind: 'client' },
      { id: 't', name: 'Tom', kind: 'therapist' },
      { id: 'm', name: 'Mother', kind: 'other' },
    ],
    systems: {
      client: {
        members: ['c', 'm'].map((person) => ({ person, ...(positions[person] ? { position: positions[person] } : {}) })),
        relations: [],
      },
      therapy: { members: [{ person: 'c' }, { person: 't' }], relations: [] },
      supervision: { members: [], relations: [] },
    },
  });
}

describe('the map layout', () => {
  it('draws the same case the same way every time', () => {
    expect(systemMapElements(makeCase(), 'client')).toEqual(systemMapElements(makeCase(), 'client'));
  });

  it('puts a person where they were dragged, unless the map is laid out again', () => {
    const moved = makeCase({ m: { x: 900, y: 40 } });
    const mother = (kase: Case, ignoreSavedPositions = false) =>
      systemMapElements(kase, 'client', { ignoreSavedPositions }).nodes.find((node) => node.data.personId === 'm')?.position;
    expect(mother(moved)).toEqual({ x: 900, y: 40 });
    expect(mother(moved, true)).toEqual(mother(makeCase()));
  });

  it('moves a drawn node when its saved position changes (an undo), and leaves the others where they are', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    applyElements(cy, systemMapElements(makeCase({ m: { x: 900, y: 40 } }), 'client'));
    cy.getElementById(personNodeId('c')).position({ x: -500, y: -500 });
    applyElements(cy, systemMapElements(makeCase({ m: { x: 10, y: 20 } }), 'client'), new Set([personNodeId('m')]));
    expect(cy.getElementById(personNodeId('m')).position()).toEqual({ x: 10, y: 20 });
    expect(cy.getElementById(personNodeId('c')).position()).toEqual({ x: -500, y: -500 });
  });

  it('places a newly added person off the people already drawn', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    cy.add([
      { group: 'nodes', data: { id: 'a' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b' }, position: { x: 10, y: 10 } },
    ]);
    placeAwayFromOthers(cy, ['b']);
    const b = cy.getElementById('b').position();
    expect(Math.abs(b.y) >= 70 || Math.abs(b.x) >= 140).toBe(true);
    expect(cy.getElementById('a').position()).toEqual({ x: 0, y: 0 });
  });
});
