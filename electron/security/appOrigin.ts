/**
 * The desktop app's own origin. The renderer is served from `app://triptych`
 * (never `file://`), so every check in the main process can compare against
 * one scheme and one host instead of a folder on disk.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'triptych';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL without throwing; a string that is not a URL is simply foreign. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Returns true when `raw` is a URL of the app's own origin. Compared field by
 * field because WHATWG gives non-special schemes an opaque origin ("null"),
 * so `url.origin` cannot tell `app://triptych` from anything else.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
