import { Dialog } from './Dialog';

interface Shortcut {
  keys: string[];
  does: string;
}

const SHORTCUT_GROUPS: { name: string; shortcuts: Shortcut[] }[] = [
  {
    name: 'Anywhere',
    shortcuts: [
      { keys: ['F1'], does: 'Open this list of shortcuts' },
      { keys: ['?'], does: 'Open this list of shortcuts (outside a text field)' },
      { keys: ['Esc'], does: 'Close a dialog or a list of suggestions' },
      { keys: ['Ctrl', 'L'], does: 'Lock now, when your cases are protected (⌘ L on a Mac)' },
    ],
  },
  {
    name: 'In a case',
    shortcuts: [
      { keys: ['Ctrl', 'Z'], does: 'Undo the last edit (⌘ Z on a Mac)' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo (⌘ Shift Z on a Mac)' },
      { keys: ['Ctrl', 'Y'], does: 'Redo' },
      { keys: ['Shift', 'drag'], does: 'In a map: draw a relation from one person to another' },
      { keys: ['drag'], does: 'In a map: move a person; the place is kept' },
    ],
  },
  {
    name: 'Roles and feelings',
    shortcuts: [
      { keys: ['↓', '↑'], does: 'Move through the suggestions' },
      { keys: ['Enter'], does: 'Add the highlighted suggestion' },
    ],
  },
  {
    name: 'Echoes',
    shortcuts: [
      { keys: ['↓', '↑'], does: 'Move through the echoes' },
      { keys: ['Enter'], does: 'Select the echo and highlight it in all three maps' },
      { keys: ['Esc'], does: 'Clear the selection' },
    ],
  },
];

/** Every keyboard shortcut of the workbench, in a dialog (F1 or the "?" button). */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="help-panel">
      <div className="help-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.name} aria-label={group.name}>
            <h3>{group.name}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.does} className="shortcut">
                  <dt>
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && <span aria-hidden="true"> </span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">In the desktop app, Undo, Redo, Lock now and this list are also in the menu bar (Edit, View and Help).</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
