import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Import statements of 'electron' that survive compilation (not `import type`). */
function runtimeElectronImports(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+['"]electron(?:\/[^'"]*)?['"]/gm)].map((match) => match[0].trim());
}

describe('the Electron layer stays thin', () => {
  it('imports the electron module at runtime only in the main-process entry files and the preload', () => {
    const offenders = sourceFiles(join(projectRoot, 'electron'))
      .map((file) => relative(projectRoot, file).split('\\').join('/'))
      .filter((file) => !file.startsWith('electron/main/') && !file.startsWith('electron/preload/'))
      .filter((file) => runtimeElectronImports(readFileSync(join(projectRoot, file), 'utf8')).length > 0);
    expect(offenders).toEqual([]);
  });

  it('keeps the preload to the generated bridge and the menu commands: no generic invoke, send, on or process', () => {
    const preload = readFileSync(join(projectRoot, 'electron', 'preload', 'index.ts'), 'utf8').replace(/\/\/.*$/gm, '');
    expect([...preload.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(2);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'triptych',\s*createBridge\(/);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'triptychMenu',/);
    // The one listener the page may have: the menu's channel, by its constant.
    expect([...preload.matchAll(/ipcRenderer\.on\(([^,]*),/g)].map((match) => match[1])).toEqual(['MENU_CHANNEL']);
    expect(preload).not.toMatch(/ipcRenderer\.(send|once|sendSync|postMessage|addListener)\b|\bprocess\b/);
  });
});
