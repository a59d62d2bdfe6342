import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import { CommandError, applyCommand, describeCommand, type CaseCommand } from '../../shared/commands';

// A small case that uses every part an edit can touch: a supervisor, an
// "other" with a note, saved positions, self-relations, notes, and a custom
// role and feeling in use. Written out here so these expectations do not
// move when another suite's fixture does.
const SAMPLE: CaseInput = {
  id: 'sample-case',
  title: 'M., 42: work anxiety',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-20T17:30:00.000Z',
  summary: 'Presenting concerns.',
  people: [
    { id: 'c', name: 'Mark', kind: 'client' },
    { id: 't', name: 'Elena', kind: 'therapist' },
    { id: 's', name: 'Sam', kind: 'supervisor' },
    { id: 'o', name: 'Owen', kind: 'other', note: 'line manager' },
    { id: 'n', name: 'Nadia', kind: 'other' },
  ],
  systems: {
    client: {
      members: [
        { person: 'c', roles: ['performer'], feelings: ['pressured', 'numb'], position: { x: 120.5, y: -40 } },
        { person: 'o', roles: ['martyr', 'critic'], feelings: [], position: { x: 10, y: 20 } },
        { person: 'n', roles: [], feelings: ['numb'] },
      ],
      relations: [
        { id: 'r1', from: 'o', to: 'c', fromRole: 'critic', toRole: 'performer', act: 'reviews his work line by line' },
        { id: 'r2', from: 'c', to: 'c', fromRole: 'self-critic', act: 'mistakes are costly' },
        { id: 'r7', from: 'n', to: 'c', fromRole: 'martyr' },
      ],
      notes: 'As the client tells it.',
    },
    therapy: {
      members: [
        { person: 'c', roles: [], feelings: ['anxious'] },
        { person: 't', roles: ['rescuer'], feelings: ['pressured', 'inadequate'] },
      ],
      relations: [
        { id: 'r3', from: 'c', to: 't', fromRole: 'evaluator', toRole: 'performer', act: 'asks whether he is doing it right' },
        { id: 'r4', from: 't', to: 'c', fromRole: 'rescuer' },
      ],
      notes: '',
    },
    supervision: {
      members: [
        { person: 't', roles: [], feelings: ['anxious'] },
        { person: 's', roles: [], feelings: [] },
      ],
      relations: [{ id: 'r6', from: 's', to: 't', fromRole: 'critic', toRole: 'martyr' }],
      notes: 'Sam pushes for a plan.',
    },
  },
  customRoles: [{ id: 'martyr', label: 'Martyr', sasb: 'self.6' }],
  customFeelings: [{ id: 'numb', label: 'Numb' }],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The sample case, parsed and deep-frozen, so any mutation by a command throws. */
function sample(): Case {
  return deepFreeze(CaseSchema.parse(SAMPLE));
}

/** The sample case without its supervisor (and so with an empty supervision). */
function sampleWithoutSupervisor(): Case {
  const kase = CaseSchema.parse(SAMPLE);
  return deepFreeze({
    ...kase,
    people: kase.people.filter((p) => p.kind !== 'supervisor'),
    systems: { ...kase.systems, supervision: { members: [], relations: [] } },
  });
}

/**
 * Applies a command to a frozen case and checks what every edit promises: the
 * input is untouched, and the result is a valid case already in the form the
 * schema gives (no stray undefined fields, nothing untrimmed).
 */
function apply(kase: Case, command: CaseCommand): Case {
  const before = structuredClone(kase);
  const result = applyCommand(deepFreeze(kase), command);
  expect(kase).toStrictEqual(before);
  expect(CaseSchema.parse(result)).toStrictEqual(result);
  expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  return result;
}

/** The CommandError a refused command throws; fails when the command is applied instead. */
function refusal(kase: Case, command: CaseCommand): CommandError {
  const before = structuredClone(kase);
  let caught: unknown;
  try {
    applyCommand(deepFreeze(kase), command);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CommandError);
  expect(kase).toStrictEqual(before);
  return caught as CommandError;
}

const person = (kase: Case, id: string) => kase.people.find((p) => p.id === id);
const memberIds = (kase: Case, system: keyof Case['systems']) => kase.systems[system].members.map((m) => m.person);
const relationIdsIn = (kase: Case, system: keyof Case['systems']) => kase.systems[system].relations.map((r) => r.id);
const member = (kase: Case, system: keyof Case['systems'], id: string) => kase.systems[system].members.find((m) => m.person === id);

describe('set-title', () => {
  it('sets the title, trimmed, and leaves people and systems as they were', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-title', title: '  M., 42: panic at work  ' });
    expect(next.title).toBe('M., 42: panic at work');
    expect(next.people).toBe(kase.people);
    expect(next.systems).toBe(kase.systems);
  });

  it('returns the same case when the trimmed title is unchanged', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-title', title: ' M., 42: work anxiety ' })).toBe(kase);
  });

  it('accepts 200 characters and refuses an empty or longer title', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-title', title: 'x'.repeat(200) }).title).toHaveLength(200);
    expect(refusal(kase, { type: 'set-title', title: '   ' })).toMatchObject({ code: 'invalid', message: 'The title cannot be empty.' });
    expect(refusal(kase, { type: 'set-title', title: 'x'.repeat(201) })).toMatchObject({
      code: 'invalid',
      message: 'The title can be at most 200 characters; this one has 201.',
    });
  });
});

