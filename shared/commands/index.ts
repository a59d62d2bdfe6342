/** The edit commands of a case and their undo history (issue 4 item 2). */
export { applyCommand, describeCommand, CommandError, type CaseCommand, type CommandErrorCode, type CommandOf } from './commands';
export { newCase } from './newCase';
export { newCaseId, newCustomFeelingId, newCustomRoleId, newPersonId, newRelationId, nextId } from './ids';
export {
  MAX_UNDO_STEPS,
  canRedo,
  canUndo,
  recordEdit,
  redo,
  redoLabel,
  startHistory,
  undo,
  undoLabel,
  type EditHistory,
  type HistoryEntry,
} from './history';
