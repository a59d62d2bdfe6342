import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import type { CaseSummarySchema, TrashedCaseSchema } from '../../shared/ipc/contract';
import type { BridgeError } from '../../shared/ipc/result';

export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type TrashedCase = z.infer<typeof TrashedCaseSchema>;

/** The case list and the trash as the store last reported them. */
export interface CaseLists {
  cases: CaseSummary[] | null;
  trash: TrashedCase[];
  error: BridgeError | null;
  /** Asks the store again; the old lists stay on screen until the answer comes, so nothing flickers. */
  reload: () => Promise<void>;
}

/** Loads the case list and the trash when the screen appears, and again on request. */
export function useCaseLists(bridge: TriptychBridge): CaseLists {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [trash, setTrash] = useState<TrashedCase[]>([]);
  const [error, setError] = useState<BridgeError | null>(null);
  const mounted = useRef(true);

  const reload = useCallback(async () => {
    const [live, trashed] = await Promise.all([bridge.listCases({}), bridge.listTrash({})]);
    if (!mounted.current) return;
    if (live.ok) setCases(live.value.cases);
    if (trashed.ok) setTrash(trashed.value.cases);
    setError(live.ok ? (trashed.ok ? null : trashed.error) : live.error);
  }, [bridge]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);

  return { cases, trash, error, reload };
}