describe('set-summary', () => {
  it('sets the summary as typed', () => {
    const next = apply(sample(), { type: 'set-summary', summary: ' Formulation: pressure.\n' });
    expect(next.summary).toBe(' Formulation: pressure.\n');
  });

  it('stores an empty summary as none, and clearing none is no change', () => {
    const cleared = apply(sample(), { type: 'set-summary', summary: '' });
    expect('summary' in cleared).toBe(false);
    expect(apply(cleared, { type: 'set-summary', summary: '' })).toBe(cleared);
  });

  it('accepts 20,000 characters and refuses more', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-summary', summary: 'x'.repeat(20_000) }).summary).toHaveLength(20_000);
    expect(refusal(kase, { type: 'set-summary', summary: 'x'.repeat(20_001) })).toMatchObject({
      code: 'invalid',
      message: 'The summary can be at most 20,000 characters; this one has 20,001. Shorten it first.',
    });
  });
});

describe('set-system-notes', () => {
  it('changes only the system whose notes change', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-system-notes', system: 'therapy', notes: 'He wants me to grade him.' });
    expect(next.systems.therapy.notes).toBe('He wants me to grade him.');
    expect(next.systems.therapy.members).toBe(kase.systems.therapy.members);
    expect(next.systems.client).toBe(kase.systems.client);
    expect(next.systems.supervision).toBe(kase.systems.supervision);
    expect(next.people).toBe(kase.people);
  });

  it('treats empty notes and no notes alike', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-system-notes', system: 'therapy', notes: '' })).toBe(kase);
    const cleared = apply(kase, { type: 'set-system-notes', system: 'client', notes: '' });
    expect('notes' in cleared.systems.client).toBe(false);
  });

  it('refuses notes over 20,000 characters', () => {
    expect(refusal(sample(), { type: 'set-system-notes', system: 'supervision', notes: 'x'.repeat(20_001) })).toMatchObject({
      code: 'invalid',
      message: 'The notes on Supervision can be at most 20,000 characters; this one has 20,001. Shorten it first.',
    });
  });
});

describe('add-person', () => {
  it('adds a person, trimmed, as a fresh member of the chosen systems only', () => {
    const kase = sample();
    const next = apply(kase, {
      type: 'add-person',
      person: { id: 'm', name: '  Mother ', kind: 'other', note: 'lives nearby' },
      systems: ['client', 'therapy'],
    });
    expect(next.people.at(-1)).toStrictEqual({ id: 'm', name: 'Mother', kind: 'other', note: 'lives nearby' });
    expect(next.people.slice(0, -1)).toStrictEqual(kase.people);
    expect(next.systems.client.members.at(-1)).toStrictEqual({ person: 'm', roles: [], feelings: [] });
    expect(memberIds(next, 'therapy')).toEqual(['c', 't', 'm']);
    expect(next.systems.supervision).toBe(kase.systems.supervision);
    expect(next.people[0]).toBe(kase.people[0]);
  });

  it('stores no note key when the note is empty, and adds to no system when none is chosen', () => {
    const kase = sample();
    const next = apply(kase, { type: 'add-person', person: { id: 'm', name: 'Mother', kind: 'other', note: '' }, systems: [] });
    expect(next.people.at(-1)).toStrictEqual({ id: 'm', name: 'Mother', kind: 'other' });
    expect(next.systems).toBe(kase.systems);
  });

  it('puts a new supervisor in supervision together with the therapist', () => {
    const next = apply(sampleWithoutSupervisor(), {
      type: 'add-person',
      person: { id: 'sup', name: 'Sam', kind: 'supervisor' },
      systems: [],
    });
    expect(memberIds(next, 'supervision')).toEqual(['t', 'sup']);
    expect(memberIds(next, 'client')).toEqual(['c', 'o', 'n']);
  });

  it('refuses a second client, therapist or supervisor', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'add-person', person: { id: 'x', name: 'Xan', kind: 'client' }, systems: [] })).toMatchObject({
      code: 'not-allowed',
      message: 'Mark is already the client, and a case has only one. Add Xan as another person, then make them the client if you need to.',
    });
    expect(refusal(kase, { type: 'add-person', person: { id: 'x', name: 'Xan', kind: 'therapist' }, systems: [] }).code).toBe('not-allowed');
    expect(refusal(kase, { type: 'add-person', person: { id: 'x', name: 'Xan', kind: 'supervisor' }, systems: [] }).message).toBe(
      'Sam is already the supervisor, and a case has only one. Add Xan as another person, then make them the supervisor if you need to.',
    );
  });

  it('refuses someone in supervision when the case has no supervisor', () => {
    expect(
      refusal(sampleWithoutSupervisor(), { type: 'add-person', person: { id: 'x', name: 'Xan', kind: 'other' }, systems: ['supervision'] }),
    ).toMatchObject({ code: 'not-allowed', message: 'Supervision needs a supervisor first: add the supervisor, then add Xan to it.' });
  });

  it('refuses a taken or malformed id, a bad name and a long note', () => {
    const kase = sample();
    const add = (id: string, name: string, note?: string): CaseCommand => ({
      type: 'add-person',
      person: { id, name, kind: 'other', note },
      systems: [],
    });
    expect(refusal(kase, add('o', 'Olga'))).toMatchObject({
      code: 'not-allowed',
      message: 'Someone in this case already has the id "o"; choose another id.',
    });
    expect(refusal(kase, add('has space', 'Olga'))).toMatchObject({
      code: 'invalid',
      message: '"has space" cannot be the id of a person: use 1–64 letters, digits, "_" or "-".',
    });
    expect(refusal(kase, add('x', ' '))).toMatchObject({ code: 'invalid', message: 'A name cannot be empty.' });
    expect(refusal(kase, add('x', 'y'.repeat(121))).message).toBe('A name can be at most 120 characters; this one has 121.');
    expect(apply(kase, add('x', 'y'.repeat(120))).people.at(-1)?.name).toHaveLength(120);
    expect(refusal(kase, add('x', 'Olga', 'z'.repeat(20_001))).code).toBe('invalid');
  });

  it('refuses a 501st person', () => {
    const base = CaseSchema.parse(SAMPLE);
    const crowded = CaseSchema.parse({
      ...base,
      people: [...base.people, ...Array.from({ length: 495 }, (_, i) => ({ id: `x${i}`, name: `Other ${i}`, kind: 'other' }))],
    });
    expect(crowded.people).toHaveLength(500);
    expect(refusal(crowded, { type: 'add-person', person: { id: 'y', name: 'One more', kind: 'other' }, systems: [] })).toMatchObject({
      code: 'not-allowed',
      message: 'A case can hold at most 500 people; remove someone before adding another.',
    });
  });
});

