import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * The checks that keep browser mode's local server private to the person at
 * this computer: only loopback peers, only our own Host and Origin (against
 * DNS rebinding and cross-site pages), and a per-launch secret on every API
 * call (against other local users' and programs' pages).
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a peer address is this machine's loopback (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (isIPv4(address)) return LOOPBACK.check(address, 'ipv4');
  if (isIPv6(address)) return LOOPBACK.check(address, 'ipv6');
  return false;
}

/** The Host header values our server answers to on `port`. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Whether the Host header names us. A page on another site that re-points
 * its DNS name at 127.0.0.1 still sends its own name here, so it is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * Whether an Origin header, when the browser sent one, is the origin of the
 * page we served under this very Host; a missing Origin (same-origin GET,
 * non-browser client) is left to the token check.
 */
export function isAllowedOrigin(origin: string | undefined, host: string): boolean {
  return origin === undefined || origin === `http://${host.toLowerCase()}`;
}

/** A fresh per-launch API secret: 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerTokenOf(authorization: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/**
 * Compares a presented token with ours in constant time. Both are hashed
 * first so neither their content nor their length leaks through timing.
 */
export function tokensMatch(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Whether a Content-Type header announces JSON (a charset parameter is fine). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}
