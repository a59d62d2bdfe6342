import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/appOrigin';
import { createWindowOptions } from './windowOptions';

/** Opens Triptych's window on the bundled renderer and shows it once painted. */
export function openMainWindow(options: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  // The page asks to stay open (beforeunload) only while an edit is unsaved,
  // and by then it has already sent that save over IPC. A desktop window has
  // no prompt to show, so let it close: the save completes in this process,
  // and quitting waits for the store to drain its writes (index.ts, before-quit).
  window.webContents.on('will-prevent-unload', (event) => event.preventDefault());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