describe('rename-person', () => {
  it('renames, trimmed, replacing only that person', () => {
    const kase = sample();
    const next = apply(kase, { type: 'rename-person', personId: 'o', name: ' Owen B. ' });
    expect(person(next, 'o')).toStrictEqual({ id: 'o', name: 'Owen B.', kind: 'other', note: 'line manager' });
    expect(next.people[0]).toBe(kase.people[0]);
    expect(next.systems).toBe(kase.systems);
  });

  it('returns the same case for the same name, and refuses an empty name or an unknown person', () => {
    const kase = sample();
    expect(apply(kase, { type: 'rename-person', personId: 'o', name: 'Owen ' })).toBe(kase);
    expect(refusal(kase, { type: 'rename-person', personId: 'o', name: '' }).message).toBe('A name cannot be empty.');
    expect(refusal(kase, { type: 'rename-person', personId: 'zz', name: 'Zed' })).toMatchObject({
      code: 'not-found',
      message: 'This case has no person "zz"; they may have been removed already.',
    });
  });
});

describe('set-person-note', () => {
  it('sets, keeps and clears a note', () => {
    const kase = sample();
    expect(person(apply(kase, { type: 'set-person-note', personId: 'n', note: 'sister' }), 'n')?.note).toBe('sister');
    expect(apply(kase, { type: 'set-person-note', personId: 'o', note: 'line manager' })).toBe(kase);
    expect(apply(kase, { type: 'set-person-note', personId: 'n', note: '' })).toBe(kase);
    expect(person(apply(kase, { type: 'set-person-note', personId: 'o', note: '' }), 'o')).toStrictEqual({ id: 'o', name: 'Owen', kind: 'other' });
  });

  it('refuses a note over 20,000 characters and an unknown person', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'set-person-note', personId: 'o', note: 'x'.repeat(20_001) }).message).toBe(
      'The note on Owen can be at most 20,000 characters; this one has 20,001. Shorten it first.',
    );
    expect(refusal(kase, { type: 'set-person-note', personId: 'zz', note: 'x' }).code).toBe('not-found');
  });
});

describe('set-person-kind', () => {
  it('returns the same case when the kind is unchanged', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-person-kind', personId: 'o', kind: 'other' })).toBe(kase);
    expect(apply(kase, { type: 'set-person-kind', personId: 'c', kind: 'client' })).toBe(kase);
  });

  it('refuses to make the client or the therapist something else', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'set-person-kind', personId: 'c', kind: 'other' })).toMatchObject({
      code: 'not-allowed',
      message: 'Mark is the client, and a case has exactly one. To change who is the client, make another person the client instead.',
    });
    expect(refusal(kase, { type: 'set-person-kind', personId: 't', kind: 'supervisor' })).toMatchObject({
      code: 'not-allowed',
      message: 'Elena is the therapist, and a case has exactly one. To change who is the therapist, make another person the therapist instead.',
    });
  });

  it('hands the client over: the former client becomes another person and the new one joins the client world and therapy', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-person-kind', personId: 'o', kind: 'client' });
    expect(next.people.map((p) => [p.id, p.kind])).toEqual([
      ['c', 'other'],
      ['t', 'therapist'],
      ['s', 'supervisor'],
      ['o', 'client'],
      ['n', 'other'],
    ]);
    expect(memberIds(next, 'client')).toEqual(['c', 'o', 'n']);
    expect(memberIds(next, 'therapy')).toEqual(['c', 't', 'o']);
    expect(next.systems.client).toBe(kase.systems.client);
    expect(next.systems.supervision).toBe(kase.systems.supervision);
  });

  it('hands the therapist over, and the new therapist joins therapy and supervision', () => {
    const next = apply(sample(), { type: 'set-person-kind', personId: 'n', kind: 'therapist' });
    expect(person(next, 't')?.kind).toBe('other');
    expect(person(next, 'n')?.kind).toBe('therapist');
    expect(memberIds(next, 'therapy')).toEqual(['c', 't', 'n']);
    expect(memberIds(next, 'supervision')).toEqual(['t', 's', 'n']);
    expect(relationIdsIn(next, 'supervision')).toEqual(['r6']);
  });

  it('makes someone the supervisor of a case without one, with the therapist, in supervision', () => {
    const next = apply(sampleWithoutSupervisor(), { type: 'set-person-kind', personId: 'o', kind: 'supervisor' });
    expect(person(next, 'o')?.kind).toBe('supervisor');
    expect(next.systems.supervision).toStrictEqual({
      members: [
        { person: 't', roles: [], feelings: [] },
        { person: 'o', roles: [], feelings: [] },
      ],
      relations: [],
    });
  });

  it('hands the supervisor over, keeping the supervision map', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-person-kind', personId: 'n', kind: 'supervisor' });
    expect(person(next, 's')?.kind).toBe('other');
    expect(memberIds(next, 'supervision')).toEqual(['t', 's', 'n']);
    expect(next.systems.supervision.relations).toBe(kase.systems.supervision.relations);
  });

  it('empties supervision of members and relations, keeping its notes, when the supervisor becomes another person', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-person-kind', personId: 's', kind: 'other' });
    expect(person(next, 's')).toStrictEqual({ id: 's', name: 'Sam', kind: 'other' });
    expect(next.systems.supervision).toStrictEqual({ members: [], relations: [], notes: 'Sam pushes for a plan.' });
    expect(next.systems.client).toBe(kase.systems.client);
    expect(next.systems.therapy).toBe(kase.systems.therapy);
  });

  it('empties supervision when the supervisor is made the therapist', () => {
    const next = apply(sample(), { type: 'set-person-kind', personId: 's', kind: 'therapist' });
    expect(person(next, 't')?.kind).toBe('other');
    expect(memberIds(next, 'therapy')).toEqual(['c', 't', 's']);
    expect(next.systems.supervision.members).toEqual([]);
    expect(next.systems.supervision.relations).toEqual([]);
  });
});

