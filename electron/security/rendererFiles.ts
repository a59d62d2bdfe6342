import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './appOrigin';

/**
 * Maps a request for the renderer to a file inside the built renderer folder,
 * and nothing outside it. Both the `app://` protocol handler and the
 * browser-mode server go through here, so a path that escapes the folder is
 * refused the same way whichever transport asked.
 */

export type RendererFileRefusal = 'foreign-origin' | 'traversal' | 'malformed';
export type RendererFileResolution = { ok: true; filePath: string } | { ok: false; reason: RendererFileRefusal };

// `..` as a whole segment, plain or percent-encoded, with `/`, `\` or their
// encodings as separators. Checked on the raw text because the URL parser
// silently drops plain dot segments, which would hide the attempt.
const DOT_DOT_SEGMENT = /(?:^|[\\/]|%2f|%5c)(?:\.|%2e){2}(?:$|[\\/?#]|%2f|%5c)/i;

/** Returns true when a raw request path tries to climb out with `..`, encoded or not. */
export function hasTraversal(rawPath: string): boolean {
  return DOT_DOT_SEGMENT.test(rawPath);
}

/**
 * Resolves the still-encoded path of a request (`/assets/app.js`) to a file
 * under `rendererRoot`; a folder (`/`) means its `index.html`.
 */
export function resolveRendererPath(rendererRoot: string, rawPath: string): RendererFileResolution {
  if (!rawPath.startsWith('/')) return { ok: false, reason: 'malformed' };
  if (hasTraversal(rawPath)) return { ok: false, reason: 'traversal' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // A backslash is a separator on Windows and a colon names a drive or a
  // stream there; neither belongs in a bundled file name.
  if (/[\0\\:]/.test(decoded)) return { ok: false, reason: 'traversal' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { ok: false, reason: 'traversal' };
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');
  const root = resolve(rendererRoot);
  const filePath = resolve(root, ...segments);
  if (!filePath.startsWith(root + sep)) return { ok: false, reason: 'traversal' };
  return { ok: true, filePath };
}

/** Resolves an `app://triptych/...` request URL to a file under `rendererRoot`; any other URL is refused. */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): RendererFileResolution {
  const url = parseUrl(requestUrl);
  if (
    url === null ||
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return { ok: false, reason: 'foreign-origin' };
  }
  // The raw path, before the URL parser normalises dot segments away.
  const afterOrigin = requestUrl.slice(requestUrl.indexOf(APP_HOST) + APP_HOST.length);
  const rawPath = afterOrigin.split(/[?#]/, 1)[0] ?? '';
  if (hasTraversal(rawPath)) return { ok: false, reason: 'traversal' };
  // Node's URL leaves the path of a bare `app://triptych` empty; Electron's gives "/".
  return resolveRendererPath(rendererRoot, url.pathname || '/');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The Content-Type to send for a renderer file; unknown kinds are opaque bytes, never sniffed. */
export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
