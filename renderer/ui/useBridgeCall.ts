import { useEffect, useState } from 'react';
import type { BridgeError, BridgeResult } from '../../shared/ipc/result';

/** Where a request to the case store stands, as a screen shows it. */
export type Loading<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: BridgeError };

/**
 * Runs one bridge request when the screen appears (and again when `key`
 * changes), ignoring an answer that arrives after the screen has gone.
 */
export function useBridgeCall<T>(call: () => Promise<BridgeResult<T>>, key: string): Loading<T> {
  const [loading, setLoading] = useState<Loading<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoading({ state: 'loading' });
    void call().then((result) => {
      if (!current) return;
      setLoading(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
    // `call` is a fresh closure on every render; `key` says when it asks for something new.
  }, [key]);
  return loading;
}
