import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import { MENU_CHANNEL, MenuCommandSchema, type TriptychMenu } from '../../shared/ipc/menuCommands';
import type { BridgeResult } from '../../shared/ipc/result';

// The page gets one named async function per contract channel and nothing
// else: no generic invoke/send/on, no ipcRenderer, no process. The main
// process still checks the sender and parses every request.
contextBridge.exposeInMainWorld(
  'triptych',
  createBridge((channel, request) => ipcRenderer.invoke(channel, request) as Promise<BridgeResult<unknown>>),
);

// The application menu's commands, on their one channel only. The page sees
// neither the event (its sender would reach ipcRenderer) nor anything that is
// not a known command, and unsubscribing returns nothing (ipcRenderer's own
// methods return ipcRenderer itself).
const menu: TriptychMenu = {
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, value: unknown) => {
      const command = MenuCommandSchema.safeParse(value);
      if (command.success) listener(command.data);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};
contextBridge.exposeInMainWorld('triptychMenu', menu);
