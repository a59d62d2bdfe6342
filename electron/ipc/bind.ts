import { CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { BridgeResult } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';

/** The part of `ipcMain` the binding needs; tests pass a recorder instead. */
export type IpcRegistrar<Event> = {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<BridgeResult<unknown>>): void;
};

const FORBIDDEN_SENDER: BridgeResult<never> = {
  ok: false,
  error: {
    code: 'forbidden-sender',
    message: 'This request did not come from the Triptych window, so it was refused.',
  },
};

/**
 * Binds every channel of the contract, and nothing else, to `dispatch`
 * behind a sender check: a call from a frame that is not the app's own
 * top-level page is refused before it reaches the parser or a handler.
 * Returns the channels bound.
 */
export function bindContract<Event>(
  ipc: IpcRegistrar<Event>,
  dispatch: Dispatch,
  isTrustedSender: (event: Event) => boolean,
): readonly Channel[] {
  for (const channel of CHANNELS) {
    // Only the first argument is the request; the preload never sends more,
    // and anything extra from a tampered page is ignored rather than parsed.
    ipc.handle(channel, async (event, request) => {
      if (!isTrustedSender(event)) return FORBIDDEN_SENDER;
      return dispatch(channel, request);
    });
  }
  return CHANNELS;
}
