import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/security/appOrigin';
import { resolveRendererFile } from '../../electron/security/rendererFiles';
import { answerRendererRequest } from '../../electron/security/rendererResponse';

/**
 * The checklist on what actually ships. Item 7: the Content-Security-Policy
 * of the built out/renderer/index.html (its meta tag, and the header the
 * app:// handler sends with it) allows no eval, no inline script and nothing
 * remote. Items 2-4, 6, 8-10, 15 and 18: the built main process turns no
 * protection off anywhere, never opens links outside and never loads file://.
 */

const outDir = join(import.meta.dirname, '..', '..', 'out');
const rendererDir = join(outDir, 'renderer');
const builtPage = join(rendererDir, 'index.html');
const builtMain = join(outDir, 'main', 'index.js');

/** The policy as a map of directive → sources, lower-cased. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources.map((source) => source.toLowerCase()));
  }
  return directives;
}

function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\s[^>]*http-equiv=["']content-security-policy["'][^>]*>/gi)].map(
    (tag) => /content=(["'])(.*?)\1/is.exec(tag[0])?.[2]?.replaceAll('&#39;', "'").replaceAll('&apos;', "'") ?? '',
  );
}

/** What a policy must never contain, anywhere: eval, remote schemes, wildcards. */
function expectLocalOnly(policy: string): void {
  const directives = parsePolicy(policy);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-hashes'");
  expect(scripts.some((source) => source.startsWith("'nonce-") || source.startsWith("'sha"))).toBe(false);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      expect(source, `${name} ${source}`).not.toBe("'unsafe-eval'");
      expect(source, `${name} ${source}`).not.toBe("'wasm-unsafe-eval'");
      expect(source, `${name} ${source}`).not.toMatch(/^(https?|wss?|ftp|file|filesystem):/);
      expect(source, `${name} ${source}`).not.toContain('*');
      // Anything that is not a keyword or a local scheme would be a host, i.e. remote.
      expect(["'self'", "'none'", 'data:', 'blob:'], `${name} ${source}`).toContain(source);
    }
  }
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('form-action')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-eval|https?:|wss?:|\*/i);
}

describe.skipIf(!existsSync(builtPage))('the built page (out/renderer/index.html)', () => {
  const html = existsSync(builtPage) ? readFileSync(builtPage, 'utf8') : '';

  it('carries exactly one CSP meta tag, in the head before any script or style', () => {
    const policies = metaPolicies(html);
    expect(policies).toHaveLength(1);
    const meta = html.search(/http-equiv=["']content-security-policy/i);
    const firstResource = html.search(/<script|<link\s[^>]*rel=["']stylesheet/i);
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(firstResource);
  });

  it('has a CSP with no eval, no inline script and no remote source', () => {
    expectLocalOnly(metaPolicies(html)[0] ?? '');
  });

  it('loads only its own bundled files: no inline script, no remote URL', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), 'an inline script').toBe('');
      expect(attributes).toMatch(/\ssrc=["']\.\/assets\/[^"'/]+\.js["']/);
    }
    for (const [, url = ''] of html.matchAll(/\s(?:src|href)=["']([^"']*)["']/gi)) {
      expect(url, 'a remote or absolute URL').toMatch(/^\.\/[^:]*$/);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('is served on app:// with the same policy as a header, plus frame-ancestors', async () => {
    const answer = await answerRendererRequest('GET', resolveRendererFile(rendererDir, APP_ENTRY_URL));
    expect(answer.status).toBe(200);
    const header = answer.headers['Content-Security-Policy'] ?? '';
    expectLocalOnly(header);
    expect(parsePolicy(header).get('frame-ancestors')).toEqual(["'none'"]);
    const meta = parsePolicy(metaPolicies(html)[0] ?? '');
    for (const [name, sources] of meta) expect(parsePolicy(header).get(name), name).toEqual(sources);
  });
});

describe.skipIf(!existsSync(builtMain))('the built main process (out/main/index.js)', () => {
  const code = existsSync(builtMain) ? readFileSync(builtMain, 'utf8') : '';

  it('never turns a renderer protection off, for any window it could open', () => {
    for (const weakened of [
      /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /experimentalFeatures:\s*true/,
      /webviewTag:\s*true/,
      /enableBlinkFeatures/,
      /nodeIntegration"?\s*\]\s*=\s*true/,
    ]) {
      expect(code).not.toMatch(weakened);
    }
  });

  it('never hands a URL to the operating system and never loads a page from disk', () => {
    const electronImports = /import\s*\{([^}]*)\}\s*from\s*["']electron["']/.exec(code)?.[1]?.split(',').map((name) => name.trim()) ?? [];
    expect(electronImports.length).toBeGreaterThan(0);
    expect(electronImports).not.toContain('shell');
    // The bundle keeps our doc comments, which mention file:// to say why it is not used.
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(withoutComments).not.toMatch(/openExternal|openPath\(|loadFile\(/);
    expect(withoutComments).not.toMatch(/["'`]file:\/\//);
  });
});
