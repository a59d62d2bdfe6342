import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../shared/case/schema';
import { applyCommand, newCase } from '../../shared/commands';
import type { BridgeResult } from '../../shared/ipc/result';
import { CaseSaver, SAVE_DELAY_MS, type SaveStatus } from '../../renderer/editor/caseSaver';

const START = newCase({ id: 'saver', title: 'Saver', clientName: 'Ana', therapistName: 'Tom', now: '2026-11-01T09:00:00.000Z' });

function retitled(kase: Case, title: string): Case {
  return applyCommand(kase, { type: 'set-title', title });
}

/** A store the test answers by hand: each save waits until the test settles it. */
function manualStore() {
  const calls: { kase: Case; settle: (result: BridgeResult<{ case: Case }>) => void }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const save = (kase: Case) =>
    new Promise<BridgeResult<{ case: Case }>>((resolve) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      calls.push({
        kase,
        settle: (result) => {
          inFlight -= 1;
          resolve(result);
        },
      });
    });
  const ok = (kase: Case): BridgeResult<{ case: Case }> => ({ ok: true, value: { case: { ...kase, updatedAt: '2026-11-02T10:00:00.000Z' } } });
  return { calls, save, ok, mostInFlight: () => mostInFlight };
}

describe('the autosave of an open case', () => {
  let statuses: SaveStatus[];
  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, shortly after the last of a burst of edits', async () => {
    const store = manualStore();
    const saver = new CaseSaver(START, store.save, (status) => statuses.push(status));
    let kase = START;
    for (const title of ['S', 'Sa', 'Sav']) {
      kase = retitled(kase, title);
      saver.update(kase);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    }
    expect(store.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(store.calls.map((call) => call.kase.title)).toEqual(['Sav']);
    store.calls[0]?.settle(store.ok(kase));
    await vi.runAllTimersAsync();
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    expect(saver.savedAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('never has two saves in flight, and ends on the latest state', async () => {
    const store = manualStore();
    const saver = new CaseSaver(START, store.save, (status) => statuses.push(status));
    const first = retitled(START, 'First');
    saver.update(first);
    const flushed = saver.flush();
    const second = retitled(first, 'Second');
    const third = retitled(second, 'Third');
    saver.update(second);
    saver.update(third);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 3);
    expect(store.calls).toHaveLength(1);
    store.calls[0]?.settle(store.ok(first));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.calls.map((call) => call.kase.title)).toEqual(['First', 'Third']);
    store.calls[1]?.settle(store.ok(third));
    expect(await flushed).toBe(true);
    expect(store.mostInFlight()).toBe(1);
    expect(saver.hasUnsavedEdits()).toBe(false);
  });

  it('keeps a refused edit, says why, and saves it on retry', async () => {
    const store = manualStore();
    const saver = new CaseSaver(START, store.save, (status) => statuses.push(status));
    const edited = retitled(START, 'Edited');
    saver.update(edited);
    const refused = saver.flush();
    store.calls[0]?.settle({ ok: false, error: { code: 'store-locked', message: 'Another Triptych window holds the case store.' } });
    expect(await refused).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'failed', reason: 'Another Triptych window holds the case store.' });
    expect(saver.hasUnsavedEdits()).toBe(true);

    const retry = saver.flush();
    expect(store.calls[1]?.kase).toBe(edited);
    store.calls[1]?.settle(store.ok(edited));
    expect(await retry).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('needs no save when undo returns to the saved state', async () => {
    const store = manualStore();
    const saver = new CaseSaver(START, store.save, (status) => statuses.push(status));
    saver.update(retitled(START, 'Edited'));
    saver.update(START);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(store.calls).toHaveLength(0);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    expect(saver.hasUnsavedEdits()).toBe(false);
  });
});
