import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/appOrigin';
import { createWindowOptions } from './windowOptions';

/** Opens Triptych's window on the bundled renderer and shows it once painted. */
export function openMainWindow(options: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
