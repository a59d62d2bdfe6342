import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { App, Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenEveryWebContents } from '../../electron/main/hardenContents';
import { hardenSession } from '../../electron/main/hardenSession';
import { isRequestAllowed } from '../../electron/security/requestPolicy';

/**
 * Checklist items 5, 11-14 and the session's network filter, checked where
 * they are wired: the hooks the main process installs on every web contents
 * and on the session, driven the way Electron drives them. First through the
 * two hardening functions with Electron's objects stood in for, then through
 * the built main process (out/main/index.js) of a packaged app.
 */

type Listener = (...args: unknown[]) => unknown;
type NavigationEvent = { url: string; preventDefault(): void };

/** The parts of a WebContents the hardening touches, recording what it installs. */
function standInContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      openHandler = handler;
    },
  };
  /** Fires a navigation-like event; true when the hardening prevented it. */
  const refuses = (name: string, url: string, ...rest: unknown[]) => {
    let prevented = false;
    const event: NavigationEvent = { url, preventDefault: () => (prevented = true) };
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`nothing listens to ${name}`);
    listener(event, ...rest);
    return prevented;
  };
  return { contents, listeners, refuses, openWindow: (details: unknown) => openHandler?.(details) };
}

/** The parts of a Session the hardening touches, recording its handlers. */
function standInSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
    webRequest: { onBeforeRequest: (handler: Listener) => (handlers.beforeRequest = handler) },
  };
  const requestGranted = (permission: string) =>
    new Promise<boolean>((resolve) => handlers.request?.({}, permission, (granted: boolean) => resolve(granted), { requestingUrl: 'app://triptych/index.html' }));
  const cancels = (url: string) =>
    new Promise<boolean>((resolve) => handlers.beforeRequest?.({ url, method: 'GET', resourceType: 'xhr' }, (answer: { cancel?: boolean }) => resolve(answer.cancel === true)));
  return { session, handlers, requestGranted, cancels };
}

/** Every permission name Electron 45 can ask a session handler about. */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'unknown',
];

/** Requests the session must cancel: every network scheme, the disk, other apps' origins. */
const FOREIGN_REQUESTS = [
  'http://example.com/',
  'https://example.com/tracker.gif',
  'http://127.0.0.1:5173/@vite/client',
  'https://localhost/',
  'ws://localhost:5173/',
  'wss://example.com/socket',
  'ftp://example.com/case.json',
  'file:///etc/passwd',
  'file:///C:/Users/clinician/AppData/Roaming/Triptych/cases/a.json',
  'app://evil/index.js',
  'app://triptych:8080/index.js',
  'blob:https://example.com/6f1c0b6e',
  'chrome://gpu',
  'chrome-extension://abcdefghijklmnop/script.js',
  'devtools://devtools/bundled/inspector.html',
  'javascript:alert(1)',
];

const NAVIGATIONS_REFUSED = [
  'https://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://triptych.evil.example/index.html',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'mailto:someone@example.com',
];

describe('every web contents, as hardenEveryWebContents leaves it', () => {
  const target = { listener: undefined as Listener | undefined };
  const app = { on: (name: string, listener: Listener) => name === 'web-contents-created' && (target.listener = listener) } as unknown as App;
  hardenEveryWebContents(app);

  function created() {
    const standIn = standInContents();
    target.listener?.({}, standIn.contents);
    return standIn;
  }

  it('is hooked for every web contents the app creates, not only the main window', () => {
    expect(target.listener).toBeTypeOf('function');
    const first = created();
    const second = created();
    for (const standIn of [first, second]) {
      expect([...standIn.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    }
  });

  it('refuses navigation, frame navigation and redirects away from app://triptych', () => {
    const { refuses } = created();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of NAVIGATIONS_REFUSED) expect(refuses(event, url), `${event} ${url}`).toBe(true);
      expect(refuses(event, 'app://triptych/index.html#/case/abc'), event).toBe(false);
    }
  });

  it('denies every new window, whatever asks for it', () => {
    const { openWindow } = created();
    for (const url of ['https://example.com/', 'app://triptych/index.html', 'about:blank', '']) {
      for (const disposition of ['new-window', 'foreground-tab', 'background-tab', 'other']) {
        expect(openWindow({ url, frameName: '', features: '', disposition, referrer: {}, postBody: undefined })).toEqual({ action: 'deny' });
      }
    }
  });

  it('refuses to attach any <webview>, even one that asks for nothing dangerous', () => {
    const { refuses } = created();
    expect(refuses('will-attach-webview', 'unused', { nodeIntegration: false }, { src: 'app://triptych/index.html' })).toBe(true);
    expect(refuses('will-attach-webview', 'unused', { nodeIntegration: true, preload: '/tmp/x.js' }, { src: 'https://example.com/', allowpopups: 'true' })).toBe(true);
  });
});

