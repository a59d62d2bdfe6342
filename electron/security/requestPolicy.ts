import { APP_ORIGIN, isAppUrl, parseUrl } from './appOrigin';

/**
 * The main process's answers to "may the page go there / open this / use
 * that?". Pure functions, so the policy is tested without Electron; the main
 * process only wires them to the matching Electron hooks.
 */

/** Whether the window may navigate (or be redirected) to `url`: only within the app itself. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** What to answer `setWindowOpenHandler`: the app never opens a second window or a browser tab. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Whether a permission (camera, notifications, clipboard read...) may be
 * granted. Triptych needs none, and case data is clinical, so every request
 * and every check is refused.
 */
export function isPermissionAllowed(): boolean {
  return false;
}

/**
 * Whether the session may load `url`. The app's own files are allowed;
 * `data:` and the app's own `blob:` URLs never touch the network (they carry
 * exported pictures and case files); DevTools' own pages only when DevTools
 * are allowed at all. Everything else (http, https, ws, file, ftp, other
 * schemes and hosts) is cancelled.
 */
export function isRequestAllowed(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:') return url.startsWith(`blob:${APP_ORIGIN}/`);
  if (parsed.protocol === 'devtools:') return options.devTools;
  return false;
}
