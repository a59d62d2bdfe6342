import { createBridge, type BridgeTransport, type TriptychBridge } from '../../shared/ipc/bridge';
import { CONTRACT } from '../../shared/ipc/contract';
import type { BridgeResult } from '../../shared/ipc/result';
import { checkedTransport } from './checkedTransport';
import { createFetchTransport } from './fetchTransport';

/** How this page reaches the case store; main.tsx marks the page with it so tests can see which path ran. */
export type BridgeKind = 'electron' | 'test-harness' | 'browser';

/**
 * Picks the transport once, at start: the preload's bridge inside Electron,
 * else the e2e harness's exposed function, else the browser mode's fetch.
 * All three end up behind the same contract-generated bridge and the same
 * response checks, so the screens cannot tell them apart.
 */
export function connectBridge(): { bridge: TriptychBridge; kind: BridgeKind } {
  const preload = window.triptych;
  if (preload) return { bridge: createBridge(checkedTransport(viaPreload(preload))), kind: 'electron' };
  const harness = window.__triptychTransport;
  if (harness) return { bridge: createBridge(checkedTransport(harness)), kind: 'test-harness' };
  return { bridge: createBridge(checkedTransport(createFetchTransport())), kind: 'browser' };
}

function viaPreload(preload: TriptychBridge): BridgeTransport {
  return (channel, request) => {
    const call = preload[CONTRACT[channel].method] as (request: unknown) => Promise<BridgeResult<unknown>>;
    return call(request);
  };
}
