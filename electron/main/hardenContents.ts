import type { App } from 'electron';
import { decideWindowOpen, isNavigationAllowed } from '../security/requestPolicy';

/**
 * Applies the navigation policy to every web contents the app ever creates,
 * not just the main window: no leaving the app's origin, no redirects away,
 * no new windows, no <webview> (checklist items 12-14).
 */
export function hardenEveryWebContents(target: App): void {
  target.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => decideWindowOpen());
  });
}
