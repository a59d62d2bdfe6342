import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { MENU_CHANNEL } from '../../shared/ipc/menuCommands';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';

/**
 * Starts the built main process (out/main/index.js) under plain Node with
 * `electron` resolved to a recorder, over a real store in a temp folder, and
 * exercises what it wired up: the protocol, the IPC channels, the session
 * guards and the quit path. The Electron binary is not needed.
 */

const projectRoot = join(import.meta.dirname, '..', '..');
const builtMain = join(projectRoot, 'out', 'main', 'index.js');

// The stand-in for the electron module: records every call in order.
const FAKE_ELECTRON = `
const log = [];
const record = (name, ...args) => { log.push({ name, args }); };
const listeners = new Map();
let resolveWindow;
const windowLoaded = new Promise((resolve) => { resolveWindow = resolve; });
const handlers = { ipc: new Map(), protocol: new Map() };
export const app = {
  isPackaged: false,
  setName: (...a) => record('app.setName', ...a),
  setPath: (...a) => record('app.setPath', ...a),
  enableSandbox: () => record('app.enableSandbox'),
  requestSingleInstanceLock: () => { record('app.requestSingleInstanceLock'); return true; },
  on: (event, listener) => { record('app.on', event); listeners.set(event, listener); return app; },
  whenReady: () => { record('app.whenReady'); return Promise.resolve(); },
  getAppPath: () => ${JSON.stringify(projectRoot)},
  quit: () => record('app.quit'),
  exit: (code) => record('app.exit', code),
};
export const protocol = { registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes) };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => { record('session.setPermissionRequestHandler'); handlers.permissionRequest = h; },
    setPermissionCheckHandler: (h) => { record('session.setPermissionCheckHandler'); handlers.permissionCheck = h; },
    setDevicePermissionHandler: (h) => { record('session.setDevicePermissionHandler'); handlers.devicePermission = h; },
    webRequest: { onBeforeRequest: (h) => { record('session.webRequest.onBeforeRequest'); handlers.beforeRequest = h; } },
    protocol: { handle: (scheme, h) => { record('session.protocol.handle', scheme); handlers.protocol.set(scheme, h); } },
  },
};
export const ipcMain = { handle: (channel, h) => { record('ipcMain.handle', channel); handlers.ipc.set(channel, h); } };
export const dialog = { showErrorBox: (...a) => record('dialog.showErrorBox', ...a) };
export const Menu = {
  buildFromTemplate: (template) => { record('Menu.buildFromTemplate'); return { template }; },
  setApplicationMenu: (menu) => { record('Menu.setApplicationMenu'); handlers.menu = menu; },
};
export class BrowserWindow {
  constructor(options) { record('BrowserWindow', options); }
  webContents = { on: (event) => record('webContents.on', event), send: (...a) => record('webContents.send', ...a) };
  once(event) { record('window.once', event); return this; }
  on(event) { record('window.on', event); return this; }
  loadURL(url) { record('window.loadURL', url); resolveWindow(); return Promise.resolve(); }
}
globalThis.__fakeElectron = { log, listeners, handlers, windowLoaded };
`;

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./fake-electron.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
`;

// Runs in the child: start the main process, poke what it wired, print a report.
const DRIVER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
await import(process.env.TRIPTYCH_MAIN_URL);
const fake = globalThis.__fakeElectron;
await fake.windowLoaded;
const trusted = { senderFrame: { url: 'app://triptych/index.html', parent: null } };
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
const serve = fake.handlers.protocol.get('app');
const page = await serve({ url: 'app://triptych/index.html', method: 'GET' });
const escape = await serve({ url: 'app://triptych/..%2f..%2fpackage.json', method: 'GET' });
const cancelOf = (url) => new Promise((done) => fake.handlers.beforeRequest({ url }, (answer) => done(answer.cancel)));
const permission = await new Promise((done) => fake.handlers.permissionRequest(null, 'media', done, {}));
const report = {
  log: fake.log.map((entry) => entry.name),
  schemes: fake.log.find((entry) => entry.name === 'protocol.registerSchemesAsPrivileged').args[0],
  paths: fake.log.filter((entry) => entry.name === 'app.setPath').map((entry) => entry.args),
  windowOptions: fake.log.find((entry) => entry.name === 'BrowserWindow').args[0],
  loaded: fake.log.find((entry) => entry.name === 'window.loadURL').args[0],
  channels: [...fake.handlers.ipc.keys()],
  // A new data folder starts on the first-run screen: set it up as a clinician would, then list.
  setUp: await fake.handlers.ipc.get('vault:set-up')(trusted, { passphrase: 'electron main test passphrase' }),
  trustedList: await fake.handlers.ipc.get('cases:list')(trusted, {}),
  foreignList: await fake.handlers.ipc.get('cases:list')(foreign, {}),
  page: { status: page.status, csp: page.headers.get('content-security-policy'), text: (await page.text()).slice(0, 200) },
  escapeStatus: escape.status,
  cancelHttps: await cancelOf('https://example.com/'),
  cancelApp: await cancelOf('app://triptych/index.html'),
  permission,
  permissionCheck: fake.handlers.permissionCheck(null, 'clipboard-read', 'app://triptych', {}),
};
// Choose Edit > Undo and Help > Keyboard shortcuts, as a clinician would.
const menus = fake.handlers.menu.template;
report.menuLabels = menus.map((menu) => menu.label);
for (const [menuLabel, itemLabel] of [['Edit', 'Undo'], ['Help', 'Keyboard shortcuts']]) {
  menus.find((menu) => menu.label === menuLabel).submenu.find((item) => item.label === itemLabel).click();
}
report.menuSends = fake.log.filter((entry) => entry.name === 'webContents.send').map((entry) => entry.args);
report.log = fake.log.map((entry) => entry.name);
let prevented = false;
fake.listeners.get('before-quit')({ preventDefault: () => { prevented = true; } });
// Until the store has closed and the app quits (the test's timeout bounds the wait), then a turn more for a second quit.
const quits = () => fake.log.filter((entry) => entry.name === 'app.quit').length;
while (quits() === 0) await new Promise((done) => setTimeout(done, 10));
await new Promise((done) => setImmediate(done));
report.quitHeldForStore = prevented;
report.quitAfterClose = quits();
console.log('REPORT ' + JSON.stringify(report));
process.exit(0);
`;