describe('remove-person', () => {
  it('removes the person, their memberships and the relations they take part in', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-person', personId: 'o' });
    expect(next.people.map((p) => p.id)).toEqual(['c', 't', 's', 'n']);
    expect(memberIds(next, 'client')).toEqual(['c', 'n']);
    expect(relationIdsIn(next, 'client')).toEqual(['r2', 'r7']);
    expect(next.systems.therapy).toBe(kase.systems.therapy);
    expect(next.systems.supervision).toBe(kase.systems.supervision);
  });

  it('empties supervision when the supervisor is removed', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-person', personId: 's' });
    expect(next.people.some((p) => p.kind === 'supervisor')).toBe(false);
    expect(next.systems.supervision).toStrictEqual({ members: [], relations: [], notes: 'Sam pushes for a plan.' });
    expect(next.systems.client).toBe(kase.systems.client);
  });

  it('refuses to remove the client or the therapist, or someone unknown', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'remove-person', personId: 'c' })).toMatchObject({
      code: 'not-allowed',
      message: 'Mark is the client and cannot be removed: a case has exactly one. Make another person the client first, or rename Mark.',
    });
    expect(refusal(kase, { type: 'remove-person', personId: 't' }).code).toBe('not-allowed');
    expect(refusal(kase, { type: 'remove-person', personId: 'zz' }).code).toBe('not-found');
  });

  it('lets the former client go once someone else is the client', () => {
    const handedOver = apply(sample(), { type: 'set-person-kind', personId: 'n', kind: 'client' });
    const next = apply(handedOver, { type: 'remove-person', personId: 'c' });
    expect(memberIds(next, 'client')).toEqual(['o', 'n']);
    expect(relationIdsIn(next, 'client')).toEqual([]);
    expect(relationIdsIn(next, 'therapy')).toEqual([]);
  });
});

describe('add-member', () => {
  it('adds a person to a system as a fresh member', () => {
    const kase = sample();
    const next = apply(kase, { type: 'add-member', system: 'therapy', personId: 'o' });
    expect(next.systems.therapy.members.at(-1)).toStrictEqual({ person: 'o', roles: [], feelings: [] });
    expect(next.systems.therapy.relations).toBe(kase.systems.therapy.relations);
    expect(next.systems.client).toBe(kase.systems.client);
    expect(next.people).toBe(kase.people);
  });

  it('returns the same case for someone already a member', () => {
    const kase = sample();
    expect(apply(kase, { type: 'add-member', system: 'client', personId: 'o' })).toBe(kase);
  });

  it('adds to supervision only when the case has a supervisor', () => {
    expect(memberIds(apply(sample(), { type: 'add-member', system: 'supervision', personId: 'c' }), 'supervision')).toEqual(['t', 's', 'c']);
    expect(refusal(sampleWithoutSupervisor(), { type: 'add-member', system: 'supervision', personId: 'o' })).toMatchObject({
      code: 'not-allowed',
      message: 'Supervision needs a supervisor first: add the supervisor, then add Owen to it.',
    });
  });

  it('refuses an unknown person', () => {
    expect(refusal(sample(), { type: 'add-member', system: 'client', personId: 'zz' }).code).toBe('not-found');
  });
});

