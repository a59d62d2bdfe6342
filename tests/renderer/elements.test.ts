import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFileText } from '../../shared/case/parse';
import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { personNodeId, relationEdgeId, systemMapElements } from '../../renderer/map/elements';
import { OTHER_PERSON_COLOURS as OTHER_COLOURS, PERSON_KIND_COLOURS as KIND_COLOURS } from '../../shared/scene/palette';

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../resources/examples');

function exampleCases(): Case[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseCaseFileText(readFileSync(resolve(EXAMPLES_DIR, name), 'utf8'), name).case);
}

function makeCase(overrides: Partial<CaseInput> = {}): Case {
  return CaseSchema.parse({
    id: 'test-case',
    title: 'A., 30: test',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-02T09:00:00.000Z',
    people: [
      { id: 'c', name: 'Mark', kind: 'client' },
      { id: 't', name: 'Elena', kind: 'therapist' },
      { id: 's', name: 'Sam', kind: 'supervisor' },
      { id: 'm', name: 'Manager', kind: 'other' },
      { id: 'p', name: 'Partner', kind: 'other' },
    ],
    systems: {
      client: {
        members: [{ person: 'c' }, { person: 'm' }, { person: 'p' }],
        relations: [
          { id: 'r1', from: 'm', to: 'c', fromRole: 'critic', toRole: 'performer', act: 'reviews his work line by line' },
          { id: 'r2', from: 'c', to: 'c', fromRole: 'self-critic', act: 'mistakes are costly' },
          { id: 'r3', from: 'p', to: 'c', fromRole: 'martyr', toRole: 'withdrawer' },
          { id: 'r4', from: 'c', to: 'p', act: 'goes quiet at dinner whenever work comes up, and then some more' },
        ],
      },
      therapy: {
        members: [{ person: 'c' }, { person: 't' }],
        relations: [{ id: 'r5', from: 'c', to: 't', toRole: 'rescuer' }],
      },
      supervision: {
        members: [{ person: 't' }, { person: 's' }],
        relations: [{ id: 'r6', from: 's', to: 't', fromRole: 'critic', toRole: 'performer' }],
      },
    },
    customRoles: [{ id: 'martyr', label: 'Martyr', sasb: 'self.6' }],
    ...overrides,
  });
}

