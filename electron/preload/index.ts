import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import type { BridgeResult } from '../../shared/ipc/result';

// The page gets one named async function per contract channel and nothing
// else: no generic invoke/send/on, no ipcRenderer, no process. The main
// process still checks the sender and parses every request.
contextBridge.exposeInMainWorld(
  'triptych',
  createBridge((channel, request) => ipcRenderer.invoke(channel, request) as Promise<BridgeResult<unknown>>),
);
