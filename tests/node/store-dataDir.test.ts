import path from 'node:path';
import { expect, it } from 'vitest';
import { resolveDataDir } from '../../electron/store/dataDir';

it('uses TRIPTYCH_DATA_DIR when it is set, as an absolute path', () => {
  expect(resolveDataDir({ TRIPTYCH_DATA_DIR: '/srv/triptych' }, 'linux', '/home/elena')).toBe('/srv/triptych');
  expect(resolveDataDir({ TRIPTYCH_DATA_DIR: 'relative/store' }, 'linux', '/home/elena')).toBe(path.resolve('relative/store'));
  expect(resolveDataDir({ TRIPTYCH_DATA_DIR: 'D:\\Cases' }, 'win32', 'C:\\Users\\elena')).toBe('D:\\Cases');
});

it("defaults to the OS's per-user app-data folder, as Electron's userData for an app named Triptych", () => {
  expect(resolveDataDir({}, 'linux', '/home/elena')).toBe('/home/elena/.config/Triptych');
  expect(resolveDataDir({ XDG_CONFIG_HOME: '/home/elena/.cfg' }, 'linux', '/home/elena')).toBe('/home/elena/.cfg/Triptych');
  expect(resolveDataDir({ TRIPTYCH_DATA_DIR: '' }, 'linux', '/home/elena')).toBe('/home/elena/.config/Triptych');
  expect(resolveDataDir({}, 'darwin', '/Users/elena')).toBe('/Users/elena/Library/Application Support/Triptych');
  expect(resolveDataDir({ APPDATA: 'C:\\Users\\elena\\AppData\\Roaming' }, 'win32', 'C:\\Users\\elena')).toBe(
    'C:\\Users\\elena\\AppData\\Roaming\\Triptych',
  );
});
