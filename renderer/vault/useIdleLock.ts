import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
// Often enough to keep the main process's own idle backstop from firing
// while the clinician reads without saving; rarely enough to cost nothing.
const KEEP_ALIVE_MS = 30_000;
const CHECK_MS = 5_000;

/**
 * Locks after `minutes` with no pointer or keyboard activity, while
 * `enabled`. Activity also calls `keepAlive` at most every 30 seconds, so the
 * main process (which only sees bridge calls) knows the clinician is there.
 */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void, keepAlive: () => void): void {
  const callbacks = useRef({ onIdle, keepAlive });
  callbacks.current = { onIdle, keepAlive };

  useEffect(() => {
    if (!enabled) return;
    let lastActivity = Date.now();
    let lastKeepAlive = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastKeepAlive >= KEEP_ALIVE_MS) {
        lastKeepAlive = lastActivity;
        callbacks.current.keepAlive();
      }
    };
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) callbacks.current.onIdle();
    }, Math.min(CHECK_MS, minutes * 60_000));
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled, minutes]);
}
