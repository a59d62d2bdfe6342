import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/ipc/menuCommands';
import { TriptychError } from '../../shared/ipc/result';
import { openWorkspace } from '../app/openWorkspace';
import { bindContract } from '../ipc/bind';
import { isTrustedSender } from '../ipc/senderCheck';
import { resolveDataDir } from '../store/dataDir';
import { appMenuTemplate } from './appMenu';
import { hardenEveryWebContents } from './hardenContents';
import { hardenSession } from './hardenSession';
import { openMainWindow } from './mainWindow';
import { printHandoutWithElectron } from './printHandoutPdf';
import { registerAppScheme, serveRenderer } from './appProtocol';

// The entry of the desktop app: everything with a decision in it lives in
// plain modules (electron/security, electron/ipc) that the tests import.

type Workspace = Awaited<ReturnType<typeof openWorkspace>>;

const devTools = !app.isPackaged;
const dataDir = resolveDataDir();

// Electron and the command line must agree on where the cases live, and the
// single-instance lock below is taken inside userData, so both are set
// before anything else; Chromium's own caches go in a subfolder so they never
// mix with case files.
app.setName('Triptych');
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));
registerAppScheme();
app.enableSandbox();
hardenEveryWebContents(app);

let mainWindow: BrowserWindow | null = null;
let workspace: Workspace | null = null;
let closingWorkspace = false;

async function start(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  hardenSession(session.defaultSession, { devTools });
  serveRenderer(session.defaultSession, join(appRoot, 'out', 'renderer'));
  try {
    // Named from the app folder: once bundled into out/main, the store's own
    // default (relative to its source file) would point outside the app.
    const examplesDir = join(appRoot, 'resources', 'examples');
    workspace = await openWorkspace({
      dataDir,
      mode: 'desktop',
      seedExamples: true,
      examplesDir,
      firstRun: 'ask',
      printHandoutPdf: printHandoutWithElectron,
    });
  } catch (error) {
    const message =
      error instanceof TriptychError
        ? error.message
        : `Triptych could not open its case folder at ${dataDir}. Nothing was changed.`;
    if (!(error instanceof TriptychError)) console.error(error);
    dialog.showErrorBox('Triptych cannot start', message);
    app.quit();
    return;
  }
  bindContract(ipcMain, workspace.dispatch, isTrustedSender);
  mainWindow = openMainWindow({ preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'), devTools });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // Triptych has one window, so the window in front is this one.
  const sendCommand = (command: MenuCommand) => mainWindow?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, sendCommand, devTools })));
}

// Two processes writing one store could lose a clinician's edits, so a
// second launch only brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (workspace === null) return;
    // Hold the quit until the store has flushed and released its lock.
    event.preventDefault();
    if (closingWorkspace) return;
    closingWorkspace = true;
    const closing = workspace;
    void closing
      .close()
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        workspace = null;
        app.quit();
      });
  });
  start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
