import { CONTRACT, isChannel } from '../../shared/ipc/contract';
import { describeIssues } from '../../shared/case/parse';
import { TriptychError, type BridgeResult } from '../../shared/ipc/result';
import type { Handlers } from './handlers';

/** Runs one request through the contract; transports call this and nothing else. */
export type Dispatch = (channel: unknown, request: unknown) => Promise<BridgeResult<unknown>>;

/**
 * The one wrapper every channel goes through, whatever the transport: refuse
 * an unknown channel, parse the request, call the handler, parse the response,
 * and turn every failure into `{code, message}`. The renderer is untrusted, so
 * a malformed request never reaches a handler; a malformed response is our
 * bug and is reported as such rather than handed on.
 */
export function createDispatch(handlers: Handlers, logInternalError: (error: unknown) => void = console.error): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: 'Triptych does not know this request.' } };
    }
    const spec = CONTRACT[channel];
    const parsedRequest = spec.request.safeParse(request);
    if (!parsedRequest.success) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: `The request "${channel}" was malformed: ${describeIssues(parsedRequest.error.issues).join('; ')}` },
      };
    }
    let result: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      result = await handler(parsedRequest.data);
    } catch (error) {
      if (error instanceof TriptychError) return { ok: false, error: { code: error.code, message: error.message } };
      logInternalError(error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Triptych; nothing was changed by this request.' } };
    }
    const parsedResponse = spec.response.safeParse(result);
    if (!parsedResponse.success) {
      logInternalError(parsedResponse.error);
      return { ok: false, error: { code: 'invalid-response', message: `Triptych produced an unexpected answer to "${channel}".` } };
    }
    return { ok: true, value: parsedResponse.data };
  };
}
