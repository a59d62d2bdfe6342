/** The paper sizes a handout is printed on. */
export type Paper = 'A4' | 'Letter';
export type HandoutPages = 1 | 2 | 3;

const PAPER_MM: Record<Paper, { width: number; height: number }> = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } };
/** The printed margin on every side of a sheet. */
export const MARGIN_MM = 14;
// A sheet stops a little short of the printable height: rounding in
// Chromium's layout must never push one sheet onto two pages.
const SAFETY_MM = 2;
// Letter is 17.6 mm shorter than A4: a one-page handout takes it from the maps.
const MAP_HEIGHT_MM: Record<Paper, Record<1 | 2, number>> = { A4: { 1: 46, 2: 72 }, Letter: { 1: 40, 2: 72 } };
// On three pages the maps have a sheet of their own, stacked: what is left of
// it after the heading, three captions, the legend and its note.
const STACKED_MAPS_RESERVE_MM = 76;

/** The measures of one printed sheet, in millimetres; handoutFit.ts fits the content to them. */
export interface SheetMeasures {
  width: number;
  height: number;
  mapHeight: number;
  /** Maps stacked one above the other (three pages) rather than side by side. */
  mapsStacked: boolean;
}

/** The printable box of one sheet on `paper`, and how tall the maps are drawn in a handout of `pages` pages. */
export function sheetMeasures(paper: Paper, pages: HandoutPages): SheetMeasures {
  const size = PAPER_MM[paper];
  const height = size.height - 2 * MARGIN_MM - SAFETY_MM;
  return {
    width: size.width - 2 * MARGIN_MM,
    height,
    mapHeight: pages === 3 ? Math.floor((height - STACKED_MAPS_RESERVE_MM) / 3) : MAP_HEIGHT_MM[paper][pages],
    mapsStacked: pages === 3,
  };
}

/** The widths of the echo table's columns in millimetres; the identification column takes the rest. */
export const TABLE_COLUMNS_MM = { number: 7, label: 44, systems: 40, parallel: 17 } as const;

/**
 * The handout's print CSS: the page size and margins, and one fixed-height
 * sheet per page, so the PDF has exactly the number of pages chosen; the
 * content of each sheet is fitted to it in handoutFit.ts, and what could
 * still run over is cut at the sheet's edge rather than spilling onto a page
 * the clinician did not ask for.
 */
export function handoutStyles(paper: Paper, pages: HandoutPages): string {
  const sheet = sheetMeasures(paper, pages);
  const columns = TABLE_COLUMNS_MM;
  return `
@page { size: ${paper}; margin: ${MARGIN_MM}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif; font-size: 8.6pt; line-height: 1.35; color: #1f2328; }
.sheet { height: ${sheet.height}mm; overflow: hidden; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.content { flex: 1 1 auto; overflow: hidden; }
footer { flex: none; height: 6mm; padding-top: 1.5mm; border-top: 0.3mm solid #d0d7de; font-size: 7pt; color: #57606a; }
header { margin-bottom: 3mm; }
.kicker { margin: 0; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #57606a; }
h1 { margin: 1mm 0; font-size: 15pt; line-height: 1.2; }
h2 { margin: 3mm 0 1.5mm; font-size: 10.5pt; line-height: 1.35; }
h3 { margin: 2mm 0 0.5mm; font-size: 9pt; line-height: 1.35; display: flex; align-items: center; gap: 1.5mm; }
p { margin: 0 0 1.5mm; }
.meta, .muted { color: #57606a; }
.map-row { display: flex; gap: 3mm; flex-direction: ${sheet.mapsStacked ? 'column' : 'row'}; }
.map { flex: 1 1 0; margin: 0; border: 0.3mm solid #d0d7de; border-radius: 2mm; padding: 1mm; }
.map figcaption { font-weight: 700; font-size: 8.5pt; line-height: 1.35; text-align: center; }
.map svg { display: block; width: 100%; height: ${sheet.mapHeight}mm; }
.legend { list-style: none; margin: 2mm 0 1mm; padding: 0; display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.legend li { display: flex; align-items: center; gap: 1.2mm; }
.swatch { width: 5mm; height: 3.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8pt; line-height: 1.35; }
col.number { width: ${columns.number}mm; }
col.label { width: ${columns.label}mm; }
col.systems { width: ${columns.systems}mm; }
col.parallel { width: ${columns.parallel}mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.2mm solid #d0d7de; overflow-wrap: anywhere; }
th { font-size: 7.5pt; color: #57606a; border-bottom: 0.4mm solid #8c959f; }
.badge { display: inline-flex; align-items: center; justify-content: center; width: 4.6mm; height: 4.6mm; border: 0.9mm solid; border-radius: 50%; font-size: 7pt; font-weight: 700; }
.question-block ul { margin: 0.5mm 0 1.5mm; padding-left: 5mm; }
.note { margin-top: 3mm; padding: 2mm 3mm; border-left: 1mm solid #8c959f; background: #f6f8fa; font-size: 8pt; line-height: 1.35; }
`;
}
