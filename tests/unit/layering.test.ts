import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(repo, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repo, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The top-level folder an import lands in, or the bare package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `package:${specifier.split('/')[0]}`;
  return relative(repo, resolve(repo, dirname(file), specifier)).split(/[\\/]/)[0] ?? '';
}

function violations(folder: string, forbidden: (file: string, to: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .map((specifier) => ({ specifier, to: target(file, specifier) }))
      .filter(({ to }) => forbidden(file, to))
      .map(({ specifier }) => `${file} imports ${specifier}`),
  );
}

describe('layering (architecture.md)', () => {
  it('shared/ imports nothing from electron/, renderer/, Node or Electron', () => {
    expect(violations('shared', (_f, to) => ['electron', 'renderer', 'package:electron'].includes(to) || to.startsWith('package:node'))).toEqual([]);
  });

  it('renderer/ imports only shared/ (never electron/ or Electron)', () => {
    expect(violations('renderer', (_f, to) => ['electron', 'package:electron'].includes(to))).toEqual([]);
  });

  it('electron/ never imports renderer/', () => {
    expect(violations('electron', (_f, to) => to === 'renderer')).toEqual([]);
  });

  it('only the main-process entry and the preload load the electron module', () => {
    const isShell = (file: string) => /^electron[\\/](main|preload)[\\/]/.test(file);
    const runtimeElectron = sourceFiles('electron')
      .filter((file) => !isShell(file))
      .filter((file) => /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(readFileSync(join(repo, file), 'utf8')));
    expect(runtimeElectron).toEqual([]);
  });

  it('the check itself sees imports', () => {
    expect(importsOf('tests/unit/layering.test.ts')).toContain('vitest');
    expect(target('renderer/main.tsx', '../electron/store/caseStore')).toBe('electron');
  });
});
