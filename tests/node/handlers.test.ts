import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCaseFileText, serializeCaseFile } from '../../shared/case/parse';
import { CHANNELS, type CaseChannel, type Channel } from '../../shared/ipc/contract';
import { openWorkspace, type Workspace } from '../../electron/app/openWorkspace';
import { createCaseHandlers } from '../../electron/handlers/caseHandlers';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { Handlers } from '../../electron/ipc/handlers';
import { sampleCase } from './fixtures/cases';
import { hashTree, makeTempDir } from './fixtures/storeFiles';

let root: string;
let dataDir: string;
let workspace: Workspace;

beforeEach(async () => {
  root = await makeTempDir('triptych-handlers-');
  dataDir = path.join(root, 'data');
  workspace = await openWorkspace({ dataDir, mode: 'test', seedExamples: false, firstRun: 'unprotected', logInternalError: () => undefined });
});

afterEach(async () => {
  await workspace.close();
  await fs.rm(root, { recursive: true, force: true });
});

/** Records which handlers a request reached, around the real handlers over the real store. */
function observedDispatch(calls: Channel[]) {
  const real = createCaseHandlers(workspace.store, 'test');
  const observed = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (request: unknown) => {
        calls.push(channel);
        return (real[channel as CaseChannel] as (request: unknown) => Promise<unknown>)(request);
      },
    ]),
  ) as Handlers;
  return createDispatch(observed, () => undefined);
}

describe('dispatch over a real store', () => {
  it('carries every channel through to the store and back', async () => {
    const { dispatch } = workspace;
    expect(await dispatch('store:status', {})).toEqual({ ok: true, value: { dataDir, mode: 'test', quarantined: [] } });

    const created = await dispatch('cases:create', { case: sampleCase('mark') });
    expect(created).toEqual({ ok: true, value: { case: sampleCase('mark') } });
    expect(await dispatch('cases:get', { id: 'mark' })).toEqual(created);

    const saved = await dispatch('cases:save', { case: sampleCase('mark', { summary: 'Session 2' }) });
    expect(saved.ok && (saved.value as { case: { summary: string } }).case.summary).toBe('Session 2');

    const list = await dispatch('cases:list', {});
    expect(list.ok && (list.value as { cases: { id: string }[] }).cases.map((row) => row.id)).toEqual(['mark']);

    const copy = await dispatch('cases:duplicate', { id: 'mark' });
    expect(copy.ok && (copy.value as { case: { title: string } }).case.title).toBe('Case mark (copy)');

    const exported = await dispatch('cases:export', { id: 'mark' });
    expect(exported.ok).toBe(true);
    const file = (exported as { value: { fileName: string; text: string } }).value;
    expect(parseCaseFileText(file.text, file.fileName).case.summary).toBe('Session 2');

    expect(await dispatch('cases:trash', { id: 'mark' })).toEqual({ ok: true, value: {} });
    const trash = await dispatch('cases:list-trash', {});
    expect(trash.ok && (trash.value as { cases: { id: string }[] }).cases.map((row) => row.id)).toEqual(['mark']);
    expect((await dispatch('cases:restore', { id: 'mark' })).ok).toBe(true);

    const imported = await dispatch('cases:import', file);
    expect(imported.ok && (imported.value as { case: { id: string } }).case.id).toBe('mark-2');

    expect(await dispatch('cases:trash', { id: 'mark-2' })).toEqual({ ok: true, value: {} });
    expect(await dispatch('cases:empty-trash', {})).toEqual({ ok: true, value: { removed: 1 } });
  });

  it('refuses a malformed request before it reaches any handler, leaving the store unchanged', async () => {
    await workspace.store.create(sampleCase('mark'));
    const before = await hashTree(dataDir);
    const calls: Channel[] = [];
    const dispatch = observedDispatch(calls);

    const malformed: [Channel, unknown][] = [
      ['cases:save', { case: { ...sampleCase('mark'), people: [] } }],
      ['cases:save', { case: sampleCase('mark'), extra: true }],
      ['cases:get', { id: '../../etc/passwd' }],
      ['cases:trash', { id: 42 }],
      ['cases:create', null],
      ['cases:import', { fileName: '', text: '{}' }],
      ['cases:empty-trash', { confirm: true }],
    ];
    for (const [channel, request] of malformed) {
      const result = await dispatch(channel, request);
      expect({ channel, result }).toMatchObject({ channel, result: { ok: false, error: { code: 'invalid-request' } } });
    }
    expect(calls).toEqual([]);
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('refuses an unknown channel', async () => {
    const calls: Channel[] = [];
    const dispatch = observedDispatch(calls);
    for (const channel of ['cases:delete-everything', 'toString', '__proto__', 42]) {
      expect(await dispatch(channel, {})).toEqual({
        ok: false,
        error: { code: 'unknown-channel', message: 'Triptych does not know this request.' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('answers a missing case with the not-found code', async () => {
    for (const [channel, request] of [
      ['cases:get', { id: 'nobody' }],
      ['cases:save', { case: sampleCase('nobody') }],
      ['cases:duplicate', { id: 'nobody' }],
      ['cases:trash', { id: 'nobody' }],
      ['cases:restore', { id: 'nobody' }],
      ['cases:export', { id: 'nobody' }],
    ] as const) {
      const result = await workspace.dispatch(channel, request);
      expect({ channel, result }).toMatchObject({ channel, result: { ok: false, error: { code: 'not-found' } } });
    }
  });

  it('answers an invalid case file with the case-format error text, storing nothing', async () => {
    const before = await hashTree(dataDir);
    const text = serializeCaseFile(sampleCase('new', { title: '   ' }));
    const result = await workspace.dispatch('cases:import', { fileName: 'new.triptych.json', text });
    let expected = '';
    try {
      parseCaseFileText(text, 'new.triptych.json');
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toBe('new.triptych.json: not a valid case file\n  at case.title: must not be empty');
    expect(result).toEqual({ ok: false, error: { code: 'invalid-case-file', message: expected } });
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('answers a conflicting create with the conflict code', async () => {
    await workspace.dispatch('cases:create', { case: sampleCase('mark') });
    expect(await workspace.dispatch('cases:create', { case: sampleCase('mark') })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('reports quarantined files in the store status', async () => {
    await workspace.store.create(sampleCase('mark'));
    await workspace.close();
    await fs.writeFile(path.join(dataDir, 'cases', 'mark.json'), '{ not json');
    workspace = await openWorkspace({ dataDir, mode: 'browser', seedExamples: false , firstRun: 'unprotected' });
    const status = await workspace.dispatch('store:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { mode: 'browser', quarantined: [{ file: path.join(dataDir, 'cases', 'mark.json') }] },
    });
  });
});
