import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../shared/case/schema';
import {
  CommandError,
  applyCommand,
  newCase,
  newCaseId,
  newCustomFeelingId,
  newCustomRoleId,
  newPersonId,
  newRelationId,
  nextId,
} from '../../shared/commands';

const NOW = '2026-11-01T09:00:00.000Z';
const CASE_ID_RULE = /^[A-Za-z0-9_-]{1,64}$/;

/** A fixed sequence standing in for Math.random. */
function randomFrom(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

function thrown(run: () => unknown): CommandError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    return error as CommandError;
  }
  throw new Error('expected a CommandError, but nothing was thrown');
}

describe('newCase', () => {
  it('makes a valid case with client, therapist and supervisor in the systems they must be in', () => {
    const kase = newCase({ id: 'mark-k3x9', title: ' M., 42: work anxiety ', clientName: ' Mark', therapistName: 'Elena ', supervisorName: 'Sam', now: NOW });
    expect(kase).toStrictEqual({
      id: 'mark-k3x9',
      title: 'M., 42: work anxiety',
      createdAt: NOW,
      updatedAt: NOW,
      people: [
        { id: 'client', name: 'Mark', kind: 'client' },
        { id: 'therapist', name: 'Elena', kind: 'therapist' },
        { id: 'supervisor', name: 'Sam', kind: 'supervisor' },
      ],
      systems: {
        client: { members: [{ person: 'client', roles: [], feelings: [] }], relations: [] },
        therapy: {
          members: [
            { person: 'client', roles: [], feelings: [] },
            { person: 'therapist', roles: [], feelings: [] },
          ],
          relations: [],
        },
        supervision: {
          members: [
            { person: 'therapist', roles: [], feelings: [] },
            { person: 'supervisor', roles: [], feelings: [] },
          ],
          relations: [],
        },
      },
      customRoles: [],
      customFeelings: [],
    });
    expect(CaseSchema.parse(kase)).toStrictEqual(kase);
  });

  it('leaves supervision empty without a supervisor, and takes a blank supervisor name as none', () => {
    for (const supervisorName of [undefined, '', '   ']) {
      const kase = newCase({ id: 'c1', title: 'T', clientName: 'A', therapistName: 'B', supervisorName, now: NOW });
      expect(kase.people.map((p) => p.kind)).toEqual(['client', 'therapist']);
      expect(kase.systems.supervision).toStrictEqual({ members: [], relations: [] });
      expect(CaseSchema.parse(kase)).toStrictEqual(kase);
    }
  });

  it('refuses an empty title or name, a malformed id and a time that is not ISO 8601', () => {
    const input = { id: 'c1', title: 'T', clientName: 'A', therapistName: 'B', now: NOW };
    expect(thrown(() => newCase({ ...input, title: ' ' })).message).toBe('The title cannot be empty.');
    expect(thrown(() => newCase({ ...input, clientName: '' })).message).toBe("The client's name cannot be empty.");
    expect(thrown(() => newCase({ ...input, therapistName: 'x'.repeat(121) })).message).toBe(
      "The therapist's name can be at most 120 characters; this one has 121.",
    );
    expect(thrown(() => newCase({ ...input, id: 'no spaces' })).code).toBe('invalid');
    expect(thrown(() => newCase({ ...input, now: '1 November 2026' })).message).toBe(
      '"1 November 2026" is not an ISO 8601 date-time; the case needs one for when it was made.',
    );
  });
});

describe('nextId', () => {
  it('gives the smallest unused number after the prefix', () => {
    expect(nextId('r', [])).toBe('r1');
    expect(nextId('r', ['r1', 'r2', 'r4', 'p3'])).toBe('r3');
    expect(nextId('p', new Set(['p1', 'p2']))).toBe('p3');
    expect(nextId('r', ['r2', 'r1'])).toBe(nextId('r', ['r1', 'r2']));
  });
});

describe('newCaseId', () => {
  it('is "case-" and eight random characters, revealing nothing of the title', () => {
    expect(newCaseId([], () => 0)).toBe('case-aaaaaaaa');
    expect(newCaseId([], () => 0.999)).toBe('case-99999999');
  });

  it('draws again when the id is taken, and counts when the random source keeps repeating', () => {
    expect(newCaseId(['case-aaaaaaaa'], randomFrom([...Array(8).fill(0), ...Array(8).fill(0.999)]))).toBe('case-99999999');
    expect(newCaseId(['case-aaaaaaaa'], () => 0)).toBe('case-1');
  });

  it('always meets the case id rule and is new', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 14 })), (taken) => {
        const id = newCaseId(taken);
        expect(id).toMatch(CASE_ID_RULE);
        expect(taken).not.toContain(id);
      }),
    );
  });
});

describe('ids for new parts of a case', () => {
  const kase: Case = applyCommand(
    applyCommand(newCase({ id: 'c1', title: 'T', clientName: 'A', therapistName: 'B', supervisorName: 'S', now: NOW }), {
      type: 'add-relation',
      system: 'supervision',
      relation: { id: 'r1', from: 'supervisor', to: 'therapist' },
    }),
    { type: 'add-custom-role', role: { id: 'martyr', label: 'Martyr' } },
  );

  it('numbers people and relations (relation ids across all three systems)', () => {
    expect(newPersonId(kase)).toBe('p1');
    expect(newRelationId(kase)).toBe('r2');
  });

  it('names custom roles and feelings after their label, clear of built-in and existing ids', () => {
    expect(newCustomRoleId('Saboteur', kase)).toBe('saboteur');
    expect(newCustomRoleId('Critic', kase)).toBe('critic-1');
    expect(newCustomRoleId('Martyr', kase)).toBe('martyr-1');
    expect(newCustomRoleId('???', kase)).toBe('role');
    expect(newCustomFeelingId('Anxious', kase)).toBe('anxious-1');
    expect(newCustomFeelingId('Hollow', kase)).toBe('hollow');
  });
});
