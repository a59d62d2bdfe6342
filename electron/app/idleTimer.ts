/** Calls back once nothing touched it for a while; see createIdleTimer. */
export interface IdleTimer {
  /** Marks activity now. */
  touch(): void;
  /** Changes how long idleness lasts before the callback. */
  setDelay(delayMs: number): void;
  stop(): void;
}

/**
 * The main process's auto-lock backstop: `onIdle` runs when `touch` was not
 * called for `delayMs`. The renderer locks on its own after idle minutes; this
 * catches a page that cannot (hung, or a browser tab closed while the
 * browser-mode server keeps running). One timer, re-armed only when it fires,
 * so touching it on every bridge call costs nothing. It never keeps Node alive.
 */
export function createIdleTimer(initialDelayMs: number, onIdle: () => void): IdleTimer {
  let delayMs = initialDelayMs;
  let lastTouch = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const arm = (waitMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, waitMs));
    timer.unref();
  };
  const fire = () => {
    timer = undefined;
    if (stopped) return;
    const idleFor = Date.now() - lastTouch;
    if (idleFor >= delayMs) {
      lastTouch = Date.now();
      onIdle();
    }
    arm(delayMs - (Date.now() - lastTouch));
  };

  arm(delayMs);
  return {
    touch() {
      lastTouch = Date.now();
    },
    setDelay(next) {
      delayMs = next;
      if (!stopped) arm(delayMs - (Date.now() - lastTouch));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
