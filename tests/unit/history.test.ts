import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/case/schema';
import {
  CommandError,
  MAX_UNDO_STEPS,
  canRedo,
  canUndo,
  newCase,
  recordEdit,
  redo,
  redoLabel,
  startHistory,
  undo,
  undoLabel,
  type CaseCommand,
  type EditHistory,
} from '../../shared/commands';

const NOW = '2026-11-01T09:00:00.000Z';

function start(): Case {
  return newCase({ id: 'mark-k3x9', title: 'M., 42', clientName: 'Mark', therapistName: 'Elena', supervisorName: 'Sam', now: NOW });
}

/** Records each command in turn and returns every history on the way, the starting one first. */
function recordAll(first: EditHistory, commands: readonly CaseCommand[]): EditHistory[] {
  const histories = [first];
  for (const command of commands) histories.push(recordEdit(histories.at(-1) ?? first, command));
  return histories;
}

const MIXED_EDITS: CaseCommand[] = [
  { type: 'add-person', person: { id: 'o', name: 'Owen', kind: 'other' }, systems: ['client'] },
  { type: 'rename-person', personId: 'o', name: 'Owen B.' },
  { type: 'add-relation', system: 'client', relation: { id: 'r1', from: 'o', to: 'client', fromRole: 'critic', toRole: 'performer' } },
  { type: 'add-custom-role', role: { id: 'martyr', label: 'Martyr', sasb: 'self.6' } },
  { type: 'set-member-roles', system: 'client', personId: 'client', roles: ['martyr', 'performer'] },
  { type: 'move-person', system: 'client', personId: 'o', position: { x: 40, y: 12 } },
  { type: 'add-relation', system: 'supervision', relation: { id: 'r2', from: 'supervisor', to: 'therapist', fromRole: 'critic' } },
  { type: 'remove-custom-role', roleId: 'martyr' },
  { type: 'set-title', title: 'M., 42: work anxiety' },
  { type: 'remove-person', personId: 'supervisor' },
  { type: 'set-person-kind', personId: 'o', kind: 'client' },
];

describe('undo and redo', () => {
  it('walk back and forth through a sequence of mixed edits, to exactly each earlier case', () => {
    const histories = recordAll(startHistory(start()), MIXED_EDITS);
    const cases = histories.map((h) => h.present);
    const snapshots = cases.map((kase) => structuredClone(kase));

    let history = histories.at(-1) as EditHistory;
    for (let step = cases.length - 2; step >= 0; step--) {
      history = undo(history);
      expect(history.present).toBe(cases[step]);
    }
    expect(canUndo(history)).toBe(false);
    for (let step = 1; step < cases.length; step++) {
      history = redo(history);
      expect(history.present).toBe(cases[step]);
    }
    expect(canRedo(history)).toBe(false);
    // No case on the way was changed by a later edit.
    cases.forEach((kase, index) => expect(kase).toStrictEqual(snapshots[index]));
  });

  it('bring back the supervision map that removing the supervisor emptied', () => {
    const [, withRelation, removed] = recordAll(startHistory(start()), [
      { type: 'add-relation', system: 'supervision', relation: { id: 'r1', from: 'supervisor', to: 'therapist', fromRole: 'critic' } },
      { type: 'remove-person', personId: 'supervisor' },
    ]) as [EditHistory, EditHistory, EditHistory];
    expect(removed.present.systems.supervision).toStrictEqual({ members: [], relations: [] });
    const back = undo(removed);
    expect(back.present).toBe(withRelation.present);
    expect(back.present.systems.supervision.relations).toStrictEqual([{ id: 'r1', from: 'supervisor', to: 'therapist', fromRole: 'critic' }]);
  });

  it('name the step they would take back or bring back', () => {
    const histories = recordAll(startHistory(start()), [
      { type: 'add-person', person: { id: 'n', name: 'Nadia', kind: 'other' }, systems: ['client'] },
      { type: 'rename-person', personId: 'n', name: 'Nadia K.' },
      { type: 'move-person', system: 'client', personId: 'n', position: { x: 1, y: 2 } },
    ]);
    const last = histories.at(-1) as EditHistory;
    expect(undoLabel(last)).toBe('Move Nadia K.');
    expect(redoLabel(last)).toBeNull();
    const once = undo(last);
    expect(undoLabel(once)).toBe('Rename Nadia');
    expect(redoLabel(once)).toBe('Move Nadia K.');
    const twice = undo(once);
    expect(undoLabel(twice)).toBe('Add Nadia');
    expect(redoLabel(twice)).toBe('Rename Nadia');
    expect(undoLabel(startHistory(start()))).toBeNull();
  });

  it('do nothing when there is nothing to undo or redo', () => {
    const history = startHistory(start());
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
    expect(canUndo(history)).toBe(false);
    expect(canRedo(history)).toBe(false);
  });

  it('drop the steps that were undone once a new edit is made', () => {
    const [, first, second] = recordAll(startHistory(start()), [
      { type: 'set-title', title: 'One' },
      { type: 'set-title', title: 'Two' },
    ]) as [EditHistory, EditHistory, EditHistory];
    const branched = recordEdit(undo(second), { type: 'set-summary', summary: 'Other branch' });
    expect(canRedo(branched)).toBe(false);
    expect(branched.past.map((entry) => entry.label)).toEqual(['Edit title', 'Edit summary']);
    expect(undo(branched).present).toBe(first.present);
  });
});

