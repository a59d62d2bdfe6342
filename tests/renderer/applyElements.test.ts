import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../shared/case/schema';
import { applyElements } from '../../renderer/map/applyElements';
import { personNodeId, relationEdgeId, systemMapElements } from '../../renderer/map/elements';

function caseWith(relations: { id: string; from: string; to: string; fromRole?: string; toRole?: string }[], withPartner = true): Case {
  return CaseSchema.parse({
    id: 'diff-case',
    title: 'D., 35: diffing',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    people: [
      { id: 'c', name: 'Dana', kind: 'client' },
      { id: 't', name: 'Elena', kind: 'therapist' },
      { id: 'm', name: 'Mother', kind: 'other' },
      { id: 'p', name: 'Partner', kind: 'other' },
    ],
    systems: {
      client: {
        members: [{ person: 'c' }, { person: 'm' }, ...(withPartner ? [{ person: 'p' }] : [])],
        relations,
      },
      therapy: { members: [{ person: 'c' }, { person: 't' }], relations: [] },
      supervision: { members: [], relations: [] },
    },
  });
}

// Cytoscape runs headless here: no canvas, the same graph model the maps use.
function graphOf(kase: Case) {
  const cy = cytoscape({ headless: true, styleEnabled: false });
  applyElements(cy, systemMapElements(kase, 'client'));
  return cy;
}

describe('applyElements', () => {
  it('loads a system into an empty graph', () => {
    const cy = graphOf(caseWith([{ id: 'r1', from: 'm', to: 'c', fromRole: 'critic' }]));
    expect(cy.nodes().map((node) => node.id()).sort()).toEqual([personNodeId('c'), personNodeId('m'), personNodeId('p')].sort());
    expect(cy.edges().map((edge) => edge.id())).toEqual([relationEdgeId('r1')]);
  });

  it('keeps the elements that stay, and where they are, while adding, removing and relabelling around them', () => {
    const cy = graphOf(caseWith([{ id: 'r1', from: 'm', to: 'c', fromRole: 'critic' }, { id: 'r2', from: 'c', to: 'p' }]));
    const mother = cy.getElementById(personNodeId('m'));
    const relation = cy.getElementById(relationEdgeId('r1'));
    mother.position({ x: 500, y: -40 });

    applyElements(
      cy,
      systemMapElements(caseWith([{ id: 'r1', from: 'm', to: 'c', fromRole: 'attacker' }, { id: 'r3', from: 'c', to: 'c', fromRole: 'self-critic' }], false), 'client'),
    );

    expect(cy.getElementById(personNodeId('m')).same(mother)).toBe(true);
    expect(mother.position()).toEqual({ x: 500, y: -40 });
    expect(cy.getElementById(relationEdgeId('r1')).same(relation)).toBe(true);
    expect(relation.data('label')).toBe('Attacker');
    expect(cy.getElementById(personNodeId('p')).empty()).toBe(true);
    expect(cy.getElementById(relationEdgeId('r2')).empty()).toBe(true);
    expect(cy.getElementById(relationEdgeId('r3')).hasClass('self-relation')).toBe(true);
  });

  it('redraws a relation whose ends changed between the right people', () => {
    const cy = graphOf(caseWith([{ id: 'r1', from: 'm', to: 'c' }]));
    applyElements(cy, systemMapElements(caseWith([{ id: 'r1', from: 'c', to: 'p' }]), 'client'));
    const edge = cy.getElementById(relationEdgeId('r1'));
    expect(edge.source().id()).toBe(personNodeId('c'));
    expect(edge.target().id()).toBe(personNodeId('p'));
    expect(cy.edges()).toHaveLength(1);
  });
});
