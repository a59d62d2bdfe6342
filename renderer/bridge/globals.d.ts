import type { BridgeTransport, TriptychBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** The preload's bridge; present only inside the Electron app. */
    readonly triptych?: TriptychBridge;
    /** The e2e harness's transport, installed with `page.exposeFunction` before the page loads. */
    readonly __triptychTransport?: BridgeTransport;
  }
}

export {};
