import { FIRST_ROWS, type FirstRows } from './useFirstRows';

interface ShowAllRowsProps<T> {
  rows: FirstRows<T>;
  /** The plural noun of the list: "members", "relations", "people". */
  noun: string;
  /** The whole list's length, for "Show all 150 people". */
  total: number;
  /** The id of the list this button shows more of. */
  controls: string;
}

/** The button under a cut list that shows the rest of it, or cuts it back to its first rows. */
export function ShowAllRows<T>({ rows, noun, total, controls }: ShowAllRowsProps<T>) {
  if (rows.hidden === 0 && !rows.showingAll) return null;
  return (
    <p className="show-all-rows">
      {rows.hidden > 0 && <span className="muted">{`${rows.shown.length} of ${total} ${noun} shown. `}</span>}
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={rows.showingAll}
        aria-controls={controls}
        onClick={() => rows.setShowingAll(!rows.showingAll)}
      >
        {rows.showingAll ? `Show the first ${FIRST_ROWS} only` : `Show all ${total} ${noun}`}
      </button>
    </p>
  );
}