describe('recordEdit', () => {
  it('leaves the history untouched when an edit is refused', () => {
    const history = startHistory(start());
    const edited = recordEdit(history, { type: 'set-title', title: 'Kept' });
    let caught: unknown;
    try {
      recordEdit(edited, { type: 'remove-person', personId: 'client' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CommandError);
    expect(edited.present.title).toBe('Kept');
    expect(edited.past).toHaveLength(1);
    expect(undoLabel(edited)).toBe('Edit title');
  });

  it('returns the same history for an edit that changes nothing', () => {
    const history = recordEdit(startHistory(start()), { type: 'set-title', title: 'Same' });
    expect(recordEdit(history, { type: 'set-title', title: ' Same ' })).toBe(history);
    expect(recordEdit(history, { type: 'reset-layout', system: 'client' })).toBe(history);
  });
});

describe('coalescing', () => {
  it('merges consecutive edits with the same key into one undo step', () => {
    const first = startHistory(start());
    let history = first;
    for (const title of ['M', 'M.', 'M., 4', 'M., 42: anxious']) {
      history = recordEdit(history, { type: 'set-title', title }, { coalesceKey: 'title' });
    }
    expect(history.present.title).toBe('M., 42: anxious');
    expect(history.past).toHaveLength(1);
    expect(undoLabel(history)).toBe('Edit title');
    expect(undo(history).present).toBe(first.present);
    expect(redo(undo(history)).present).toBe(history.present);
  });

  it('merges a drag of one node into one step, and starts a new step for another key or no key', () => {
    let history = recordEdit(startHistory(start()), { type: 'add-person', person: { id: 'n', name: 'Nadia', kind: 'other' }, systems: ['client'] });
    const beforeDrag = history.present;
    for (let x = 0; x < 5; x++) {
      history = recordEdit(history, { type: 'move-person', system: 'client', personId: 'n', position: { x, y: x } }, { coalesceKey: 'drag:client:n' });
    }
    const afterDrag = history.present;
    history = recordEdit(history, { type: 'move-person', system: 'client', personId: 'client', position: { x: 9, y: 9 } }, { coalesceKey: 'drag:client:client' });
    history = recordEdit(history, { type: 'move-person', system: 'client', personId: 'client', position: { x: 8, y: 8 } });
    history = recordEdit(history, { type: 'move-person', system: 'client', personId: 'client', position: { x: 7, y: 7 } });
    expect(history.past.map((entry) => entry.label)).toEqual(['Add Nadia', 'Move Nadia', 'Move Mark', 'Move Mark', 'Move Mark']);
    expect(undo(undo(undo(history))).present).toBe(afterDrag);
    expect(undo(undo(undo(undo(history)))).present).toBe(beforeDrag);
  });

  it('does not merge an edit made after an undo into the step that was undone', () => {
    let history = recordEdit(startHistory(start()), { type: 'set-title', title: 'Draft' }, { coalesceKey: 'title' });
    history = recordEdit(history, { type: 'set-summary', summary: 'S' }, { coalesceKey: 'summary' });
    history = undo(history);
    const afterUndo = history.present;
    history = recordEdit(history, { type: 'set-summary', summary: 'T' }, { coalesceKey: 'summary' });
    expect(history.past).toHaveLength(2);
    expect(undo(history).present).toBe(afterUndo);
  });
});

describe('depth', () => {
  it(`keeps at most ${MAX_UNDO_STEPS} undo steps, forgetting the oldest`, () => {
    let history = startHistory(start());
    const cases: Case[] = [history.present];
    for (let n = 1; n <= MAX_UNDO_STEPS + 5; n++) {
      history = recordEdit(history, { type: 'set-title', title: `Title ${n}` });
      cases.push(history.present);
    }
    expect(history.past).toHaveLength(MAX_UNDO_STEPS);
    for (let n = 0; n < MAX_UNDO_STEPS; n++) history = undo(history);
    expect(canUndo(history)).toBe(false);
    expect(history.present).toBe(cases[5]);
    expect(history.present.title).toBe('Title 5');
    expect(history.future).toHaveLength(MAX_UNDO_STEPS);
    for (let n = 0; n < MAX_UNDO_STEPS; n++) history = redo(history);
    expect(history.present).toBe(cases.at(-1));
  });
});