function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe('systemMapElements', () => {
  it('draws every member as a node and every relation as an edge, for each example case', () => {
    const examples = exampleCases();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const kase of examples) {
      for (const system of SYSTEM_IDS) {
        const { nodes, edges } = systemMapElements(kase, system);
        expect(nodes.map((n) => n.data.personId)).toEqual(kase.systems[system].members.map((m) => m.person));
        expect(edges.map((e) => e.data.relationId)).toEqual(kase.systems[system].relations.map((r) => r.id));
      }
    }
  });

  it('labels nodes with names and arrows with "from role → to role", custom roles included', () => {
    const { nodes, edges } = systemMapElements(makeCase(), 'client');
    expect(nodes.map((n) => n.data.label)).toEqual(['Mark', 'Manager', 'Partner']);
    const words = (label: string | undefined) => label?.replace(/\n/g, ' ');
    const byRelation = new Map(edges.map((e) => [e.data.relationId, e.data]));
    expect(byRelation.get('r1')).toMatchObject({ source: personNodeId('m'), target: personNodeId('c') });
    expect(words(byRelation.get('r1')?.label)).toBe('Critic → Anxious performer');
    expect(words(byRelation.get('r3')?.label)).toBe('Martyr → Withdrawn / waiting');
  });

  it('falls back to one role, or to a shortened act, when a relation names fewer roles', () => {
    const kase = makeCase();
    const client = new Map(systemMapElements(kase, 'client').edges.map((e) => [e.data.relationId, e.data.label.replace(/\n/g, ' ')]));
    expect(client.get('r2')).toBe('Self-critic');
    expect(client.get('r4')).toBe('goes quiet at dinner whenever work come…');
    expect(systemMapElements(kase, 'therapy').edges[0]?.data.label).toBe('→ Rescuer');
  });

  it('draws a relation of a person to themself as a loop', () => {
    const loop = systemMapElements(makeCase(), 'client').edges.find((e) => e.data.relationId === 'r2');
    expect(loop?.data.source).toBe(personNodeId('c'));
    expect(loop?.data.target).toBe(personNodeId('c'));
    expect(loop?.classes).toBe('self-relation');
  });

  it('keeps node and edge ids apart when a person and a relation share an id', () => {
    const kase = makeCase({
      people: [
        { id: 'c', name: 'Mark', kind: 'client' },
        { id: 't', name: 'Elena', kind: 'therapist' },
      ],
      systems: {
        client: { members: [{ person: 'c' }], relations: [{ id: 'c', from: 'c', to: 'c', fromRole: 'self-critic' }] },
        therapy: { members: [{ person: 'c' }, { person: 't' }], relations: [] },
        supervision: { members: [], relations: [] },
      },
      customRoles: [],
    });
    const { nodes, edges } = systemMapElements(kase, 'client');
    expect(nodes[0]?.data.id).toBe(personNodeId('c'));
    expect(edges[0]?.data.id).toBe(relationEdgeId('c'));
    expect(nodes[0]?.data.id).not.toBe(edges[0]?.data.id);
  });

  it('gives a person the same colour in every map, with fixed hues for client, therapist and supervisor', () => {
    const kase = makeCase();
    const colours = new Map<string, Set<string>>();
    for (const system of SYSTEM_IDS) {
      for (const node of systemMapElements(kase, system).nodes) {
        colours.set(node.data.personId, (colours.get(node.data.personId) ?? new Set()).add(node.data.colour));
      }
    }
    for (const seen of colours.values()) expect(seen.size).toBe(1);
    const colourOf = (id: string) => [...(colours.get(id) ?? [])][0];
    expect(colourOf('c')).toBe(KIND_COLOURS.client);
    expect(colourOf('t')).toBe(KIND_COLOURS.therapist);
    expect(colourOf('s')).toBe(KIND_COLOURS.supervisor);
    expect(new Set(['c', 't', 's', 'm', 'p'].map(colourOf)).size).toBe(5);
  });

  it('uses colours that carry the white names at WCAG AA contrast', () => {
    for (const colour of [...Object.values(KIND_COLOURS), ...OTHER_COLOURS]) {
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('uses a saved position as it is', () => {
    const kase = makeCase();
    kase.systems.therapy.members[1] = { ...kase.systems.therapy.members[1]!, position: { x: 412.5, y: -80 } };
    const therapist = systemMapElements(kase, 'therapy').nodes.find((n) => n.data.personId === 't');
    expect(therapist?.position).toEqual({ x: 412.5, y: -80 });
  });

  it('places people without a saved position the same way whatever the order they were added in', () => {
    const kase = makeCase();
    const reordered = structuredClone(kase);
    reordered.systems.client.members.reverse();
    const positions = (c: Case) =>
      Object.fromEntries(systemMapElements(c, 'client').nodes.map((n) => [n.data.personId, n.position]));
    expect(positions(reordered)).toEqual(positions(kase));
    const distinct = new Set(Object.values(positions(kase)).map((p) => `${p.x},${p.y}`));
    expect(distinct.size).toBe(3);
  });

  it('points a loop where nobody else is drawn', () => {
    const { nodes, edges } = systemMapElements(makeCase(), 'client');
    const loop = edges.find((e) => e.data.relationId === 'r2');
    const self = nodes.find((n) => n.data.personId === 'c');
    const direction = loop?.data.loopDirection;
    if (direction === undefined || !self) throw new Error('expected a loop on the client');
    for (const other of nodes.filter((n) => n !== self)) {
      const towards = ((Math.atan2(other.position.x - self.position.x, self.position.y - other.position.y) * 180) / Math.PI + 360) % 360;
      const apart = Math.min(Math.abs(towards - direction), 360 - Math.abs(towards - direction));
      expect(apart).toBeGreaterThanOrEqual(40);
    }
  });

  it('puts a pair side by side with the therapist on the right in therapy and in supervision', () => {
    const kase = makeCase();
    const x = (system: 'therapy' | 'supervision', person: string) =>
      systemMapElements(kase, system).nodes.find((n) => n.data.personId === person)?.position.x ?? Number.NaN;
    expect(x('therapy', 'c')).toBeLessThan(x('therapy', 't'));
    expect(x('supervision', 's')).toBeLessThan(x('supervision', 't'));
  });
});
