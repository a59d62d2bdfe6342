import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { TriptychError, type BridgeResult } from '../../shared/ipc/result';
import { bindContract, type IpcRegistrar } from '../../electron/ipc/bind';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { Handlers } from '../../electron/ipc/handlers';
import { isTrustedSender, type IpcSenderEvent } from '../../electron/ipc/senderCheck';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<BridgeResult<unknown>>;

/** A stand-in for ipcMain that keeps what was registered, so a test can call it like the renderer would. */
function recordingIpc() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcRegistrar<IpcSenderEvent> = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`bound twice: ${channel}`);
      listeners.set(channel, listener);
    },
  };
  return { ipc, listeners };
}

/** Real handler functions that remember every call they receive. */
function recordingHandlers() {
  const calls: { channel: string; request: unknown }[] = [];
  const notFound = async (): Promise<never> => {
    throw new TriptychError('not-found', 'No such case.');
  };
  const record =
    <T>(channel: string, answer: (request: unknown) => Promise<T>) =>
    async (request: unknown): Promise<T> => {
      calls.push({ channel, request });
      return answer(request);
    };
  const handlers: Handlers = {
    'store:status': record('store:status', async () => ({ dataDir: '/tmp/triptych', mode: 'test' as const, quarantined: [] })),
    'cases:list': record('cases:list', async () => ({ cases: [] })),
    'cases:get': record('cases:get', notFound),
    'cases:create': record('cases:create', notFound),
    'cases:save': record('cases:save', notFound),
    'cases:duplicate': record('cases:duplicate', notFound),
    'cases:trash': record('cases:trash', async () => ({})),
    'cases:list-trash': record('cases:list-trash', async () => ({ cases: [] })),
    'cases:restore': record('cases:restore', notFound),
    'cases:empty-trash': record('cases:empty-trash', async () => ({ removed: 0 })),
    'cases:import': record('cases:import', notFound),
    'cases:export': record('cases:export', notFound),
    'analysis:caseload': record('analysis:caseload', async () => ({ therapists: [], caseTitles: {} })),
    'presentation:handout-pdf': record('presentation:handout-pdf', notFound),
    'vault:status': record('vault:status', async () => ({ state: 'unprotected' as const, protected: false, autoLockMinutes: 10 })),
    'vault:set-up': record('vault:set-up', notFound),
    'vault:choose-no-protection': record('vault:choose-no-protection', async () => ({})),
    'vault:unlock': record('vault:unlock', notFound),
    'vault:unlock-with-recovery-key': record('vault:unlock-with-recovery-key', notFound),
    'vault:lock': record('vault:lock', async () => ({})),
    'vault:change-passphrase': record('vault:change-passphrase', notFound),
    'vault:protect': record('vault:protect', notFound),
    'vault:set-auto-lock': record('vault:set-auto-lock', notFound),
  };
  return { handlers, calls };
}

function setup() {
  const { ipc, listeners } = recordingIpc();
  const { handlers, calls } = recordingHandlers();
  const bound = bindContract(ipc, createDispatch(handlers, () => undefined), isTrustedSender);
  const call = (channel: string, event: IpcSenderEvent, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`not bound: ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, calls, bound, call };
}

const fromApp: IpcSenderEvent = { senderFrame: { url: 'app://triptych/index.html', parent: null } };

describe('bindContract', () => {
  it('binds every channel of the contract and nothing else', () => {
    const { listeners, bound } = setup();
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect([...bound].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes a well-formed call from the app window through to its handler', async () => {
    const { call, calls } = setup();
    await expect(call('cases:list', fromApp, {})).resolves.toEqual({ ok: true, value: { cases: [] } });
    await expect(call('cases:trash', { senderFrame: { url: 'app://triptych/index.html#/case/abc', parent: null } }, { id: 'abc' })).resolves.toEqual({
      ok: true,
      value: {},
    });
    expect(calls).toEqual([
      { channel: 'cases:list', request: {} },
      { channel: 'cases:trash', request: { id: 'abc' } },
    ]);
  });

  it('hands on a handler refusal as its coded error', async () => {
    const { call } = setup();
    await expect(call('cases:get', fromApp, { id: 'missing' })).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such case.' },
    });
  });

  const foreignSenders: [string, IpcSenderEvent][] = [
    ['a web page', { senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///work/main/out/renderer/index.html', parent: null } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['our host on a port', { senderFrame: { url: 'app://triptych:8080/index.html', parent: null } }],
    ['our host with credentials', { senderFrame: { url: 'app://user:pw@triptych/index.html', parent: null } }],
    ['a dev server', { senderFrame: { url: 'http://localhost:5173/', parent: null } }],
    ['a subframe of our page', { senderFrame: { url: 'app://triptych/index.html', parent: { url: 'app://triptych/index.html' } } }],
    ['a frame that is gone', { senderFrame: null }],
    ['an unparseable URL', { senderFrame: { url: 'not a url', parent: null } }],
  ];

  it.each(foreignSenders)('refuses %s before any handler runs', async (_label, event) => {
    const { call, calls } = setup();
    for (const channel of CHANNELS) {
      const answer = await call(channel, event, {});
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('forbidden-sender');
    }
    expect(calls).toEqual([]);
  });

  const malformed: [string, string, unknown][] = [
    ['no request at all', 'cases:get', undefined],
    ['a bare string', 'cases:get', 'abc'],
    ['a wrongly typed id', 'cases:get', { id: 42 }],
    ['a path as an id', 'cases:get', { id: '../../etc/passwd' }],
    ['an extra field', 'cases:trash', { id: 'abc', force: true }],
    ['fields on a field-less request', 'cases:list', { limit: 5 }],
    ['an array', 'cases:empty-trash', []],
    ['a case that is not a case', 'cases:save', { case: { title: 'x' } }],
    ['an import without text', 'cases:import', { fileName: 'a.json' }],
  ];

  it.each(malformed)('refuses %s from the app window before any handler runs', async (_label, channel, request) => {
    const { call, calls } = setup();
    const answer = await call(channel, fromApp, request);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('invalid-request');
    expect(calls).toEqual([]);
  });

  it('ignores extra arguments a tampered page adds after the request', async () => {
    const { call, calls } = setup();
    await expect(call('cases:trash', fromApp, { id: 'abc' }, { id: 'other' }, 'rm -rf')).resolves.toEqual({ ok: true, value: {} });
    expect(calls).toEqual([{ channel: 'cases:trash', request: { id: 'abc' } }]);
  });
});
