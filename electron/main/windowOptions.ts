import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The options of Triptych's one window. The renderer is treated as untrusted:
 * no Node, its own isolated world, Chromium's sandbox, and every web-security
 * feature left on (Electron security checklist items 2-4, 6, 8-11). Kept
 * free of runtime Electron imports so the tests can check it without Electron.
 */
export function createWindowOptions(options: { preloadPath: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Triptych',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the clinician never sees a blank white frame.
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
      safeDialogs: true,
      // A middle-click could only ask for a new window or a navigation, both already
      // refused; turning it off removes the path altogether (docs/security.md).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
