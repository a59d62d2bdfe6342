import os from 'node:os';
import path from 'node:path';

/** The environment variable that points the app and the command line at another data folder. */
export const DATA_DIR_VARIABLE = 'TRIPTYCH_DATA_DIR';

const APP_FOLDER = 'Triptych';

/**
 * Where Triptych keeps its case store: TRIPTYCH_DATA_DIR when set, otherwise
 * the OS's per-user app-data folder, the same place Electron's
 * app.getPath('userData') gives for an app named "Triptych".
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  // Resolve with the target platform's rules so the Windows answer is right
  // even when computed (or tested) elsewhere.
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env[DATA_DIR_VARIABLE];
  if (override !== undefined && override.trim() !== '') return paths.resolve(override);
  switch (platform) {
    case 'darwin':
      return paths.join(home, 'Library', 'Application Support', APP_FOLDER);
    case 'win32':
      return paths.join(nonEmpty(env.APPDATA) ?? paths.join(home, 'AppData', 'Roaming'), APP_FOLDER);
    default:
      return paths.join(nonEmpty(env.XDG_CONFIG_HOME) ?? paths.join(home, '.config'), APP_FOLDER);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
