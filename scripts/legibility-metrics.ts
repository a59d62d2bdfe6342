/**
 * The arithmetic of `npm run legibility` (scripts/legibility.ts): what one
 * map reports, how a (case, viewport) row is computed from it, the targets a
 * row is judged against, and the table. No browser here, so it can be unit
 * tested on its own.
 */

/** A drawn box in viewport CSS pixels: [x1, y1, x2, y2]. */
export type Box = readonly [number, number, number, number];

/** What one map root reported at one moment; null wherever an attribute is missing or unreadable. */
export interface MapReading {
  system: string;
  /** data-node-count: how many people the map draws. */
  nodeCount: number | null;
  zoom: number | null;
  nodeBoxes: Record<string, Box> | null;
  labelBoxes: Record<string, Box> | null;
  namePx: number | null;
  labelPx: number | null;
  layoutMs: number | null;
  /** The bounding client rect of `.map-canvas` inside the map root. */
  canvas: Box | null;
}

/** One row of the report, in the order and with the names of `--json`. */
export interface LegibilityRow {
  case: string;
  viewport: string;
  people: number | null;
  min_name_px: number | null;
  min_label_px: number | null;
  node_overlaps: number | null;
  label_overlaps: number | null;
  outside: number | null;
  zoom_spread: number | null;
  layout_ms: number | null;
}

/** Less than this much overlap, in either direction, is not an overlap. */
export const MIN_OVERLAP_PX = 1;
/** A box may poke this far past the canvas (sub-pixel rounding) and still count as inside. */
export const OUTSIDE_TOLERANCE_PX = 0.5;

/** Whether two boxes overlap by at least MIN_OVERLAP_PX both across and down. */
export function intersects(a: Box, b: Box): boolean {
  const across = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const down = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return across >= MIN_OVERLAP_PX && down >= MIN_OVERLAP_PX;
}

/** Whether `box` lies wholly inside `frame` (within OUTSIDE_TOLERANCE_PX). */
export function inside(box: Box, frame: Box): boolean {
  const t = OUTSIDE_TOLERANCE_PX;
  return box[0] >= frame[0] - t && box[1] >= frame[1] - t && box[2] <= frame[2] + t && box[3] <= frame[3] + t;
}

/** Pairs of person boxes that intersect. */
export function nodeOverlaps(nodeBoxes: Record<string, Box>): number {
  const boxes = Object.values(nodeBoxes);
  let count = 0;
  for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) if (intersects(boxes[i] as Box, boxes[j] as Box)) count += 1;
  return count;
}

/** (relation label, person) pairs whose boxes intersect, every person included. */
export function labelOverlaps(labelBoxes: Record<string, Box>, nodeBoxes: Record<string, Box>): number {
  const people = Object.values(nodeBoxes);
  let count = 0;
  for (const label of Object.values(labelBoxes)) for (const person of people) if (intersects(label, person)) count += 1;
  return count;
}

/** Person boxes not wholly inside the map's canvas. */
export function outsideCount(reading: MapReading): number | null {
  if (reading.nodeBoxes === null || reading.canvas === null) return null;
  const canvas = reading.canvas;
  return Object.values(reading.nodeBoxes).filter((box) => !inside(box, canvas)).length;
}

/** Whether the map draws nobody (these are skipped where the brief says so). */
export function isEmpty(reading: MapReading): boolean {
  if (reading.nodeCount !== null) return reading.nodeCount === 0;
  return reading.nodeBoxes !== null && Object.keys(reading.nodeBoxes).length === 0;
}

