import type { TriptychBridge } from '../../shared/ipc/bridge';
import type { BridgeResult } from '../../shared/ipc/result';

/**
 * The bridge the app is given: the same functions, except that an answer
 * coded 'locked' (the main process locked on its own, say after idle time
 * with the page hung, or another browser tab pressed Lock) also tells the
 * vault gate, which then takes the app off the screen.
 */
export function lockAwareBridge(bridge: TriptychBridge, onLocked: () => void): TriptychBridge {
  const wrapped: Record<string, (request: unknown) => Promise<BridgeResult<unknown>>> = {};
  for (const [method, call] of Object.entries(bridge) as [string, (request: unknown) => Promise<BridgeResult<unknown>>][]) {
    wrapped[method] = async (request) => {
      const answer = await call(request);
      if (!answer.ok && answer.error.code === 'locked') onLocked();
      return answer;
    };
  }
  return Object.freeze(wrapped) as unknown as TriptychBridge;
}
