import { z } from 'zod';

/**
 * Stable error codes crossing the bridge. The renderer may switch on them; the
 * message is written for the clinician.
 */
export const BRIDGE_ERROR_CODES = [
  'invalid-request',
  'invalid-response',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'conflict',
  'invalid-case-file',
  'store-locked',
  'store-damaged',
  // The case store is locked (or not set up yet): unlock it to reach the cases.
  'locked',
  // A passphrase or recovery key that does not open this case store.
  'wrong-passphrase',
  'internal',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export const BridgeErrorSchema = z.strictObject({
  code: z.enum(BRIDGE_ERROR_CODES),
  message: z.string(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

/** Every bridge call settles to one of these; it never rejects for an expected failure. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** The envelope as it travels (the value is checked against the channel's schema on each side). */
export const BridgeResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: BridgeErrorSchema }),
]);

/**
 * An error a handler throws on purpose, with a code the renderer can act on.
 * Anything else thrown becomes `internal` and its details stay in the Node side.
 */
export class TriptychError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TriptychError';
  }
}