describe('the session, as hardenSession leaves it in a packaged app', () => {
  const standIn = standInSession();
  hardenSession(standIn.session as unknown as Session, { devTools: false });

  it('refuses every permission request, check and device request', async () => {
    for (const permission of PERMISSIONS) {
      expect(await standIn.requestGranted(permission), permission).toBe(false);
      expect(standIn.handlers.check?.({}, permission, 'app://triptych', { isMainFrame: true }), permission).toBe(false);
    }
    expect(standIn.handlers.device?.({ deviceType: 'usb', origin: 'app://triptych', device: {} })).toBe(false);
  });

  it('cancels every network and file request and lets the app’s own through', async () => {
    for (const url of FOREIGN_REQUESTS) expect(await standIn.cancels(url), url).toBe(true);
    expect(await standIn.cancels('app://triptych/index.html')).toBe(false);
    expect(await standIn.cancels('app://triptych/assets/index-abc.js')).toBe(false);
  });

  it('cancels any http(s) or ws(s) URL at all', async () => {
    const networkUrl = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl().map((url) => url.replace(/^https?/, 'ws')),
      fc.webUrl().map((url) => url.replace(/^https?/, 'wss')),
      fc.webUrl().map((url) => url.replace(/^https?/, 'ftp')),
    );
    await fc.assert(
      fc.asyncProperty(networkUrl, async (url) => {
        expect(await standIn.cancels(url)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('allows a request only on the app origin, or a data: URL that never leaves the machine', () => {
    const scheme = fc.constantFrom('app', 'http', 'https', 'ws', 'file', 'ftp', 'blob', 'data', 'devtools', 'chrome', 'triptych');
    const host = fc.constantFrom('triptych', 'evil', 'triptych.evil', '127.0.0.1', 'localhost', '');
    fc.assert(
      fc.property(scheme, host, fc.webPath(), (s, h, p) => {
        const url = `${s}://${h}${p}`;
        const allowed = isRequestAllowed(url, { devTools: false });
        // data: carries an exported picture and never reaches a network.
        expect(allowed).toBe((s === 'app' && h === 'triptych') || s === 'data');
      }),
      { numRuns: 2000 },
    );
  });
});

// The built main process under plain Node, with `electron` resolved to a
// recorder that plays a packaged app (DevTools off).
const projectRoot = join(import.meta.dirname, '..', '..');
const builtMain = join(projectRoot, 'out', 'main', 'index.js');

const STAND_IN_ELECTRON = `
const listeners = new Map();
const handlers = {};
let resolveWindow;
const windowLoaded = new Promise((resolve) => { resolveWindow = resolve; });
export const app = {
  isPackaged: true,
  setName() {}, setPath() {}, enableSandbox() {}, quit() {}, exit() {},
  requestSingleInstanceLock: () => true,
  on: (event, listener) => { listeners.set(event, listener); return app; },
  whenReady: () => Promise.resolve(),
  getAppPath: () => ${JSON.stringify(projectRoot)},
};
export const protocol = { registerSchemesAsPrivileged() {} };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => { handlers.request = h; },
    setPermissionCheckHandler: (h) => { handlers.check = h; },
    setDevicePermissionHandler: (h) => { handlers.device = h; },
    webRequest: { onBeforeRequest: (h) => { handlers.beforeRequest = h; } },
    protocol: { handle() {} },
  },
};
export const ipcMain = { handle() {} };
export const dialog = { showErrorBox() {} };
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu: (menu) => { handlers.menu = menu; } };
export class BrowserWindow {
  constructor(options) { handlers.windowOptions = options; }
  webContents = { on() {} };
  once() { return this; }
  on() { return this; }
  loadURL() { resolveWindow(); return Promise.resolve(); }
}
globalThis.__standIn = { listeners, handlers, windowLoaded };
`;

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
`;

const DRIVER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
await import(process.env.TRIPTYCH_MAIN_URL);
const { listeners, handlers, windowLoaded } = globalThis.__standIn;
await windowLoaded;
const contentsListeners = new Map();
let openHandler;
listeners.get('web-contents-created')({}, {
  on(name, listener) { contentsListeners.set(name, listener); return this; },
  setWindowOpenHandler(handler) { openHandler = handler; },
});
const refused = (name, url, ...rest) => {
  let prevented = false;
  contentsListeners.get(name)({ url, preventDefault: () => { prevented = true; } }, ...rest);
  return prevented;
};
const cancelled = (url) => new Promise((done) => handlers.beforeRequest({ url }, (answer) => done(answer.cancel === true)));
const urls = JSON.parse(process.env.TRIPTYCH_URLS);
const report = {
  navigation: Object.fromEntries(['will-navigate', 'will-frame-navigate', 'will-redirect'].map((name) => [name, urls.navigations.map((url) => refused(name, url))])),
  ownNavigation: refused('will-navigate', 'app://triptych/index.html'),
  webview: refused('will-attach-webview', '', { nodeIntegration: true }, { src: 'https://example.com/' }),
  newWindow: openHandler({ url: 'https://example.com/', disposition: 'new-window' }),
  permissions: await Promise.all(urls.permissions.map((p) => new Promise((done) => handlers.request({}, p, done, {})))),
  checks: urls.permissions.map((p) => handlers.check({}, p, 'app://triptych', {})),
  cancelled: await Promise.all(urls.requests.map(cancelled)),
  ownRequest: await cancelled('app://triptych/index.html'),
  devToolsOption: handlers.windowOptions.webPreferences.devTools,
  menuRoles: handlers.menu.flatMap((menu) => menu.submenu.map((item) => item.role)).filter(Boolean),
};
console.log('REPORT ' + JSON.stringify(report));
process.exit(0);
`;

type BuiltReport = {
  navigation: Record<string, boolean[]>;
  ownNavigation: boolean;
  webview: boolean;
  newWindow: unknown;
  permissions: boolean[];
  checks: boolean[];
  cancelled: boolean[];
  ownRequest: boolean;
  devToolsOption: boolean;
  menuRoles: string[];
};

describe.skipIf(!existsSync(builtMain))('the built main process of a packaged app', () => {
  let folder: string;
  let report: BuiltReport;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'triptych-navigation-'));
    await writeFile(join(folder, 'electron.mjs'), STAND_IN_ELECTRON);
    await writeFile(join(folder, 'hooks.mjs'), HOOKS);
    await writeFile(join(folder, 'driver.mjs'), DRIVER);
    const run = spawnSync(process.execPath, [join(folder, 'driver.mjs')], {
      cwd: projectRoot,
      encoding: 'utf8',
      // Generous, for a loaded 2-core machine (the project's hookTimeout bounds the whole hook).
      timeout: 150_000,
      env: {
        ...process.env,
        TRIPTYCH_DATA_DIR: join(folder, 'data'),
        TRIPTYCH_MAIN_URL: pathToFileURL(builtMain).href,
        TRIPTYCH_URLS: JSON.stringify({ navigations: NAVIGATIONS_REFUSED, permissions: PERMISSIONS, requests: FOREIGN_REQUESTS }),
      },
    });
    const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('REPORT '));
    if (line === undefined) throw new Error(`the built main process did not start:\n${run.stdout}\n${run.stderr}`);
    report = JSON.parse(line.slice('REPORT '.length)) as BuiltReport;
  });

  afterAll(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('refuses every navigation away from the app, and lets it move within itself', () => {
    for (const [event, answers] of Object.entries(report.navigation)) {
      expect(answers, event).toEqual(NAVIGATIONS_REFUSED.map(() => true));
    }
    expect(report.ownNavigation).toBe(false);
  });

  it('refuses new windows and <webview>', () => {
    expect(report.newWindow).toEqual({ action: 'deny' });
    expect(report.webview).toBe(true);
  });

  it('refuses every permission, asked or checked', () => {
    expect(report.permissions).toEqual(PERMISSIONS.map(() => false));
    expect(report.checks).toEqual(PERMISSIONS.map(() => false));
  });

  it('cancels every network and file request, DevTools’ included, and serves its own', () => {
    expect(report.cancelled).toEqual(FOREIGN_REQUESTS.map(() => true));
    expect(report.ownRequest).toBe(false);
    expect(report.devToolsOption).toBe(false);
  });

  it('offers no developer tools in its application menu', () => {
    expect(report.menuRoles).toContain('togglefullscreen');
    expect(report.menuRoles).not.toContain('toggleDevTools');
  });
});
