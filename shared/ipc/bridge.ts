import { CHANNELS, CONTRACT, type Channel, type Contract, type RequestOf, type ResponseOf } from './contract';
import type { BridgeResult } from './result';

/**
 * Carries one request to the Node side and brings back its envelope: Electron
 * IPC in the desktop app, `fetch` in browser mode, `page.exposeFunction` in the
 * e2e tests. Everything above it is identical in all three.
 */
export type BridgeTransport = (channel: Channel, request: unknown) => Promise<BridgeResult<unknown>>;

/** The renderer's view of the Node side: one named async function per channel. */
export type TriptychBridge = {
  [C in Channel as Contract[C]['method']]: (request: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>;
};

/**
 * Builds the bridge from the contract: one named function per channel and
 * nothing else, so the page can never name a channel the contract lacks.
 */
export function createBridge(transport: BridgeTransport): TriptychBridge {
  const bridge: Record<string, (request: unknown) => Promise<BridgeResult<unknown>>> = {};
  for (const channel of CHANNELS) {
    bridge[CONTRACT[channel].method] = (request: unknown) => transport(channel, request);
  }
  return Object.freeze(bridge) as unknown as TriptychBridge;
}
