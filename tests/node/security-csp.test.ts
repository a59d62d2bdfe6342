import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, SECURITY_HEADERS } from '../../electron/security/csp';

const projectRoot = join(import.meta.dirname, '..', '..');

/** The content of the page's CSP meta tag, or null when it has none. */
function metaPolicyOf(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  if (tag === undefined) return null;
  return /content=(["'])(.*?)\1/i.exec(tag)?.[2]?.replaceAll('&#39;', "'").replaceAll('&apos;', "'") ?? null;
}

function directives(policy: string): string[] {
  return policy.split(';').map((directive) => directive.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

describe('the Content-Security-Policy', () => {
  it('denies everything by default and allows only the app’s own files', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('is the same in the meta tag, less frame-ancestors (which browsers ignore there)', () => {
    expect(directives(CONTENT_SECURITY_POLICY_META)).toEqual(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')));
  });

  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
  });

  for (const page of ['renderer/index.html', 'out/renderer/index.html']) {
    const file = join(projectRoot, page);
    it.skipIf(!existsSync(file))(`matches the meta tag of ${page}`, () => {
      const policy = metaPolicyOf(readFileSync(file, 'utf8'));
      expect(policy, `${page} has no CSP meta tag`).not.toBeNull();
      expect(directives(policy ?? '')).toEqual(directives(CONTENT_SECURITY_POLICY_META));
    });
  }
});
