import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, but
 * without its side effect: requiring 'electron' starts a download with no
 * timeout when the binary is missing, which would hang `npm start` offline.
 */

/** The folder of the installed `electron` npm package. */
export const ELECTRON_PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

/**
 * Returns the path of the Electron executable, or null when it was never
 * downloaded (no path.txt, or it points at a file that is not there).
 * @param {{ packageDir?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string | null}
 */
export function locateElectron({ packageDir = ELECTRON_PACKAGE_DIR, env = process.env } = {}) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

/**
 * The Electron version this project pins, for the instructions we print.
 * @param {{ packageDir?: string }} [options]
 * @returns {string}
 */
export function electronVersion({ packageDir = ELECTRON_PACKAGE_DIR } = {}) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
