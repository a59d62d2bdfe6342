import { LABEL_FONT_SIZE, NAME_FONT_SIZE } from '../scene/sceneConstants';

/** Millimetres in one typographic point. */
export const MM_PER_PT = 25.4 / 72;

/** The smallest a person's name is printed in a handout, in points. */
export const MIN_NAME_PT = 8;
/** The smallest a relation's label is printed in a handout, in points. */
export const MIN_LABEL_PT = 7;
/**
 * The smallest scale a handout draws its maps at, in points per map unit:
 * names then come out at 8 pt and labels at 14 × 8/15 ≈ 7.5 pt.
 */
export const MIN_MAP_SCALE = Math.max(MIN_NAME_PT / NAME_FONT_SIZE, MIN_LABEL_PT / LABEL_FONT_SIZE);
/** The scale the maps are drawn at when nothing presses them smaller: names at 9 pt, like the text around them. */
export const PREFERRED_MAP_SCALE = 9 / NAME_FONT_SIZE;

/** Around each map on paper: its frame's border and padding on both sides, in mm. */
export const MAP_FRAME_MM = 2 * (0.3 + 1);
/** Between two maps in a row, and between rows, in mm. */
export const MAP_GAP_MM = 3;

/** A map's drawing in map units: the width and height of its SVG's viewBox. */
export interface MapSize {
  width: number;
  height: number;
}

/** Where the maps may go: the sheet's printable width, and the tallest a map may be to fit on one sheet, in mm. */
export interface MapArea {
  width: number;
  height: number;
}

/** How a handout draws its maps. */
export interface HandoutMapLayout {
  /** Points on paper per map unit, the same for every map so one person's box is one size throughout. */
  scale: number;
  /** The maps' indices, row by row: all three in one row when they fit side by side, else as many per row as fit. */
  rows: number[][];
  /** Each map's drawing on paper (its SVG), upright, in mm: its width in map units times the scale. */
  sizes: MapSize[];
  /** Each map's place on the page, in mm: its size, or that size turned a quarter for a map printed sideways. */
  footprints: MapSize[];
  /** Which maps are printed sideways (turned a quarter, to be read with the sheet turned): a map too wide for the sheet at the minimum size, that fits turned. */
  turned: boolean[];
  /** The size names are printed at, in points. */
  namePt: number;
  /** The size relation labels are printed at, in points. */
  labelPt: number;
  /** Whether names and labels reach MIN_NAME_PT and MIN_LABEL_PT; only a map too big for a whole sheet, upright or turned, falls short. */
  legible: boolean;
}

/** The size in points a font of `units` map units is printed at, at `scale` points per unit. */
export function printedPt(units: number, scale: number): number {
  return units * scale;
}

/**
 * How big a handout prints its maps, and how it arranges them. One scale for
 * all three maps, between MIN_MAP_SCALE and the preferred scale (names at
 * 9 pt): the maps stand side by side when they fit across the sheet at such
 * a scale, else each row takes as many as fit (a wide map alone on its row,
 * the full width of the sheet). Of the scales in that range, the largest
 * that gives the fewest rows (`most` lowers the top of the range: the
 * handout draws its maps at the minimum before it leaves anything out for
 * lack of room). A map too wide for the sheet at the minimum is printed
 * sideways when it fits that way; only a map too big for a sheet either way
 * is drawn smaller than the minimum, and `legible` then says so. Pure: the
 * handout's CSS and its page estimate both come from this.
 */
export function handoutMapLayout(maps: readonly MapSize[], area: MapArea, most: number = PREFERRED_MAP_SCALE): HandoutMapLayout {
  const across = (count: number) => (area.width - (count - 1) * MAP_GAP_MM - count * MAP_FRAME_MM) / MM_PER_PT;
  // The largest scale at which a map of this size fits a sheet.
  const fits = ({ width, height }: MapSize) => Math.min(across(1) / Math.max(1, width), area.height / MM_PER_PT / Math.max(1, height));
  const turned = maps.map((map) => fits(map) < MIN_MAP_SCALE && fits({ width: map.height, height: map.width }) > fits(map));
  const footprints = maps.map((map, index) => (turned[index] ? { width: map.height, height: map.width } : map));
  const largest = Math.min(most, ...footprints.map(fits));
  if (largest < MIN_MAP_SCALE) return layout(maps, footprints, turned, largest, packRows(footprints, largest, area.width));

  // The scales at which a run of maps just fills a row, in the range allowed.
  const candidates = [largest, MIN_MAP_SCALE];
  for (let first = 0; first < footprints.length; first += 1) {
    let width = 0;
    for (let last = first; last < footprints.length; last += 1) {
      width += (footprints[last] as MapSize).width;
      const scale = across(last - first + 1) / Math.max(1, width);
      if (scale >= MIN_MAP_SCALE && scale <= largest) candidates.push(scale * (1 - 1e-9));
    }
  }
  let best = { scale: MIN_MAP_SCALE, rows: packRows(footprints, MIN_MAP_SCALE, area.width) };
  for (const scale of candidates) {
    const rows = packRows(footprints, scale, area.width);
    if (rows.length < best.rows.length || (rows.length === best.rows.length && scale > best.scale)) best = { scale, rows };
  }
  return layout(maps, footprints, turned, best.scale, best.rows);
}

/** Maps in order, each row taking the next map while it fits across `width` mm at `scale`. */
function packRows(footprints: readonly MapSize[], scale: number, width: number): number[][] {
  const rows: number[][] = [];
  let used = 0;
  footprints.forEach((map, index) => {
    const figure = map.width * scale * MM_PER_PT + MAP_FRAME_MM;
    const row = rows[rows.length - 1];
    if (row !== undefined && used + MAP_GAP_MM + figure <= width + 1e-6) {
      row.push(index);
      used += MAP_GAP_MM + figure;
    } else {
      rows.push([index]);
      used = figure;
    }
  });
  return rows;
}

function layout(maps: readonly MapSize[], footprints: readonly MapSize[], turned: boolean[], scale: number, rows: number[][]): HandoutMapLayout {
  const onPaper = (map: MapSize) => ({ width: map.width * scale * MM_PER_PT, height: map.height * scale * MM_PER_PT });
  const namePt = printedPt(NAME_FONT_SIZE, scale);
  const labelPt = printedPt(LABEL_FONT_SIZE, scale);
  return {
    scale,
    rows,
    sizes: maps.map(onPaper),
    footprints: footprints.map(onPaper),
    turned,
    namePt,
    labelPt,
    // A hair under, from floating point, is still the minimum.
    legible: namePt >= MIN_NAME_PT - 1e-9 && labelPt >= MIN_LABEL_PT - 1e-9,
  };
}
