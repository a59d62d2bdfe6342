import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT } from '../../shared/ipc/contract';
import { MENU_CHANNEL, type TriptychMenu } from '../../shared/ipc/menuCommands';

const built = join(import.meta.dirname, '..', '..', 'out', 'preload', 'index.cjs');

/**
 * Runs the built preload the way a sandboxed renderer does: a CommonJS
 * script whose `require` offers only 'electron', here a recorder of what it
 * exposes and invokes.
 */
function runBuiltPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: {} };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer,
  };
  /** Sends on a channel as the main process's webContents.send does, with an event that could reach ipcRenderer. */
  const sendFromMain = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
  };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(built, 'utf8'), { require, module, exports: module.exports, console });
  return { exposed, invoked, required, listeners, sendFromMain };
}

describe.skipIf(!existsSync(built))('the built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron, so it runs in the sandbox', () => {
    expect(runBuiltPreload().required).toEqual(['electron']);
  });

  it('exposes the bridge, with one named function per contract channel and nothing else, and the menu commands', () => {
    const { exposed } = runBuiltPreload();
    expect([...exposed.keys()]).toEqual(['triptych', 'triptychMenu']);
    const bridge = exposed.get('triptych') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(CHANNELS.map((channel) => CONTRACT[channel].method).sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('process');
  });

  it('sends each function’s request on its own channel', async () => {
    const { exposed, invoked } = runBuiltPreload();
    const bridge = exposed.get('triptych') as Record<string, (request: unknown) => Promise<unknown>>;
    await bridge.trashCase?.({ id: 'abc' });
    await bridge.listCases?.({});
    expect(invoked).toEqual([
      ['cases:trash', { id: 'abc' }],
      ['cases:list', {}],
    ]);
  });

  it('exposes the menu as one function that hands the page only known commands, never the event', () => {
    const { exposed, sendFromMain } = runBuiltPreload();
    const menu = exposed.get('triptychMenu') as TriptychMenu;
    expect(Object.keys(menu)).toEqual(['onMenuCommand']);
    const received: unknown[][] = [];
    menu.onMenuCommand((...args: unknown[]) => received.push(args));
    sendFromMain(MENU_CHANNEL, 'undo');
    sendFromMain(MENU_CHANNEL, 'show-shortcuts');
    for (const junk of ['format-disk', 'UNDO', '', 42, null, undefined, { command: 'undo' }, ['redo']]) sendFromMain(MENU_CHANNEL, junk);
    sendFromMain('menu:other', 'redo');
    expect(received).toEqual([['undo'], ['show-shortcuts']]);
  });

  it('stops delivering menu commands once unsubscribed, and the unsubscribe hands back nothing', () => {
    const { exposed, sendFromMain, listeners } = runBuiltPreload();
    const menu = exposed.get('triptychMenu') as TriptychMenu;
    const received: string[] = [];
    const unsubscribe = menu.onMenuCommand((command) => received.push(command));
    sendFromMain(MENU_CHANNEL, 'lock');
    expect(unsubscribe()).toBeUndefined();
    sendFromMain(MENU_CHANNEL, 'redo');
    expect(received).toEqual(['lock']);
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(0);
  });
});
