import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_PACKAGE_DIR, electronVersion, locateElectron } from './locate-electron.mjs';

// `npm start`: build, then run the desktop app; when the Electron binary is
// missing and cannot be fetched, say so once and run browser mode instead.

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const onWindows = process.platform === 'win32';
// Long enough for a real download of Electron on a slow line, short enough
// that an offline machine is not left waiting for minutes.
const DOWNLOAD_TIMEOUT_MS = 180_000;

/** Runs a command to completion in the project folder, with its output shown. */
function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', shell: onWindows, ...options });
}

/** Hands the terminal to a long-running child and leaves with its exit code. */
function handOver(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env, shell: command.endsWith('.cmd') });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Triptych could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function localBin(name) {
  return join(projectRoot, 'node_modules', '.bin', onWindows ? `${name}.cmd` : name);
}

const build = run(localBin('electron-vite'), ['build']);
if (build.status !== 0) {
  console.error('Triptych could not be built; see the messages above.');
  process.exit(build.status ?? 1);
}

/** Runs Electron's own installer once, bounded in time; returns why it failed, if it did. */
function tryDownloadElectron() {
  const installScript = join(ELECTRON_PACKAGE_DIR, 'install.js');
  if (!existsSync(installScript)) return 'the electron package has no installer';
  console.log('The Electron runtime is not installed yet; trying to download it once...');
  const result = run(process.execPath, [installScript], {
    shell: false,
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error?.code === 'ETIMEDOUT') return `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} seconds`;
  // The installer prints a stack trace; its first line is the part a person can use.
  return (result.stderr ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? `exit code ${result.status}`;
}

let electron = locateElectron();
let downloadFailure = '';
if (electron === null) {
  downloadFailure = tryDownloadElectron();
  electron = locateElectron();
}

if (electron === null) {
  const version = electronVersion();
  console.log(
    `\nTriptych could not start as a desktop app because the Electron ${version} runtime is not installed and could ` +
      `not be downloaded (${downloadFailure}; this machine may have no access to its download server). To get the desktop app, run ` +
      '"node node_modules/electron/install.js" (or "npx install-electron") on a machine with internet access, or ' +
      `set ELECTRON_MIRROR to a mirror you can reach, then run "npm start" again. For now Triptych starts in ` +
      'browser mode: the same app, served only to this computer, in your web browser.\n',
  );
  handOver(localBin('tsx'), [join('electron', 'web', 'main.ts')]);
} else {
  // An inherited ELECTRON_RUN_AS_NODE would make the binary behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  handOver(electron, ['.'], env);
}