type Report = {
  log: string[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  paths: [string, string][];
  windowOptions: { webPreferences: Record<string, unknown> };
  loaded: string;
  channels: string[];
  setUp: { ok: boolean };
  trustedList: { ok: boolean; value?: { cases: unknown[] } };
  foreignList: { ok: boolean; error?: { code: string } };
  page: { status: number; csp: string; text: string };
  escapeStatus: number;
  cancelHttps: boolean;
  cancelApp: boolean;
  permission: boolean;
  permissionCheck: boolean;
  menuLabels: string[];
  menuSends: unknown[][];
  quitHeldForStore: boolean;
  quitAfterClose: number;
};

let folder: string;
let dataDir: string;
let report: Report;

beforeAll(async () => {
  if (!existsSync(builtMain)) return;
  folder = await mkdtemp(join(tmpdir(), 'triptych-main-'));
  dataDir = join(folder, 'data');
  await writeFile(join(folder, 'fake-electron.mjs'), FAKE_ELECTRON);
  await writeFile(join(folder, 'hooks.mjs'), HOOKS);
  await writeFile(join(folder, 'driver.mjs'), DRIVER);
  const run = spawnSync(process.execPath, [join(folder, 'driver.mjs')], {
    cwd: projectRoot,
    encoding: 'utf8',
    // The real scrypt cost and a store on disk: generous, for a loaded 2-core machine.
    timeout: 150_000,
    env: { ...process.env, TRIPTYCH_DATA_DIR: dataDir, TRIPTYCH_MAIN_URL: pathToFileURL(builtMain).href },
  });
  const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('REPORT '));
  if (line === undefined) throw new Error(`the main process did not start:\n${run.stdout}\n${run.stderr}`);
  report = JSON.parse(line.slice('REPORT '.length)) as Report;
}, 180_000);

afterAll(async () => {
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe.skipIf(!existsSync(builtMain))('the built main process, with electron stood in for', () => {
  it('registers app:// as standard and secure, sets the data folder and sandboxes before the app is ready', () => {
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.paths).toContainEqual(['userData', dataDir]);
    const ready = report.log.indexOf('app.whenReady');
    for (const step of ['protocol.registerSchemesAsPrivileged', 'app.setPath', 'app.enableSandbox', 'app.requestSingleInstanceLock']) {
      expect(report.log.indexOf(step), step).toBeGreaterThanOrEqual(0);
      expect(report.log.indexOf(step), step).toBeLessThan(ready);
    }
  });

  it('guards the session before any window exists', () => {
    const window = report.log.indexOf('BrowserWindow');
    for (const step of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onBeforeRequest', 'session.protocol.handle']) {
      expect(report.log.indexOf(step), step).toBeGreaterThanOrEqual(0);
      expect(report.log.indexOf(step), step).toBeLessThan(window);
    }
    expect(report.cancelHttps).toBe(true);
    expect(report.cancelApp).toBe(false);
    expect(report.permission).toBe(false);
    expect(report.permissionCheck).toBe(false);
  });

  it('opens one hardened window on app://triptych', () => {
    expect(report.windowOptions.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(projectRoot, 'out', 'preload', 'index.cjs'),
    });
    expect(report.loaded).toBe('app://triptych/index.html');
  });

  it('serves the built renderer with the CSP and refuses a path out of it', () => {
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(report.page.text.toLowerCase()).toContain('<!doctype html>');
    expect(report.escapeStatus).toBe(403);
  });

  it('binds every channel to the real store, for our page only', () => {
    expect(report.channels.sort()).toEqual([...CHANNELS].sort());
    expect(report.setUp.ok).toBe(true);
    expect(report.trustedList.ok).toBe(true);
    expect(report.trustedList.value?.cases.length).toBeGreaterThan(0);
    expect(report.foreignList).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('sets the application menu once the window is open, and its page commands reach that window', () => {
    expect(report.log.indexOf('Menu.setApplicationMenu')).toBeGreaterThan(report.log.indexOf('BrowserWindow'));
    expect(report.menuLabels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    expect(report.menuSends).toEqual([
      [MENU_CHANNEL, 'undo'],
      [MENU_CHANNEL, 'show-shortcuts'],
    ]);
  });

  it('holds the quit until the store is closed, then quits', async () => {
    expect(report.quitHeldForStore).toBe(true);
    expect(report.quitAfterClose).toBe(1);
    expect(await readdir(dataDir)).not.toContain('store.lock');
  });
});
