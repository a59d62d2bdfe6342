import { useState } from 'react';

/**
 * How many rows a long list under the maps shows until the clinician asks
 * for all: a usual case fits whole, while a case of a hundred people opens
 * without building (and laying out) thousands of fields nobody is looking at.
 */
export const FIRST_ROWS = 20;

/** A long list cut to its first rows, and the switch between those and all of them. */
export interface FirstRows<T> {
  shown: readonly T[];
  /** How many rows are left out; 0 when the whole list shows. */
  hidden: number;
  /** Whether the clinician asked for every row (false while the list is short enough to show whole). */
  showingAll: boolean;
  setShowingAll: (all: boolean) => void;
}

/**
 * Shows the first FIRST_ROWS of `rows`, or all of them once asked. A list
 * that grows past the length it opened with shows whole, so a person or
 * relation just added (they go at the end) is always on screen.
 */
export function useFirstRows<T>(rows: readonly T[], limit: number = FIRST_ROWS): FirstRows<T> {
  const [showingAll, setShowingAll] = useState(false);
  const [openedWith] = useState(rows.length);
  const whole = showingAll || rows.length <= limit || rows.length > openedWith;
  return {
    shown: whole ? rows : rows.slice(0, limit),
    hidden: whole ? 0 : rows.length - limit,
    showingAll: showingAll && rows.length > limit,
    setShowingAll,
  };
}
