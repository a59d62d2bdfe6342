import { useCallback, useState } from 'react';

const STORAGE_KEY = 'triptych.echoDrawerOpen';

function remembered(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

/**
 * Whether the echo list is shown where it does not fit beside the maps (a
 * window under 1500 px): a view preference, not case data, remembered for
 * this window's session so every case opens the way the clinician left it.
 */
export function useEchoDrawer(): { open: boolean; setOpen: (open: boolean | ((was: boolean) => boolean)) => void } {
  const [open, setOpenState] = useState(remembered);
  const setOpen = useCallback((next: boolean | ((was: boolean) => boolean)) => {
    setOpenState((was) => {
      const value = typeof next === 'function' ? next(was) : next;
      try {
        window.sessionStorage.setItem(STORAGE_KEY, String(value));
      } catch {
        // Storage refused (private mode): the drawer still works, it is just not remembered.
      }
      return value;
    });
  }, []);
  return { open, setOpen };
}
