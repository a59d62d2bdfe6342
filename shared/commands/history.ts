import type { Case } from '../case/schema';
import type { CaseCommand } from './caseCommand';
import { applyCommand } from './commands';
import { describeCommand } from './describe';

/** How many edits Undo can take back; older steps are forgotten. */
export const MAX_UNDO_STEPS = 200;

/** One step of the history: the case as it was, and the edit that moved away from it. */
export interface HistoryEntry {
  readonly case: Case;
  readonly label: string;
}

/**
 * The edits of one open case. `past` ends with the step Undo takes back;
 * `future` starts with the step Redo brings back. `coalesceKey` is the key of
 * the last recorded edit, while a run of same-key edits may still merge.
 */
export interface EditHistory {
  readonly past: readonly HistoryEntry[];
  readonly present: Case;
  readonly future: readonly HistoryEntry[];
  readonly coalesceKey?: string;
}

/** A history with nothing to undo or redo. */
export function startHistory(kase: Case): EditHistory {
  return { past: [], present: kase, future: [] };
}

/**
 * Applies an edit and makes it one undo step. Consecutive edits with the same
 * `coalesceKey` (typing in one field, dragging one node) merge into the step
 * the first of them made, so one Undo takes back the whole gesture. An edit
 * that changes nothing returns the same history; a refused edit throws
 * CommandError and the history is untouched. `settle` finishes a changed
 * case before it is recorded (the app keeps its maps' arrangement with it).
 */
export function recordEdit(
  history: EditHistory,
  command: CaseCommand,
  options: { coalesceKey?: string; settle?: (before: Case, after: Case, command: CaseCommand) => Case } = {},
): EditHistory {
  const applied = applyCommand(history.present, command);
  const next = options.settle && applied !== history.present ? options.settle(history.present, applied, command) : applied;
  if (next === history.present) return history;
  const key = options.coalesceKey;
  const merges = key !== undefined && key === history.coalesceKey && history.past.length > 0;
  const past = merges
    ? history.past
    : [...history.past, { case: history.present, label: describeCommand(command, history.present) }].slice(-MAX_UNDO_STEPS);
  return key === undefined ? { past, present: next, future: [] } : { past, present: next, future: [], coalesceKey: key };
}

/** Takes back the last edit step; the same history when there is none. */
export function undo(history: EditHistory): EditHistory {
  const step = history.past.at(-1);
  if (!step) return history;
  return {
    past: history.past.slice(0, -1),
    present: step.case,
    future: [{ case: history.present, label: step.label }, ...history.future],
  };
}

/** Brings back the last step taken back; the same history when there is none. */
export function redo(history: EditHistory): EditHistory {
  const [step, ...future] = history.future;
  if (!step) return history;
  return {
    past: [...history.past, { case: history.present, label: step.label }].slice(-MAX_UNDO_STEPS),
    present: step.case,
    future,
  };
}

/** True when there is an edit to undo. */
export function canUndo(history: EditHistory): boolean {
  return history.past.length > 0;
}

/** True when there is an undone edit to redo. */
export function canRedo(history: EditHistory): boolean {
  return history.future.length > 0;
}

/** The name of the edit Undo would take back ("Rename Owen"), or null. */
export function undoLabel(history: EditHistory): string | null {
  return history.past.at(-1)?.label ?? null;
}

/** The name of the edit Redo would bring back, or null. */
export function redoLabel(history: EditHistory): string | null {
  return history.future[0]?.label ?? null;
}
