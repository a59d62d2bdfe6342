import { describe, expect, it } from 'vitest';
import { analyzeCaseload, caseloadToJson } from '../../shared/analysis/caseload';
import type { Case } from '../../shared/case/schema';
import { buildCase, type SystemSketch } from '../support/generate-cases';

/** A case of `therapist` in which the therapist holds `roles` and feels `feelings` in therapy. */
function caseOf(id: string, therapist: string, therapy: SystemSketch, customRoles: Case['customRoles'] = []): Case {
  return buildCase({
    id,
    people: [
      { id: 'c', name: 'Client', kind: 'client' },
      { id: 't', name: therapist, kind: 'therapist' },
    ],
    therapy,
    customRoles,
  });
}

function held(roles: string[], feelings: string[] = []): SystemSketch {
  return { members: [{ person: 't', roles, feelings }] };
}

describe('analyzeCaseload', () => {
  it('groups cases by the trimmed, case-insensitive name and keeps the name as first met', () => {
    const caseload = analyzeCaseload([
      caseOf('a', 'elena  ', held([])),
      caseOf('b', 'Sam', held([])),
      caseOf('c', ' ELENA', held([])),
      caseOf('d', 'Elena', held([])),
    ]);
    expect(caseload.therapists.map(({ name, caseIds }) => ({ name, caseIds }))).toEqual([
      { name: 'elena', caseIds: ['a', 'c', 'd'] },
      { name: 'Sam', caseIds: ['b'] },
    ]);
  });

  it('lists what the therapist holds in therapy in two or more cases, with the share rounded to 3 decimals', () => {
    const caseload = analyzeCaseload([
      caseOf('a', 'Elena', held(['rescuer'], ['pressured'])),
      caseOf('b', 'Elena', { relations: [{ id: 'r1', from: 't', to: 'c', fromRole: 'rescuer' }] }),
      caseOf('c', 'Elena', held(['controller'], ['pressured'])),
      caseOf('d', 'Elena', held([])),
      caseOf('e', 'Elena', held([])),
      caseOf('f', 'Elena', held([])),
      caseOf('g', 'Elena', held(['controller'])),
    ]);
    expect(caseload.therapists[0]?.recurring.map(({ kind, key, caseIds, share }) => ({ kind, key, caseIds, share }))).toEqual([
      { kind: 'role', key: 'controller', caseIds: ['c', 'g'], share: 0.286 },
      { kind: 'role', key: 'rescuer', caseIds: ['a', 'b'], share: 0.286 },
      { kind: 'feeling', key: 'pressured', caseIds: ['a', 'c'], share: 0.286 },
    ]);
  });

  it('orders by share, then roles before feelings, then key in code-point order', () => {
    const zed = [{ id: 'Zed', label: 'Zed' }];
    const caseload = analyzeCaseload([
      caseOf('a', 'Elena', held(['rescuer', 'appeaser', 'Zed'], ['anxious']), zed),
      caseOf('b', 'Elena', held(['rescuer', 'appeaser', 'Zed'], ['anxious']), zed),
      caseOf('c', 'Elena', held(['rescuer'], ['bored'])),
    ]);
    expect(caseload.therapists[0]?.recurring.map(({ key, share }) => [key, share])).toEqual([
      ['rescuer', 1],
      ['Zed', 0.667],
      ['appeaser', 0.667],
      ['anxious', 0.667],
    ]);
  });

  it('keeps case ids in input order and counts only what the therapist holds', () => {
    const clientRescues: SystemSketch = { members: [{ person: 'c', roles: ['rescuer'] }] };
    const caseload = analyzeCaseload([
      caseOf('z', 'Elena', held(['victim'])),
      caseOf('m', 'Elena', clientRescues),
      caseOf('a', 'Elena', held(['victim'])),
      caseOf('b', 'Elena', clientRescues),
    ]);
    expect(caseload.therapists[0]?.caseIds).toEqual(['z', 'm', 'a', 'b']);
    expect(caseload.therapists[0]?.recurring.map(({ key, caseIds }) => [key, caseIds])).toEqual([['victim', ['z', 'a']]]);
  });

  it('lists a therapist with nothing recurring, with an empty list', () => {
    const caseload = analyzeCaseload([caseOf('a', 'Elena', held(['rescuer'])), caseOf('b', 'Elena', held(['victim']))]);
    expect(caseload.therapists).toEqual([{ name: 'Elena', caseIds: ['a', 'b'], recurring: [] }]);
  });

  it('words each recurring item as something that may be the therapist’s own material', () => {
    const caseload = analyzeCaseload([
      caseOf('a', 'Elena', held(['rescuer'], ['pressured'])),
      caseOf('b', 'Elena', held(['rescuer'], ['pressured'])),
      caseOf('c', 'Elena', held([])),
    ]);
    expect(caseload.therapists[0]?.recurring.map((item) => item.wording)).toEqual([
      { label: 'Rescuer', summary: "Rescuer in 2 of 3 cases: may be your own material rather than each client's." },
      {
        label: 'Pressured',
        summary: "Feeling pressured in 2 of 3 cases: may be your own material rather than each client's.",
      },
    ]);
  });

  it('is empty for no cases', () => {
    expect(analyzeCaseload([])).toEqual({ therapists: [] });
  });
});

describe('caseloadToJson', () => {
  it("prints analysis.md's fields only, in its key order", () => {
    const json = caseloadToJson(
      analyzeCaseload([
        caseOf('a', 'Elena', held(['rescuer'])),
        caseOf('b', 'Elena', held([])),
        caseOf('c', 'Elena', held(['rescuer'])),
      ]),
    );
    expect(JSON.stringify(json)).toBe(
      JSON.stringify({
        therapists: [
          {
            name: 'Elena',
            caseIds: ['a', 'b', 'c'],
            recurring: [{ kind: 'role', key: 'rescuer', caseIds: ['a', 'c'], share: 0.667 }],
          },
        ],
      }),
    );
  });
});
