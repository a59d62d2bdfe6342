import { isTypingTarget } from './keyboard';
import { useMenuCommand } from './useMenuCommand';

/**
 * Edit > Undo and Edit > Redo in any text field, on every screen (the
 * passphrase, the case-list search, a dialog): they take back the typing
 * there, as the keys do. The desktop menu replaces Electron's default Edit
 * menu, whose Undo did this, and on macOS the menu receives ⌘Z itself.
 * Outside a text field these do nothing here; the case editor handles them.
 */
export function useMenuTextUndo(): void {
  useMenuCommand('undo', () => {
    if (isTypingTarget(document.activeElement)) document.execCommand('undo');
  });
  useMenuCommand('redo', () => {
    if (isTypingTarget(document.activeElement)) document.execCommand('redo');
  });
}
