/**
 * The one Content-Security-Policy of Triptych, shared by the `app://` protocol
 * handler, the browser-mode server and the renderer's meta tag, so the three
 * can never drift apart. The app makes no network requests: everything is
 * `'none'` except what its own bundled scripts, styles, fonts and images need
 * (`data:`/`blob:` images for exported map pictures).
 */

const DOCUMENT_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
] as const;

/**
 * The policy for a `<meta http-equiv="Content-Security-Policy">` tag. Browsers
 * ignore `frame-ancestors` in a meta tag, so it is left out here.
 */
export const CONTENT_SECURITY_POLICY_META = DOCUMENT_DIRECTIVES.join('; ');

/** The policy sent as a response header on every response we serve. */
export const CONTENT_SECURITY_POLICY = [...DOCUMENT_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * Headers sent with every response of the protocol handler and the web
 * server: the CSP, no MIME sniffing, no referrer leaving the app, nothing
 * cached on disk (case data is clinical), never framed, never shared with
 * another origin.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