/** Sum of `part` over the maps, or null when any map cannot say. */
function sumOf<T>(items: readonly T[], part: (item: T) => number | null): number | null {
  let total = 0;
  for (const item of items) {
    const value = part(item);
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** The values of `part` over the maps, or null when any map cannot say. */
function allOf<T>(items: readonly T[], part: (item: T) => number | null): number[] | null {
  const values: number[] = [];
  for (const item of items) {
    const value = part(item);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

/** Rounds to one decimal; keeps null. */
export function round1(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

/**
 * One row from the readings of the three maps on open (`onOpen`) and the
 * readings after each echo was selected (`afterEchoes`, one array of three per
 * echo). A figure is null when a map it needs did not report what it takes.
 */
export function computeRow(name: string, viewport: string, onOpen: readonly MapReading[], afterEchoes: readonly (readonly MapReading[])[]): LegibilityRow {
  const filled = onOpen.filter((reading) => !isEmpty(reading));
  const counts = allOf(onOpen, (reading) => reading.nodeCount ?? (reading.nodeBoxes === null ? null : Object.keys(reading.nodeBoxes).length));
  const names = allOf(filled, (reading) => reading.namePx);
  const labels = allOf(filled, (reading) => reading.labelPx);
  const zooms = allOf(filled, (reading) => reading.zoom);
  const layouts = allOf(onOpen, (reading) => reading.layoutMs);
  const states = [onOpen, ...afterEchoes];
  return {
    case: name,
    viewport,
    people: counts === null ? null : Math.max(0, ...counts),
    min_name_px: round1(names === null || names.length === 0 ? null : Math.min(...names)),
    min_label_px: round1(labels === null || labels.length === 0 ? null : Math.min(...labels)),
    node_overlaps: sumOf(onOpen, (reading) => (reading.nodeBoxes === null ? null : nodeOverlaps(reading.nodeBoxes))),
    label_overlaps: sumOf(onOpen, (reading) =>
      reading.nodeBoxes === null || reading.labelBoxes === null ? null : labelOverlaps(reading.labelBoxes, reading.nodeBoxes),
    ),
    outside: sumOf(states, (state) => sumOf(state, outsideCount)),
    zoom_spread: round1(zooms === null || zooms.length === 0 || Math.min(...zooms) <= 0 ? null : Math.max(...zooms) / Math.min(...zooms)),
    layout_ms: round1(layouts === null || layouts.length === 0 ? null : Math.max(...layouts)),
  };
}

/** The row's figures with nothing computed, for a (case, viewport) that could not be measured. */
export function emptyRow(name: string, viewport: string): LegibilityRow {
  return {
    case: name,
    viewport,
    people: null,
    min_name_px: null,
    min_label_px: null,
    node_overlaps: null,
    label_overlaps: null,
    outside: null,
    zoom_spread: null,
    layout_ms: null,
  };
}

/** The targets: no overlaps and nobody outside anywhere; readable sizes and even zoom for small cases. */
export const TARGETS = {
  namePxAtLeast: 12,
  labelPxAtLeast: 11,
  zoomSpreadAtMost: 1.25,
  /** Up to how many people (in one system) a case counts as small, by viewport. */
  smallCaseMostPeople: { '1440x900': 15, '1280x720': 8 } as Record<string, number>,
} as const;

/** A row judged against TARGETS: what failed, and what could not be judged because it is missing. */
export interface Verdict {
  status: 'pass' | 'fail' | 'unknown';
  failed: string[];
  missing: string[];
}

export function judgeRow(row: LegibilityRow): Verdict {
  const failed: string[] = [];
  const missing: string[] = [];
  const check = (label: string, value: number | null, ok: (value: number) => boolean) => {
    if (value === null) missing.push(label);
    else if (!ok(value)) failed.push(label);
  };
  check('node_overlaps', row.node_overlaps, (value) => value === 0);
  check('label_overlaps', row.label_overlaps, (value) => value === 0);
  check('outside', row.outside, (value) => value === 0);
  const smallUpTo = TARGETS.smallCaseMostPeople[row.viewport];
  const small = row.people !== null && smallUpTo !== undefined && row.people <= smallUpTo;
  if (row.people === null) missing.push('people');
  if (small) {
    check('min_name_px', row.min_name_px, (value) => value >= TARGETS.namePxAtLeast);
    check('min_label_px', row.min_label_px, (value) => value >= TARGETS.labelPxAtLeast);
    check('zoom_spread', row.zoom_spread, (value) => value <= TARGETS.zoomSpreadAtMost);
  }
  return { status: failed.length > 0 ? 'fail' : missing.length > 0 ? 'unknown' : 'pass', failed, missing };
}

const COLUMNS: (keyof LegibilityRow)[] = ['case', 'viewport', 'people', 'min_name_px', 'min_label_px', 'node_overlaps', 'label_overlaps', 'outside', 'zoom_spread', 'layout_ms'];

/** The report as a plain-text table, one line per row with its verdict, and the targets under it. */
export function formatTable(rows: readonly LegibilityRow[], notes: ReadonlyMap<LegibilityRow, string> = new Map()): string {
  const cell = (value: string | number | null) => (value === null ? '-' : typeof value === 'number' ? String(value) : value);
  const header = [...COLUMNS, 'verdict'];
  const body = rows.map((row) => {
    const verdict = judgeRow(row);
    const parts = [verdict.status === 'pass' ? 'pass' : verdict.status === 'fail' ? 'FAIL' : '?'];
    if (verdict.failed.length > 0) parts.push(`(${verdict.failed.join(', ')})`);
    if (verdict.missing.length > 0) parts.push(`[missing: ${verdict.missing.join(', ')}]`);
    const note = notes.get(row);
    if (note) parts.push(`error: ${note}`);
    return [...COLUMNS.map((column) => cell(row[column])), parts.join(' ')];
  });
  const widths = header.map((title, index) => Math.max(title.length, ...body.map((line) => (line[index] ?? '').length)));
  const numeric = (index: number) => index >= 2 && index < COLUMNS.length;
  const line = (cells: string[]) =>
    cells
      .map((text, index) => (index === cells.length - 1 ? text : numeric(index) ? text.padStart(widths[index] ?? 0) : text.padEnd(widths[index] ?? 0)))
      .join('  ');
  const small = Object.entries(TARGETS.smallCaseMostPeople)
    .map(([viewport, most]) => `<= ${most} people at ${viewport}`)
    .join(', ');
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
    `Targets: 0 node_overlaps, 0 label_overlaps and 0 outside everywhere; for small cases (${small}) also`,
    `min_name_px >= ${TARGETS.namePxAtLeast}, min_label_px >= ${TARGETS.labelPxAtLeast} and zoom_spread <= ${TARGETS.zoomSpreadAtMost}.`,
    "'-' is a figure a map did not report (a missing attribute); '?' is a row that cannot be judged until it does.",
  ].join('\n');
}
