import type { BridgeTransport } from '../../shared/ipc/bridge';
import { CONTRACT } from '../../shared/ipc/contract';
import { BridgeResultSchema, type BridgeResult } from '../../shared/ipc/result';

const UNREACHABLE: BridgeResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Triptych could not reach its case store. Close this window and open Triptych again; nothing was changed.',
  },
};

const MALFORMED: BridgeResult<never> = {
  ok: false,
  error: {
    code: 'invalid-response',
    message: 'Triptych received an answer it could not read from its case store; nothing was shown from it.',
  },
};

/**
 * Wraps a transport so that whatever arrives is parsed with the contract
 * before the screens see it: the page trusts no transport (the fetch one
 * crosses HTTP), and a transport that throws settles to an error envelope
 * because bridge calls never reject for an expected failure.
 */
export function checkedTransport(transport: BridgeTransport): BridgeTransport {
  return async (channel, request) => {
    let answer: unknown;
    try {
      answer = await transport(channel, request);
    } catch {
      return UNREACHABLE;
    }
    const envelope = BridgeResultSchema.safeParse(answer);
    if (!envelope.success) return MALFORMED;
    if (!envelope.data.ok) return envelope.data;
    const value = CONTRACT[channel].response.safeParse(envelope.data.value);
    return value.success ? { ok: true, value: value.data } : MALFORMED;
  };
}