describe('remove-member', () => {
  it('takes the person out of that system only, with their relations there', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-member', system: 'client', personId: 'n' });
    expect(memberIds(next, 'client')).toEqual(['c', 'o']);
    expect(relationIdsIn(next, 'client')).toEqual(['r1', 'r2']);
    expect(next.people).toBe(kase.people);
    expect(next.systems.therapy).toBe(kase.systems.therapy);
  });

  it('refuses to take out the people a system must hold', () => {
    const kase = sample();
    const cases: [keyof Case['systems'], string, string][] = [
      ['client', 'c', 'Mark is the client and must stay in Client\'s world; they cannot be taken out of it.'],
      ['therapy', 'c', 'Mark is the client and must stay in Therapy; they cannot be taken out of it.'],
      ['therapy', 't', 'Elena is the therapist and must stay in Therapy; they cannot be taken out of it.'],
      ['supervision', 't', 'Elena is the therapist and must stay in Supervision; they cannot be taken out of it.'],
      ['supervision', 's', 'Sam is the supervisor and must stay in Supervision; they cannot be taken out of it.'],
    ];
    for (const [system, personId, message] of cases) {
      expect(refusal(kase, { type: 'remove-member', system, personId })).toMatchObject({ code: 'not-allowed', message });
    }
  });

  it('lets the client leave supervision, where they are not required', () => {
    const withClient = apply(sample(), { type: 'add-member', system: 'supervision', personId: 'c' });
    const next = apply(withClient, { type: 'remove-member', system: 'supervision', personId: 'c' });
    expect(memberIds(next, 'supervision')).toEqual(['t', 's']);
  });

  it('returns the same case for someone who is not a member, and refuses someone unknown', () => {
    const kase = sample();
    expect(apply(kase, { type: 'remove-member', system: 'therapy', personId: 'o' })).toBe(kase);
    expect(refusal(kase, { type: 'remove-member', system: 'therapy', personId: 'zz' }).code).toBe('not-found');
  });
});

describe('set-member-roles and set-member-feelings', () => {
  it('sets roles, dropping repeats silently, and changes only that member', () => {
    const kase = sample();
    const next = apply(kase, { type: 'set-member-roles', system: 'client', personId: 'c', roles: ['critic', 'martyr', 'critic'] });
    expect(member(next, 'client', 'c')).toStrictEqual({
      person: 'c',
      roles: ['critic', 'martyr'],
      feelings: ['pressured', 'numb'],
      position: { x: 120.5, y: -40 },
    });
    expect(member(next, 'client', 'o')).toBe(member(kase, 'client', 'o'));
    expect(next.systems.client.relations).toBe(kase.systems.client.relations);
    expect(next.systems.therapy).toBe(kase.systems.therapy);
  });

  it('sets feelings, built-in and custom, dropping repeats', () => {
    const next = apply(sample(), { type: 'set-member-feelings', system: 'therapy', personId: 't', feelings: ['numb', 'bored', 'numb'] });
    expect(member(next, 'therapy', 't')?.feelings).toEqual(['numb', 'bored']);
  });

  it('returns the same case when the list is unchanged (after dropping repeats)', () => {
    const kase = sample();
    expect(apply(kase, { type: 'set-member-roles', system: 'client', personId: 'o', roles: ['martyr', 'critic', 'martyr'] })).toBe(kase);
    expect(apply(kase, { type: 'set-member-feelings', system: 'client', personId: 'n', feelings: ['numb'] })).toBe(kase);
  });

  it('refuses unknown roles and feelings, and people who are not members', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'set-member-roles', system: 'client', personId: 'c', roles: ['critic', 'perfomer'] })).toMatchObject({
      code: 'not-found',
      message: 'There is no role "perfomer" in this case; choose one from the list, or add it as a custom role first.',
    });
    expect(refusal(kase, { type: 'set-member-feelings', system: 'client', personId: 'c', feelings: ['pressured'.toUpperCase()] })).toMatchObject({
      code: 'not-found',
      message: 'There is no feeling "PRESSURED" in this case; choose one from the list, or add it as a custom feeling first.',
    });
    expect(refusal(kase, { type: 'set-member-roles', system: 'therapy', personId: 'o', roles: [] })).toMatchObject({
      code: 'not-found',
      message: 'Owen is not in Therapy; add them to it first.',
    });
    expect(refusal(kase, { type: 'set-member-feelings', system: 'therapy', personId: 'zz', feelings: [] }).code).toBe('not-found');
  });
});

