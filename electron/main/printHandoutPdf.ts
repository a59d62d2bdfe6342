import { BrowserWindow } from 'electron';
import type { HandoutPrinter } from '../handlers/presentationHandlers';

/**
 * Prints a handout with Electron's own Chromium: the same HTML template the
 * command line prints through playwright-core, loaded into a hidden window
 * with JavaScript off (the template needs none) and, like every window, every
 * network request cancelled, so nothing can leave while it is printed.
 */
export const printHandoutWithElectron: HandoutPrinter = async (html, paper) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await window.webContents.printToPDF({ pageSize: paper, printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
