import { useCallback, useEffect, useRef, useState } from 'react';
import type { Case } from '../../shared/case/schema';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { CaseSaver, type SaveStatus } from './caseSaver';

/** The open case's autosave: its status, a way to save now, and when the store last stamped it. */
export interface Autosave {
  status: SaveStatus;
  /** Saves now; resolves true when everything on screen is in the store. */
  flush: () => Promise<boolean>;
  savedAt: string;
}

/**
 * Saves `present` after every edit (see CaseSaver), and when the page is
 * hidden or closed: `pagehide` and a hidden `visibilitychange` start a save
 * at once, and `beforeunload` asks the clinician to wait while one is pending.
 */
export function useAutosave(bridge: TriptychBridge, initial: Case, present: Case): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const saverRef = useRef<CaseSaver | null>(null);
  saverRef.current ??= new CaseSaver(initial, (kase) => bridge.saveCase({ case: kase }), setStatus);
  const saver = saverRef.current;

  useEffect(() => {
    saver.update(present);
  }, [saver, present]);

  useEffect(() => {
    const flushNow = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedEdits()) return;
      void saver.flush();
      event.preventDefault();
      // Older Chromium builds show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving the screen by any way must not drop a pending edit.
      void saver.flush();
    };
  }, [saver]);

  // The effect above hands the saver each new case after the paint; until
  // then a "saved" from before this edit would be a false promise.
  const shown: SaveStatus = status.state === 'saved' && !saver.holds(present) ? { state: 'pending' } : status;
  const flush = useCallback(() => saver.flush(), [saver]);
  return { status: shown, flush, savedAt: saver.savedAt };
}
