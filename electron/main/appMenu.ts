import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/menuCommands';

/** What the application menu needs from the running app. */
export interface AppMenuOptions {
  /** process.platform: macOS gets its own app menu, and Quit moves there. */
  platform: string;
  /** Delivers a chosen command to the page of the window in front. */
  sendCommand: (command: MenuCommand) => void;
  /** Offers the developer tools (only in an unpackaged build). */
  devTools: boolean;
}

/**
 * An item that asks the page to act. The accelerator is shown but not
 * registered (registerAccelerator: false): a registered one would swallow the
 * key press before the page sees it, and only the page knows whether Ctrl+Z
 * belongs to the text field being typed in or to the case's edit history.
 * The page already handles each of these keys itself (useUndoShortcuts,
 * VaultGate, App), so the key and the menu reach the same action.
 */
function pageCommand(label: string, accelerator: string, command: MenuCommand, sendCommand: (command: MenuCommand) => void): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => sendCommand(command) };
}

/** The template of Triptych's application menu (for Menu.buildFromTemplate). */
export function appMenuTemplate({ platform, sendCommand, devTools }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Triptych',
          submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: mac ? [{ role: 'close', label: 'Close window' }] : [{ role: 'close', label: 'Close window' }, { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        pageCommand('Undo', 'CmdOrCtrl+Z', 'undo', sendCommand),
        pageCommand('Redo', 'Shift+CmdOrCtrl+Z', 'redo', sendCommand),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        pageCommand('Lock now', 'CmdOrCtrl+L', 'lock', sendCommand),
        { type: 'separator' },
        // Larger text for a clinician who needs it: the default menu had these.
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
    // Minimise, zoom and the window list, where macOS users look for them.
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: 'Help',
      submenu: [pageCommand('Keyboard shortcuts', 'F1', 'show-shortcuts', sendCommand)],
    },
  ];
}
