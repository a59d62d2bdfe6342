import { useEffect } from 'react';
import { hasCommandKey, isTypingTarget } from '../ui/keyboard';
import { useMenuCommand } from '../ui/useMenuCommand';

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the case
 * screen except in a text field, where the field's own undo of the letters
 * just typed is what the clinician expects. Edit > Undo and Redo in the
 * desktop menu follow the same rule (the text field's part is useMenuTextUndo).
 */
export function useUndoShortcuts(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasCommandKey(event) || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
  useMenuCommand('undo', () => {
    if (!isTypingTarget(document.activeElement)) undo();
  });
  useMenuCommand('redo', () => {
    if (!isTypingTarget(document.activeElement)) redo();
  });
}