describe('add-relation', () => {
  it('adds a relation holding only the fields that have a value', () => {
    const kase = sample();
    const next = apply(kase, {
      type: 'add-relation',
      system: 'therapy',
      relation: { id: 'r8', from: 't', to: 'c', fromRole: 'evaluator', toRole: 'performer', act: '' },
    });
    expect(next.systems.therapy.relations.at(-1)).toStrictEqual({ id: 'r8', from: 't', to: 'c', fromRole: 'evaluator', toRole: 'performer' });
    expect(next.systems.therapy.members).toBe(kase.systems.therapy.members);
    expect(next.systems.client).toBe(kase.systems.client);
  });

  it('adds a relation of a person to themself with one role and a custom role', () => {
    const next = apply(sample(), { type: 'add-relation', system: 'therapy', relation: { id: 'self', from: 't', to: 't', fromRole: 'martyr', act: 'works late' } });
    expect(next.systems.therapy.relations.at(-1)).toStrictEqual({ id: 'self', from: 't', to: 't', fromRole: 'martyr', act: 'works late' });
  });

  it('refuses a second role on a relation of a person to themself', () => {
    expect(
      refusal(sample(), { type: 'add-relation', system: 'therapy', relation: { id: 'r8', from: 't', to: 't', fromRole: 'critic', toRole: 'performer' } }),
    ).toMatchObject({ code: 'invalid', message: 'A relation of Elena to themself has only one role; clear the second role.' });
  });

  it('refuses ends that are not members of the system, or not in the case', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'add-relation', system: 'therapy', relation: { id: 'r8', from: 'o', to: 'c' } })).toMatchObject({
      code: 'not-allowed',
      message: 'Owen is not in Therapy; add them to it before drawing a relation.',
    });
    expect(refusal(kase, { type: 'add-relation', system: 'therapy', relation: { id: 'r8', from: 'c', to: 'zz' } }).code).toBe('not-found');
  });

  it('refuses unknown roles', () => {
    expect(
      refusal(sample(), { type: 'add-relation', system: 'client', relation: { id: 'r8', from: 'o', to: 'c', toRole: 'perfomer' } }),
    ).toMatchObject({ code: 'not-found', message: 'There is no role "perfomer" in this case; choose one from the list, or add it as a custom role first.' });
  });

  it('refuses an id used anywhere in the case, or malformed', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'add-relation', system: 'therapy', relation: { id: 'r6', from: 'c', to: 't' } })).toMatchObject({
      code: 'not-allowed',
      message: 'A relation with the id "r6" already exists in this case; choose another id.',
    });
    expect(refusal(kase, { type: 'add-relation', system: 'therapy', relation: { id: '', from: 'c', to: 't' } }).code).toBe('invalid');
  });

  it('refuses an act over 20,000 characters', () => {
    expect(
      refusal(sample(), { type: 'add-relation', system: 'therapy', relation: { id: 'r8', from: 'c', to: 't', act: 'x'.repeat(20_001) } }),
    ).toMatchObject({ code: 'invalid', message: 'The act can be at most 20,000 characters; this one has 20,001. Shorten it first.' });
  });

  it('refuses a 2,001st relation in one system', () => {
    const base = CaseSchema.parse(SAMPLE);
    const full = CaseSchema.parse({
      ...base,
      systems: {
        ...base.systems,
        therapy: { ...base.systems.therapy, relations: Array.from({ length: 2_000 }, (_, i) => ({ id: `n${i}`, from: 'c', to: 't' })) },
      },
    });
    expect(refusal(full, { type: 'add-relation', system: 'therapy', relation: { id: 'one-more', from: 'c', to: 't' } })).toMatchObject({
      code: 'not-allowed',
      message: 'Therapy already holds 2,000 relations, the most a system can hold; remove one before adding another.',
    });
    expect(relationIdsIn(apply(full, { type: 'add-relation', system: 'client', relation: { id: 'one-more', from: 'c', to: 'o' } }), 'client')).toHaveLength(4);
  });
});

describe('update-relation', () => {
  it('changes the fields named, clears a role given as null, and keeps its place', () => {
    const kase = sample();
    const next = apply(kase, {
      type: 'update-relation',
      system: 'client',
      relationId: 'r1',
      changes: { fromRole: 'devaluer', toRole: null, act: 'sighs at his drafts' },
    });
    expect(next.systems.client.relations).toStrictEqual([
      { id: 'r1', from: 'o', to: 'c', fromRole: 'devaluer', act: 'sighs at his drafts' },
      kase.systems.client.relations[1],
      kase.systems.client.relations[2],
    ]);
    expect(next.systems.client.relations[1]).toBe(kase.systems.client.relations[1]);
    expect(next.systems.client.members).toBe(kase.systems.client.members);
  });

  it('moves an end, and clears the act when given empty', () => {
    const next = apply(sample(), { type: 'update-relation', system: 'client', relationId: 'r1', changes: { from: 'n', act: '' } });
    expect(next.systems.client.relations[0]).toStrictEqual({ id: 'r1', from: 'n', to: 'c', fromRole: 'critic', toRole: 'performer' });
  });

  it('returns the same case when nothing changes', () => {
    const kase = sample();
    expect(
      apply(kase, { type: 'update-relation', system: 'client', relationId: 'r1', changes: { from: 'o', fromRole: 'critic', act: 'reviews his work line by line' } }),
    ).toBe(kase);
    expect(apply(kase, { type: 'update-relation', system: 'client', relationId: 'r2', changes: { toRole: null } })).toBe(kase);
  });

  it('turns a relation on a person themself only when the second role is cleared too', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'update-relation', system: 'client', relationId: 'r1', changes: { from: 'c' } })).toMatchObject({
      code: 'invalid',
      message: 'A relation of Mark to themself has only one role; clear the second role.',
    });
    const next = apply(kase, { type: 'update-relation', system: 'client', relationId: 'r1', changes: { from: 'c', toRole: null } });
    expect(next.systems.client.relations[0]).toStrictEqual({ id: 'r1', from: 'c', to: 'c', fromRole: 'critic', act: 'reviews his work line by line' });
  });

  it('refuses an unknown relation, a non-member end and an unknown role', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'update-relation', system: 'therapy', relationId: 'r1', changes: { act: 'x' } })).toMatchObject({
      code: 'not-found',
      message: 'Therapy has no relation "r1"; it may have been removed already.',
    });
    expect(refusal(kase, { type: 'update-relation', system: 'therapy', relationId: 'r3', changes: { to: 's' } }).code).toBe('not-allowed');
    expect(refusal(kase, { type: 'update-relation', system: 'therapy', relationId: 'r3', changes: { fromRole: 'nobody' } }).code).toBe('not-found');
  });
});

describe('remove-relation', () => {
  it('removes one relation', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-relation', system: 'therapy', relationId: 'r3' });
    expect(next.systems.therapy.relations).toStrictEqual([kase.systems.therapy.relations[1]]);
    expect(next.systems.therapy.members).toBe(kase.systems.therapy.members);
    expect(next.systems.client).toBe(kase.systems.client);
  });

  it('refuses a relation that is not in that system', () => {
    expect(refusal(sample(), { type: 'remove-relation', system: 'therapy', relationId: 'r6' }).code).toBe('not-found');
  });
});

