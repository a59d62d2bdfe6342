import type { BridgeTransport, TriptychBridge } from '../../shared/ipc/bridge';
import type { TriptychMenu } from '../../shared/ipc/menuCommands';

declare global {
  interface Window {
    /** The preload's bridge; present only inside the Electron app. */
    readonly triptych?: TriptychBridge;
    /** The preload's application-menu commands; present inside the Electron app and the e2e harness. */
    readonly triptychMenu?: TriptychMenu;
    /** The e2e harness's transport, installed with `page.exposeFunction` before the page loads. */
    readonly __triptychTransport?: BridgeTransport;
  }
}

export {};
