import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../shared/case/schema';
import { PERSON_KINDS, SYSTEM_IDS } from '../../shared/case/systems';
import {
  CommandError,
  applyCommand,
  canRedo,
  canUndo,
  newCase,
  recordEdit,
  redo,
  startHistory,
  undo,
  type CaseCommand,
  type EditHistory,
} from '../../shared/commands';
import type { SasbCode } from '../../shared/library/sasb';

// Small pools, so that random commands often meet what earlier ones made
// (and so succeed), and often collide with it (and so are refused).
// p3 is not in the seed below, so adding a person can succeed without first removing one.
const PEOPLE = ['client', 'therapist', 'supervisor', 'p1', 'p2', 'p3'];
const RELATIONS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
const ROLES = ['critic', 'performer', 'rescuer', 'self-critic', 'martyr', 'witness'];
const CUSTOM_ROLES = ['martyr', 'witness', 'critic'];
const FEELINGS = ['anxious', 'bored', 'numb', 'hollow'];
const CUSTOM_FEELINGS = ['numb', 'hollow', 'anxious'];
const SASB_CODES: SasbCode[] = ['other.6', 'self.5', 'introject.8'];

const ALL_TYPES: CaseCommand['type'][] = [
  'set-title', 'set-summary', 'set-system-notes', 'add-person', 'rename-person', 'set-person-kind', 'set-person-note',
  'remove-person', 'add-member', 'remove-member', 'set-member-roles', 'set-member-feelings', 'add-relation',
  'update-relation', 'remove-relation', 'add-custom-role', 'update-custom-role', 'remove-custom-role',
  'add-custom-feeling', 'remove-custom-feeling', 'move-person', 'reset-layout',
];

const system = fc.constantFrom(...SYSTEM_IDS);
const personId = fc.constantFrom(...PEOPLE);
const relationId = fc.constantFrom(...RELATIONS);
const role = fc.constantFrom(...ROLES);
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Owen', '  Nadia ', 'Zoë') },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(121)) },
);
const freeText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(20_001)) },
);
const sasb = fc.constantFrom(...SASB_CODES);
const coordinate = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double());