describe('custom roles', () => {
  it('adds a role with and without a SASB code, label trimmed', () => {
    const kase = sample();
    const next = apply(kase, { type: 'add-custom-role', role: { id: 'saboteur', label: ' Saboteur ', sasb: 'other.7' } });
    expect(next.customRoles.at(-1)).toStrictEqual({ id: 'saboteur', label: 'Saboteur', sasb: 'other.7' });
    expect(next.systems).toBe(kase.systems);
    const plain = apply(kase, { type: 'add-custom-role', role: { id: 'witness', label: 'Witness' } });
    expect(plain.customRoles.at(-1)).toStrictEqual({ id: 'witness', label: 'Witness' });
  });

  it('refuses an id of a built-in or existing role, a bad label and a bad SASB code', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'add-custom-role', role: { id: 'critic', label: 'Critic' } })).toMatchObject({
      code: 'not-allowed',
      message: '"critic" is the id of the built-in role "Critic"; give the custom role another id.',
    });
    expect(refusal(kase, { type: 'add-custom-role', role: { id: 'martyr', label: 'Martyr 2' } })).toMatchObject({
      code: 'not-allowed',
      message: 'The custom role "Martyr" already has the id "martyr"; give the new role another id.',
    });
    expect(refusal(kase, { type: 'add-custom-role', role: { id: 'x', label: ' ' } }).message).toBe('A role label cannot be empty.');
    expect(refusal(kase, { type: 'add-custom-role', role: { id: 'x', label: 'y'.repeat(61) } }).message).toBe(
      'A role label can be at most 60 characters; this one has 61.',
    );
    const badCode = { id: 'x', label: 'X', sasb: 'other.9' } as unknown as { id: string; label: string };
    expect(refusal(kase, { type: 'add-custom-role', role: badCode })).toMatchObject({
      code: 'invalid',
      message: '"other.9" is not a SASB code; use other.N, self.N or introject.N with N from 1 to 8.',
    });
  });

  it('relabels a role, changes or clears its code, and skips a change to the same values', () => {
    const kase = sample();
    expect(apply(kase, { type: 'update-custom-role', roleId: 'martyr', label: 'Martyr ' })).toBe(kase);
    expect(apply(kase, { type: 'update-custom-role', roleId: 'martyr', sasb: 'self.6' })).toBe(kase);
    expect(apply(kase, { type: 'update-custom-role', roleId: 'martyr', label: 'Sacrificer' }).customRoles).toStrictEqual([
      { id: 'martyr', label: 'Sacrificer', sasb: 'self.6' },
    ]);
    expect(apply(kase, { type: 'update-custom-role', roleId: 'martyr', sasb: 'introject.8' }).customRoles[0]?.sasb).toBe('introject.8');
    expect(apply(kase, { type: 'update-custom-role', roleId: 'martyr', sasb: null }).customRoles).toStrictEqual([{ id: 'martyr', label: 'Martyr' }]);
    expect(refusal(kase, { type: 'update-custom-role', roleId: 'critic', label: 'X' })).toMatchObject({
      code: 'not-found',
      message: 'This case has no custom role "critic"; it may have been removed already.',
    });
  });

  it('removes a role from every member and every relation end that used it', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-custom-role', roleId: 'martyr' });
    expect(next.customRoles).toEqual([]);
    expect(member(next, 'client', 'o')?.roles).toEqual(['critic']);
    expect(next.systems.client.relations[2]).toStrictEqual({ id: 'r7', from: 'n', to: 'c' });
    expect(next.systems.supervision.relations[0]).toStrictEqual({ id: 'r6', from: 's', to: 't', fromRole: 'critic' });
    expect(next.systems.client.relations[0]).toBe(kase.systems.client.relations[0]);
    expect(member(next, 'client', 'c')).toBe(member(kase, 'client', 'c'));
    expect(next.systems.therapy).toBe(kase.systems.therapy);
    expect(refusal(next, { type: 'remove-custom-role', roleId: 'martyr' }).code).toBe('not-found');
  });
});

describe('custom feelings', () => {
  it('adds a feeling, label trimmed', () => {
    const next = apply(sample(), { type: 'add-custom-feeling', feeling: { id: 'hollow', label: ' Hollow' } });
    expect(next.customFeelings.at(-1)).toStrictEqual({ id: 'hollow', label: 'Hollow' });
  });

  it('refuses an id of a built-in or existing feeling, and an empty label', () => {
    const kase = sample();
    expect(refusal(kase, { type: 'add-custom-feeling', feeling: { id: 'anxious', label: 'Anxious' } })).toMatchObject({
      code: 'not-allowed',
      message: '"anxious" is the id of the built-in feeling "Anxious"; give the custom feeling another id.',
    });
    expect(refusal(kase, { type: 'add-custom-feeling', feeling: { id: 'numb', label: 'Numb' } }).message).toBe(
      'The custom feeling "Numb" already has the id "numb"; give the new feeling another id.',
    );
    expect(refusal(kase, { type: 'add-custom-feeling', feeling: { id: 'x', label: '' } }).message).toBe('A feeling label cannot be empty.');
    expect(refusal(kase, { type: 'add-custom-feeling', feeling: { id: 'a b', label: 'AB' } }).code).toBe('invalid');
  });

  it('removes a feeling from every member that reported it', () => {
    const kase = sample();
    const next = apply(kase, { type: 'remove-custom-feeling', feelingId: 'numb' });
    expect(next.customFeelings).toEqual([]);
    expect(member(next, 'client', 'c')?.feelings).toEqual(['pressured']);
    expect(member(next, 'client', 'n')?.feelings).toEqual([]);
    expect(member(next, 'client', 'o')).toBe(member(kase, 'client', 'o'));
    expect(next.systems.therapy).toBe(kase.systems.therapy);
    expect(refusal(next, { type: 'remove-custom-feeling', feelingId: 'numb' }).code).toBe('not-found');
  });
});

