import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterPack, FUSE_CONFIG, packagedBinaryPath } from '../../scripts/fuses.mjs';

/**
 * Packaged builds (checklist item 19): Electron's fuses, the afterPack hook
 * that flips them, and the electron-builder configuration. The real Electron
 * binary cannot be downloaded here, so the hook and electron-builder itself
 * run on a stand-in binary that carries Electron's fuse wire.
 */

const projectRoot = join(import.meta.dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron 45's fuse defaults, in wire order (1 = enabled, 0 = disabled). */
const ELECTRON_DEFAULTS = '101100001';

/** The fuses every packaged Triptych must carry, by name. */
const REQUIRED: Record<keyof typeof FuseV1Options, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
  WasmTrapHandlers: true,
};

/** A file that looks like an Electron binary to @electron/fuses: some bytes, the sentinel, the wire. */
function standInBinary(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.alloc(256, 0x2e),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.alloc(256, 0x2e),
  ]);
}

function expectedWire(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(REQUIRED).map(([name, enabled]) => [String(FuseV1Options[name as keyof typeof FuseV1Options]), enabled ? FuseState.ENABLE : FuseState.DISABLE]),
  );
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'triptych-packaging-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the fuse configuration', () => {
  it('sets every required fuse as specified', () => {
    for (const [name, enabled] of Object.entries(REQUIRED)) {
      expect(FUSE_CONFIG[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled);
    }
    expect(FUSE_CONFIG.version).toBe(FuseVersion.V1);
  });

  it('decides every fuse @electron/fuses knows, and refuses a binary with one it does not', () => {
    const fuseIndexes = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const index of fuseIndexes) expect(typeof FUSE_CONFIG[index as FuseV1Options], FuseV1Options[index]).toBe('boolean');
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true);
  });
});

describe('the afterPack hook', () => {
  it('flips the fuses of a packaged Linux binary', async () => {
    const appOutDir = join(folder, 'linux-unpacked');
    await mkdir(appOutDir);
    const binary = join(appOutDir, 'triptych');
    await writeFile(binary, standInBinary(ELECTRON_DEFAULTS));
    await afterPack({ appOutDir, electronPlatformName: 'linux', packager: { executableName: 'triptych', appInfo: { productFilename: 'Triptych' } } });
    expect(await getCurrentFuseWire(binary)).toEqual({ version: FuseVersion.V1, ...expectedWire() });
  });

  it('finds the binary where electron-builder puts it on each platform', () => {
    const packager = { executableName: 'triptych', appInfo: { productFilename: 'Triptych' } };
    expect(packagedBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(join('/o', 'triptych'));
    expect(packagedBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'Triptych.exe'));
    expect(packagedBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'Triptych.app'));
    expect(packagedBinaryPath({ appOutDir: '/o', electronPlatformName: 'mas', packager })).toBe(join('/o', 'Triptych.app'));
  });

  it('fails the build, changing nothing, when a newer Electron has a fuse not decided here', async () => {
    const appOutDir = join(folder, 'newer-electron');
    await mkdir(appOutDir);
    const binary = join(appOutDir, 'Triptych.exe');
    const original = standInBinary(`${ELECTRON_DEFAULTS}1`);
    await writeFile(binary, original);
    const context = { appOutDir, electronPlatformName: 'win32', packager: { executableName: 'triptych', appInfo: { productFilename: 'Triptych' } } };
    await expect(afterPack(context)).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(await readFile(binary)).toEqual(original);
  });
});

describe('the electron-builder configuration (electron-builder.yml)', () => {
  it('is valid by electron-builder’s own schema and packages what the issue asks for', async () => {
    const config = await getConfig(projectRoot, null, null);
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)).resolves.toBeUndefined();
    expect(config).toMatchObject({
      appId: expect.stringMatching(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
      productName: 'Triptych',
      asar: true,
      afterPack: './scripts/fuses.mjs',
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
    expect(config.files).toEqual([{ filter: ['out/**', 'resources/examples/**', 'resources/prompts/**', 'package.json'] }]);
    // electron-builder's own fuse integration would flip them a second time, after ours.
    expect(config.electronFuses).toBeUndefined();
  });
});

const built = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].every((file) => existsSync(join(projectRoot, 'out', file)));

describe.skipIf(!built)('electron-builder with a stand-in Electron, offline', () => {
  const output = () => join(folder, 'release');
  let run: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    // The layout of Electron's Linux zip, with a stand-in binary carrying Electron 45's fuse wire.
    const dist = join(folder, 'electron-dist');
    await mkdir(join(dist, 'resources'), { recursive: true });
    await writeFile(join(dist, 'electron'), standInBinary(ELECTRON_DEFAULTS));
    await chmod(join(dist, 'electron'), 0o755);
    await writeFile(join(dist, 'version'), 'v45.5.0');
    await writeFile(join(dist, 'LICENSE'), '');
    run = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${output()}`],
      // Generous, for a loaded 2-core machine.
      { cwd: projectRoot, encoding: 'utf8', timeout: 240_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
  }, 300_000);

  it('packages the app and flips the fuses of the packaged binary', async () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(await getCurrentFuseWire(join(output(), 'linux-unpacked', 'triptych'))).toEqual({ version: FuseVersion.V1, ...expectedWire() });
  });

  it('puts only the built app, the example cases, the prompts, the manifest and the runtime dependencies into app.asar', () => {
    const entries = listPackage(join(output(), 'linux-unpacked', 'resources', 'app.asar'), { isPack: false }).map((entry) =>
      entry.replaceAll('\\', '/'),
    );
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries).toContain('/package.json');
    expect(entries.filter((entry) => entry.startsWith('/resources/examples/') && entry.endsWith('.json')).length).toBeGreaterThan(0);
    expect(entries).toContain('/resources/prompts/reflective-prompts.json');
    expect(entries).toContain('/node_modules/lowdb/package.json');
    expect(entries).toContain('/node_modules/zod/package.json');
    const outside = entries.filter(
      (entry) => !/^\/(out|resources\/examples|resources\/prompts|node_modules)(\/|$)/.test(entry) && entry !== '/package.json' && entry !== '/resources',
    );
    expect(outside).toEqual([]);
    // No sources, tests, tooling or dev dependencies travel with the app.
    for (const entry of entries) {
      expect(entry).not.toMatch(/^\/(electron|renderer|shared|tests|scripts|docs)\//);
      expect(entry).not.toMatch(/^\/node_modules\/(electron|electron-builder|vitest|vite|typescript|@doyensec|fast-check|playwright-core)\//);
    }
  });
});