const command: fc.Arbitrary<CaseCommand> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-title'), title: name }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-summary'), summary: freeText }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-system-notes'), system, notes: freeText }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('add-person'),
      person: fc.record(
        { id: fc.constantFrom('p1', 'p2', 'p3', 'p3', 'client'), name, kind: fc.constantFrom(...PERSON_KINDS, 'other', 'other'), note: freeText },
        { requiredKeys: ['id', 'name', 'kind'] },
      ),
      systems: fc.subarray([...SYSTEM_IDS]),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rename-person'), personId, name }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('set-person-kind'), personId, kind: fc.constantFrom(...PERSON_KINDS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-person-note'), personId, note: freeText }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('remove-person'), personId }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('add-member'), system, personId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove-member'), system, personId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('set-member-roles'), system, personId, roles: fc.array(role, { maxLength: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('set-member-feelings'),
      system,
      personId,
      feelings: fc.array(fc.constantFrom(...FEELINGS), { maxLength: 4 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('add-relation'),
      system,
      relation: fc.record(
        { id: relationId, from: personId, to: personId, fromRole: role, toRole: role, act: freeText },
        { requiredKeys: ['id', 'from', 'to'] },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('update-relation'),
      system,
      relationId,
      changes: fc.record(
        {
          from: personId,
          to: personId,
          fromRole: fc.option(role, { nil: null }),
          toRole: fc.option(role, { nil: null }),
          act: freeText,
        },
        { requiredKeys: [] },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('remove-relation'), system, relationId }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('add-custom-role'),
      role: fc.record({ id: fc.constantFrom(...CUSTOM_ROLES), label: name, sasb }, { requiredKeys: ['id', 'label'] }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { type: fc.constant('update-custom-role'), roleId: fc.constantFrom(...CUSTOM_ROLES), label: name, sasb: fc.option(sasb, { nil: null }) },
      { requiredKeys: ['type', 'roleId'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('remove-custom-role'), roleId: fc.constantFrom(...CUSTOM_ROLES) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('add-custom-feeling'),
      feeling: fc.record({ id: fc.constantFrom(...CUSTOM_FEELINGS), label: name }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('remove-custom-feeling'), feelingId: fc.constantFrom(...CUSTOM_FEELINGS) }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('move-person'), system, personId, position: fc.record({ x: coordinate, y: coordinate }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reset-layout'), system }) },
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// Every random case starts from this much, so that edits of relations,
// positions and custom roles have something to work on.
const SEED: CaseCommand[] = [
  { type: 'add-person', person: { id: 'p1', name: 'Owen', kind: 'other' }, systems: ['client', 'therapy'] },
  { type: 'add-person', person: { id: 'p2', name: 'Nadia', kind: 'other' }, systems: ['client'] },
  { type: 'add-custom-role', role: { id: 'martyr', label: 'Martyr', sasb: 'self.6' } },
  { type: 'add-custom-feeling', feeling: { id: 'numb', label: 'Numb' } },
  { type: 'add-relation', system: 'client', relation: { id: 'r1', from: 'p1', to: 'client', fromRole: 'critic', toRole: 'performer' } },
  { type: 'add-relation', system: 'therapy', relation: { id: 'r2', from: 'client', to: 'therapist', fromRole: 'martyr' } },
  { type: 'add-relation', system: 'therapy', relation: { id: 'r3', from: 'therapist', to: 'therapist', fromRole: 'self-critic' } },
  { type: 'add-relation', system: 'supervision', relation: { id: 'r4', from: 'supervisor', to: 'therapist', toRole: 'performer' } },
  { type: 'move-person', system: 'client', personId: 'p1', position: { x: 10, y: 20 } },
  { type: 'move-person', system: 'therapy', personId: 'client', position: { x: -5, y: 0 } },
];

/** Applies what it can of the seed and `commands` to a new case; refused commands are skipped, as a clinician's would be. */
function buildCase(withSupervisor: boolean, commands: readonly CaseCommand[]): Case {
  let kase = newCase({
    id: 'random-case',
    title: 'Random case',
    clientName: 'Mark',
    therapistName: 'Elena',
    supervisorName: withSupervisor ? 'Sam' : undefined,
    now: '2026-11-01T09:00:00.000Z',
  });
  for (const next of [...SEED, ...commands]) {
    try {
      kase = applyCommand(kase, next);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
    }
  }
  return deepFreeze(kase);
}

const startCase = fc
  .record({ withSupervisor: fc.boolean(), setup: fc.array(command, { maxLength: 40 }) })
  .map(({ withSupervisor, setup }) => buildCase(withSupervisor, setup));

const edit = fc.record({ command, coalesceKey: fc.option(fc.constantFrom('title', 'drag'), { nil: undefined }) });

describe('random edits', () => {
  it('keep the case valid, refuse only with CommandError, and undo back to exactly the start', () => {
    const appliedTypes = new Set<CaseCommand['type']>();
    fc.assert(
      fc.property(startCase, fc.array(edit, { maxLength: 40 }), (start, edits) => {
        expect(CaseSchema.parse(start)).toStrictEqual(start);
        let history: EditHistory = startHistory(start);
        for (const { command: next, coalesceKey } of edits) {
          let recorded: EditHistory;
          try {
            recorded = recordEdit(history, next, { coalesceKey });
          } catch (error) {
            expect(error).toBeInstanceOf(CommandError);
            continue;
          }
          if (recorded !== history) {
            appliedTypes.add(next.type);
            // A new case is made only when something really changed.
            expect(recorded.present).not.toStrictEqual(history.present);
            expect(CaseSchema.parse(recorded.present)).toStrictEqual(recorded.present);
          }
          history = deepFreeze(recorded);
        }
        const final = history.present;
        while (canUndo(history)) history = undo(history);
        expect(history.present).toBe(start);
        while (canRedo(history)) history = redo(history);
        expect(history.present).toBe(final);
      }),
      { numRuns: 300 },
    );
    // The property says little about a command that was always refused or changed nothing.
    expect([...appliedTypes].sort()).toEqual([...ALL_TYPES].sort());
  });
});