describe('move-person and reset-layout', () => {
  it('saves a position for one member of one system', () => {
    const kase = sample();
    const next = apply(kase, { type: 'move-person', system: 'client', personId: 'n', position: { x: -3.5, y: 1e6 } });
    expect(member(next, 'client', 'n')).toStrictEqual({ person: 'n', roles: [], feelings: ['numb'], position: { x: -3.5, y: 1e6 } });
    expect(member(next, 'client', 'c')).toBe(member(kase, 'client', 'c'));
    expect(next.systems.client.relations).toBe(kase.systems.client.relations);
    expect(next.systems.therapy).toBe(kase.systems.therapy);
  });

  it('returns the same case for the same position', () => {
    const kase = sample();
    expect(apply(kase, { type: 'move-person', system: 'client', personId: 'c', position: { x: 120.5, y: -40 } })).toBe(kase);
  });

  it('refuses positions off any map and people who are not members', () => {
    const kase = sample();
    for (const position of [{ x: Number.NaN, y: 0 }, { x: 0, y: Number.POSITIVE_INFINITY }, { x: Number.NEGATIVE_INFINITY, y: 1 }]) {
      expect(refusal(kase, { type: 'move-person', system: 'client', personId: 'c', position })).toMatchObject({
        code: 'invalid',
        message: 'A position on the map needs finite x and y coordinates.',
      });
    }
    expect(refusal(kase, { type: 'move-person', system: 'therapy', personId: 'n', position: { x: 0, y: 0 } }).code).toBe('not-found');
  });

  it('forgets every saved position of one system', () => {
    const kase = sample();
    const next = apply(kase, { type: 'reset-layout', system: 'client' });
    expect(next.systems.client.members.map((m) => 'position' in m)).toEqual([false, false, false]);
    expect(member(next, 'client', 'c')).toStrictEqual({ person: 'c', roles: ['performer'], feelings: ['pressured', 'numb'] });
    expect(member(next, 'client', 'n')).toBe(member(kase, 'client', 'n'));
    expect(apply(kase, { type: 'reset-layout', system: 'therapy' })).toBe(kase);
  });
});

describe('a command Triptych does not know', () => {
  it('is refused, not applied', () => {
    const bogus = { type: 'paint-it-red' } as unknown as CaseCommand;
    expect(refusal(sample(), bogus)).toMatchObject({ code: 'invalid', message: 'Triptych does not know the edit "paint-it-red"; nothing was changed.' });
  });
});

describe('describeCommand', () => {
  it('names each edit for the Undo and Redo menu, by the names in the case it applies to', () => {
    const kase = sample();
    const labels: [CaseCommand, string][] = [
      [{ type: 'set-title', title: 'x' }, 'Edit title'],
      [{ type: 'set-summary', summary: 'x' }, 'Edit summary'],
      [{ type: 'set-system-notes', system: 'client', notes: 'x' }, "Edit Client's world notes"],
      [{ type: 'add-person', person: { id: 'm', name: ' Mother ', kind: 'other' }, systems: [] }, 'Add Mother'],
      [{ type: 'rename-person', personId: 'o', name: 'Owen B.' }, 'Rename Owen'],
      [{ type: 'set-person-kind', personId: 'o', kind: 'supervisor' }, 'Make Owen the supervisor'],
      [{ type: 'set-person-kind', personId: 's', kind: 'other' }, 'Make Sam another person'],
      [{ type: 'set-person-note', personId: 'o', note: '' }, 'Edit note on Owen'],
      [{ type: 'remove-person', personId: 'n' }, 'Remove Nadia'],
      [{ type: 'add-member', system: 'therapy', personId: 'o' }, 'Add Owen to Therapy'],
      [{ type: 'remove-member', system: 'client', personId: 'o' }, "Remove Owen from Client's world"],
      [{ type: 'set-member-roles', system: 'client', personId: 'c', roles: [] }, 'Change roles of Mark'],
      [{ type: 'set-member-feelings', system: 'client', personId: 'c', feelings: [] }, 'Change feelings of Mark'],
      [{ type: 'add-relation', system: 'client', relation: { id: 'r9', from: 'c', to: 'o' } }, 'Add relation'],
      [{ type: 'update-relation', system: 'client', relationId: 'r1', changes: {} }, 'Edit relation'],
      [{ type: 'remove-relation', system: 'client', relationId: 'r1' }, 'Remove relation'],
      [{ type: 'add-custom-role', role: { id: 'w', label: 'Witness' } }, 'Add role Witness'],
      [{ type: 'update-custom-role', roleId: 'martyr', label: 'M' }, 'Edit role Martyr'],
      [{ type: 'remove-custom-role', roleId: 'martyr' }, 'Remove role Martyr'],
      [{ type: 'add-custom-feeling', feeling: { id: 'h', label: 'Hollow' } }, 'Add feeling Hollow'],
      [{ type: 'remove-custom-feeling', feelingId: 'numb' }, 'Remove feeling Numb'],
      [{ type: 'move-person', system: 'client', personId: 'n', position: { x: 0, y: 0 } }, 'Move Nadia'],
      [{ type: 'reset-layout', system: 'supervision' }, 'Reset Supervision layout'],
    ];
    for (const [command, label] of labels) expect(describeCommand(command, kase)).toBe(label);
  });
});
