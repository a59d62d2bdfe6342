import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/security/appOrigin';
import { resolveRendererFile, resolveRendererPath } from '../../electron/security/rendererFiles';
import { decideWindowOpen, isNavigationAllowed, isPermissionAllowed, isRequestAllowed } from '../../electron/security/requestPolicy';
import { createWindowOptions } from '../../electron/main/windowOptions';

const root = resolve('/srv/triptych/out/renderer');

describe('the window', () => {
  it('keeps the renderer isolated, sandboxed and without Node', () => {
    const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('allows DevTools only when asked (an unpackaged build)', () => {
    expect(createWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('starts on the app origin, not a file', () => {
    expect(APP_ENTRY_URL).toBe('app://triptych/index.html');
  });
});

describe('resolveRendererFile', () => {
  it.each([
    ['app://triptych/index.html', 'index.html'],
    ['app://triptych/', 'index.html'],
    ['app://triptych', 'index.html'],
    ['app://triptych/assets/index-abc.js?v=1#top', join('assets', 'index-abc.js')],
    ['app://triptych/assets/', join('assets', 'index.html')],
    ['app://triptych/fonts/Source%20Serif.woff2', join('fonts', 'Source Serif.woff2')],
    ['app://triptych/assets/a..b.js', join('assets', 'a..b.js')],
  ])('serves %s from the renderer folder', (url, relative) => {
    expect(resolveRendererFile(root, url)).toEqual({ ok: true, filePath: join(root, relative) });
  });

  it.each([
    'app://triptych/../secret.txt',
    'app://triptych/assets/../../secret.txt',
    'app://triptych/..%2fsecret.txt',
    'app://triptych/%2e%2e/secret.txt',
    'app://triptych/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://triptych/.%2e/secret.txt',
    'app://triptych/assets/..%5C..%5Csecret.txt',
    'app://triptych/..\\secret.txt',
    'app://triptych/C:%5CWindows%5Cwin.ini',
    'app://triptych/index.html%00.png',
  ])('refuses the traversal %s', (url) => {
    expect(resolveRendererFile(root, url)).toMatchObject({ ok: false, reason: 'traversal' });
  });

  it.each([
    'app://evil/index.html',
    'app://triptych:8080/index.html',
    'app://user:pw@triptych/index.html',
    'https://triptych/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    'index.html',
    '',
  ])('refuses the foreign request %s', (url) => {
    expect(resolveRendererFile(root, url)).toMatchObject({ ok: false, reason: 'foreign-origin' });
  });

  it('keeps an absolute path inside the folder', () => {
    expect(resolveRendererFile(root, 'app://triptych//etc/passwd')).toEqual({ ok: true, filePath: join(root, 'etc', 'passwd') });
    expect(resolveRendererPath(root, '/%2Fetc%2Fpasswd')).toEqual({ ok: true, filePath: join(root, 'etc', 'passwd') });
  });

  it('refuses malformed percent-encoding and paths that do not start at the root', () => {
    expect(resolveRendererPath(root, '/%E0%A4%A')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(resolveRendererPath(root, 'index.html')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('never resolves any request path outside the renderer folder', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c..', '\\', '%00', 'assets', 'index.html', '', '%2f', 'C:'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const rawPath = `/${segments.join('/')}`;
        for (const answer of [resolveRendererPath(root, rawPath), resolveRendererFile(root, `app://triptych${rawPath}`)]) {
          if (answer.ok) expect(answer.filePath.startsWith(root + sep)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('navigation, new windows, permissions and requests', () => {
  it('lets the window move only within the app', () => {
    expect(isNavigationAllowed('app://triptych/index.html')).toBe(true);
    expect(isNavigationAllowed('app://triptych/index.html#/case/abc')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://triptych.evil.example/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('never opens a new window', () => {
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
  });

  it('refuses every permission', () => {
    expect(isPermissionAllowed()).toBe(false);
  });

  it('lets through only the app’s own requests', () => {
    const production = { devTools: false };
    expect(isRequestAllowed('app://triptych/assets/index.js', production)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,iVBORw0KGgo=', production)).toBe(true);
    expect(isRequestAllowed('blob:app://triptych/6f1c0b6e-1d0a-4a56-9d3e-1a2b3c4d5e6f', production)).toBe(true);
    for (const url of [
      'https://example.com/tracker.gif',
      'http://127.0.0.1:8080/',
      'ws://localhost:5173/',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'app://evil/index.js',
      'blob:https://example.com/6f1c0b6e',
      'chrome-extension://abc/script.js',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isRequestAllowed(url, production), url).toBe(false);
    }
  });

  it('lets DevTools load its own pages only when DevTools are allowed', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
    expect(isRequestAllowed('https://chrome-devtools-frontend.appspot.com/', { devTools: true })).toBe(false);
  });
});
