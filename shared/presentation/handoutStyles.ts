import { MAP_FRAME_MM, MAP_GAP_MM } from './handoutMapScale';

/** The paper sizes a handout is printed on. */
export type Paper = 'A4' | 'Letter';
/** The most pages a handout may take; it takes fewer when its content needs fewer. */
export type HandoutPages = 1 | 2 | 3;

const PAPER_MM: Record<Paper, { width: number; height: number }> = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } };
/** The printed margin on every side of a sheet. */
export const MARGIN_MM = 14;
// A sheet stops a little short of the printable height: rounding in
// Chromium's layout must never push one sheet onto two pages.
const SAFETY_MM = 2;

/** The measures of one printed sheet, in millimetres; handoutFit.ts fits the content to them. */
export interface SheetMeasures {
  width: number;
  height: number;
}

/** The printable box of one sheet on `paper`. */
export function sheetMeasures(paper: Paper): SheetMeasures {
  const size = PAPER_MM[paper];
  return { width: size.width - 2 * MARGIN_MM, height: size.height - 2 * MARGIN_MM - SAFETY_MM };
}

/** The widths of the echo table's columns in millimetres; the identification column takes the rest. */
export const TABLE_COLUMNS_MM = { number: 7, label: 44, systems: 40, parallel: 17 } as const;
/** The width of the "who" column of the relations' words; "what happens" takes the rest. */
export const WORDS_WHO_MM = 52;

/**
 * The handout's print CSS: the page size and margins, and one fixed-height
 * sheet per page, so the PDF has exactly the sheets handoutFit.ts planned;
 * what could still run over a sheet is cut at its edge rather than spilling
 * onto a page nobody planned. Each map's size is set on its own element,
 * from handoutMapScale.ts.
 */
export function handoutStyles(paper: Paper): string {
  const sheet = sheetMeasures(paper);
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
.map-row { display: flex; flex-wrap: nowrap; justify-content: center; align-items: flex-start; gap: ${MAP_GAP_MM}mm; margin-bottom: ${MAP_GAP_MM}mm; }
.map { flex: none; margin: 0; border: 0.3mm solid #d0d7de; border-radius: 2mm; padding: ${MAP_FRAME_MM / 2 - 0.3}mm; }
.map figcaption { font-weight: 700; font-size: 8.5pt; line-height: 1.35; text-align: center; }
.map-box svg { display: block; width: 100%; height: 100%; }
.map-turn { position: relative; overflow: hidden; }
.map-turned { position: absolute; left: 0; top: 0; transform-origin: top left; }
.legend { list-style: none; margin: 0 0 1mm; padding: 0; display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.legend li { display: flex; align-items: center; gap: 1.2mm; }
.swatch { width: 5mm; height: 3.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8pt; line-height: 1.35; }
col.number { width: ${columns.number}mm; }
col.label { width: ${columns.label}mm; }
col.systems { width: ${columns.systems}mm; }
col.parallel { width: ${columns.parallel}mm; }
col.who { width: ${WORDS_WHO_MM}mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.2mm solid #d0d7de; overflow-wrap: anywhere; }
th { font-size: 7.5pt; color: #57606a; border-bottom: 0.4mm solid #8c959f; }
.feelings { font-size: 8pt; }
.words table { margin-bottom: 1.5mm; }
.badge { display: inline-flex; align-items: center; justify-content: center; width: 4.6mm; height: 4.6mm; border: 0.9mm solid; border-radius: 50%; font-size: 7pt; font-weight: 700; }
.question-block ul { margin: 0.5mm 0 1.5mm; padding-left: 5mm; }
.note { margin-top: 3mm; padding: 2mm 3mm; border-left: 1mm solid #8c959f; background: #f6f8fa; font-size: 8pt; line-height: 1.35; }
.note p { margin: 0; }
.note .omitted { margin-top: 1.5mm; font-weight: 700; }
`;
}
