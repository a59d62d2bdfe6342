import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT } from '../../shared/ipc/contract';

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
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: {} };
      },
    },
  };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(built, 'utf8'), { require, module, exports: module.exports, console });
  return { exposed, invoked, required };
}

describe.skipIf(!existsSync(built))('the built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron, so it runs in the sandbox', () => {
    expect(runBuiltPreload().required).toEqual(['electron']);
  });

  it('exposes one object with one named function per contract channel and nothing else', () => {
    const { exposed } = runBuiltPreload();
    expect([...exposed.keys()]).toEqual(['triptych']);
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
});
