import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronVersion, locateElectron } from '../../scripts/locate-electron.mjs';

let packageDir: string;

beforeEach(async () => {
  packageDir = await mkdtemp(join(tmpdir(), 'triptych-electron-'));
  await writeFile(join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
});

afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

describe('locateElectron', () => {
  it('reports a binary that was never downloaded as missing instead of downloading it', () => {
    expect(locateElectron({ packageDir, env: {} })).toBeNull();
  });

  it('reports a path.txt that points at nothing as missing', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    expect(locateElectron({ packageDir, env: {} })).toBeNull();
  });

  it('finds the downloaded binary under dist', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    await mkdir(join(packageDir, 'dist'));
    await writeFile(join(packageDir, 'dist', 'electron'), '');
    expect(locateElectron({ packageDir, env: {} })).toBe(join(packageDir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const elsewhere = join(packageDir, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'electron'), '');
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    expect(locateElectron({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere } })).toBe(join(elsewhere, 'electron'));
  });

  it('names the pinned version in its instructions', () => {
    expect(electronVersion({ packageDir })).toBe('45.5.0');
    expect(electronVersion({ packageDir: join(packageDir, 'missing') })).toBe('unknown');
  });
});
