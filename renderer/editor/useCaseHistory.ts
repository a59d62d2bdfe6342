import { useCallback, useRef, useState } from 'react';
import type { Case } from '../../shared/case/schema';
import {
  CommandError,
  canRedo,
  canUndo,
  recordEdit,
  redo as redoEdit,
  redoLabel,
  startHistory,
  undo as undoEdit,
  undoLabel,
  type CaseCommand,
  type EditHistory,
} from '../../shared/commands';
import { keepArrangement } from '../../shared/scene/keepArrangement';

/** The open case's edit history, as the case screen drives it. */
export interface CaseHistory {
  /** The case as it is on screen now. */
  present: Case;
  /** Applies one edit; returns why it was refused (the case is then unchanged), or null. */
  edit: (command: CaseCommand, coalesceKey?: string) => string | null;
  undo: () => void;
  redo: () => void;
  /** "Undo Rename Owen", or null when there is nothing to undo. */
  undoLabel: string | null;
  redoLabel: string | null;
}

/**
 * Holds an EditHistory for one open case. The next history is computed
 * outside React's state updater, because recordEdit throws on a refused edit
 * and an updater must stay pure (StrictMode runs it twice).
 */
export function useCaseHistory(initial: Case): CaseHistory {
  const historyRef = useRef<EditHistory | null>(null);
  historyRef.current ??= startHistory(initial);
  const [history, setHistory] = useState<EditHistory>(historyRef.current);

  const commit = useCallback((next: EditHistory) => {
    historyRef.current = next;
    setHistory(next);
  }, []);

  const edit = useCallback(
    (command: CaseCommand, coalesceKey?: string): string | null => {
      const current = historyRef.current;
      if (!current) return null;
      try {
        const next = recordEdit(current, command, coalesceKey === undefined ? { settle: keepArrangement } : { coalesceKey, settle: keepArrangement });
        if (next !== current) commit(next);
        return null;
      } catch (error) {
        if (error instanceof CommandError) return error.message;
        throw error;
      }
    },
    [commit],
  );

  const undo = useCallback(() => {
    const current = historyRef.current;
    if (current && canUndo(current)) commit(undoEdit(current));
  }, [commit]);

  const redo = useCallback(() => {
    const current = historyRef.current;
    if (current && canRedo(current)) commit(redoEdit(current));
  }, [commit]);

  return {
    present: history.present,
    edit,
    undo,
    redo,
    undoLabel: undoLabel(history),
    redoLabel: redoLabel(history),
  };
}
