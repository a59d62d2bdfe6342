import { sheetMeasures, TABLE_COLUMNS_MM, type HandoutPages, type Paper, type SheetMeasures } from './handoutStyles';

/** The parts of a handout, each placed whole on one sheet. */
export type HandoutBlock = 'header' | 'summary' | 'maps' | 'table' | 'questions' | 'note';

/** Which blocks each sheet holds, for one, two and three pages. */
export const HANDOUT_SHEETS: Record<HandoutPages, readonly (readonly HandoutBlock[])[]> = {
  1: [['header', 'summary', 'maps', 'table', 'questions', 'note']],
  2: [
    ['header', 'summary', 'maps', 'note'],
    ['table', 'questions'],
  ],
  3: [['header', 'summary', 'note'], ['maps'], ['table', 'questions']],
};

/** One echo's row of the table, as text. */
export interface EchoRowText {
  selected: boolean;
  label: string;
  kind: string;
  systems: string;
  identification: string;
  parallel: string;
}

/** One selected echo's questions, as text. */
export interface QuestionBlockText {
  label: string;
  summary: string;
  questions: readonly string[];
}

/** Every text of a handout before it is fitted to its pages. */
export interface HandoutText {
  title: string;
  meta: string;
  summary: string;
  legend: readonly string[];
  mapsNote: string;
  rows: readonly EchoRowText[];
  questionBlocks: readonly QuestionBlockText[];
  note: string;
}

/** How much of the content a handout prints. */
export interface HandoutFit {
  /** Characters of the case summary (see shortenText). */
  summaryLimit: number;
  /** Rows of the echo table: the selected echoes, then the first others. */
  tableRows: number;
  questionsPerEcho: number;
  /** Whether each question block opens with the echo's tentative summary. */
  echoSummaries: boolean;
  /** Whether the maps are followed by the line that explains how to read them. */
  mapsNote: boolean;
}

const START: Record<HandoutPages, HandoutFit> = {
  1: { summaryLimit: 700, tableRows: 8, questionsPerEcho: 1, echoSummaries: false, mapsNote: true },
  2: { summaryLimit: 2000, tableRows: 24, questionsPerEcho: 2, echoSummaries: true, mapsNote: true },
  3: { summaryLimit: 4500, tableRows: 30, questionsPerEcho: 2, echoSummaries: true, mapsNote: true },
};
const MIN_SUMMARY = 250;
const SUMMARY_STEP = 150;

/**
 * What fits: starting from a generous amount for the number of pages, takes
 * away from whatever sheet would run over, least important first (rows of
 * the table beyond the selected echoes, then the summary's length, then the
 * line on how to read the maps, then the echoes' own summaries above the
 * questions, then the second question of each echo), until every sheet fits. Heights are estimated from text
 * lengths with a margin, since shared/ cannot lay text out; the estimate
 * errs on the tall side, so a handout may end with some white space but its
 * questions are not cut off.
 */
export function fitHandout(text: HandoutText, paper: Paper, pages: HandoutPages): HandoutFit {
  const sheet = sheetMeasures(paper, pages);
  const fit = { ...START[pages] };
  const selected = text.rows.filter((row) => row.selected).length;
  const reductions: { block: HandoutBlock; apply: () => boolean }[] = [
    { block: 'table', apply: () => fewerRows(fit, Math.max(selected, 1)) },
    {
      block: 'summary',
      apply: () => {
        if (fit.summaryLimit <= MIN_SUMMARY) return false;
        fit.summaryLimit = Math.max(MIN_SUMMARY, fit.summaryLimit - SUMMARY_STEP);
        return true;
      },
    },
    {
      block: 'maps',
      apply: () => {
        if (!fit.mapsNote) return false;
        fit.mapsNote = false;
        return true;
      },
    },
    {
      block: 'questions',
      apply: () => {
        if (!fit.echoSummaries) return false;
        fit.echoSummaries = false;
        return true;
      },
    },
    {
      block: 'questions',
      apply: () => {
        if (fit.questionsPerEcho <= 1) return false;
        fit.questionsPerEcho = 1;
        return true;
      },
    },
    { block: 'table', apply: () => fewerRows(fit, 1) },
  ];

  for (;;) {
    const over = HANDOUT_SHEETS[pages].find((blocks) => sheetHeight(blocks, text, fit, sheet) > sheet.height);
    if (over === undefined) return fit;
    const step = reductions.find((reduction) => over.includes(reduction.block) && reduction.apply());
    if (step === undefined) return fit;
  }
}

function fewerRows(fit: HandoutFit, atLeast: number): boolean {
  if (fit.tableRows <= atLeast) return false;
  fit.tableRows -= 1;
  return true;
}

/** At most `limit` characters, cut at the end of a sentence (or else a word), with "[…]" where it was cut. */
export function shortenText(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const head = text.slice(0, limit);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('? '), head.lastIndexOf('! '));
  const end = sentenceEnd > limit / 2 ? sentenceEnd + 1 : head.lastIndexOf(' ');
  return { text: `${head.slice(0, end > 0 ? end : limit).trimEnd()} […]`, cut: true };
}

/** The rows a table of `count` rows shows, in table order: every selected echo, then the first others. */
export function rowsShown<T extends { selected: boolean }>(rows: readonly T[], count: number): T[] {
  let others = Math.max(0, count - rows.filter((row) => row.selected).length);
  return rows.filter((row) => row.selected || others-- > 0);
}

const MM_PER_PT = 0.3528;
const LINE_HEIGHT = 1.35;
const SAFETY = 1.03;
const WRAP_LOSS = 3;
const FOOTER = 6;
const H2 = 4.5 + lineHeight(10.5);

function sheetHeight(blocks: readonly HandoutBlock[], text: HandoutText, fit: HandoutFit, sheet: SheetMeasures): number {
  const content = blocks.reduce((sum, block) => sum + blockHeight(block, text, fit, sheet), 0);
  return content * SAFETY + FOOTER;
}

function blockHeight(block: HandoutBlock, text: HandoutText, fit: HandoutFit, sheet: SheetMeasures): number {
  const width = sheet.width;
  switch (block) {
    case 'header':
      return lineHeight(7.5) + 2 + lines(text.title, width, 15, 0.62) * 15 * MM_PER_PT * 1.2 + paragraph(text.meta, width, 8.6) + 3;
    case 'summary': {
      if (text.summary.trim() === '') return H2 + paragraph('No summary', width, 8.6);
      const shortened = shortenText(text.summary.trim(), fit.summaryLimit);
      const paragraphs = shortened.text.split(/\n\s*\n/).reduce((sum, p) => sum + paragraph(p, width, 8.6), 0);
      return H2 + paragraphs + (shortened.cut ? paragraph('Shortened for this handout', width, 8.6) : 0);
    }
    case 'maps': {
      const figure = lineHeight(8.5) + sheet.mapHeight + 2.6;
      const figures = sheet.mapsStacked ? 3 * figure + 6 : figure;
      return H2 + figures + legendHeight(text.legend, width) + (fit.mapsNote ? paragraph(text.mapsNote, width, 8.6) : 0);
    }
    case 'table':
      return tableHeight(text.rows, fit, width);
    case 'questions':
      return (
        H2 +
        text.questionBlocks.reduce((sum, block) => {
          const summary = fit.echoSummaries ? paragraph(block.summary, width, 8.6) : 0;
          const questions = block.questions.slice(0, fit.questionsPerEcho).reduce((total, q) => total + lines(q, width - 5, 8.6) * lineHeight(8.6), 0);
          // The list's bottom margin and the next heading's top margin collapse into one.
          return sum + 2 + Math.max(lineHeight(9), 4.6) + summary + questions + 1.5;
        }, 0)
      );
    case 'note':
      return 3 + 4 + lines(text.note, width - 8, 8) * lineHeight(8);
  }
}

function tableHeight(rows: readonly EchoRowText[], fit: HandoutFit, width: number): number {
  if (rows.length === 0) return H2 + paragraph('Nothing recurs', width, 8.6);
  const columns = TABLE_COLUMNS_MM;
  const identification = width - columns.number - columns.label - columns.systems - columns.parallel;
  const header = Math.max(lines('Identification (Racker)', identification - 3, 7.5), lines('Full parallel process', columns.parallel - 3, 7.5)) * lineHeight(7.5) + 2.4;
  const shown = rowsShown(rows, fit.tableRows);
  const body = shown.reduce((sum, row) => {
    const tallest = Math.max(
      lines(row.label, columns.label - 3, 8, 0.58) + 1,
      lines(row.systems, columns.systems - 3, 8),
      lines(row.identification, identification - 3, 8),
      lines(row.parallel, columns.parallel - 3, 8),
    );
    return sum + Math.max(tallest * lineHeight(8), 4.6) + 2.2;
  }, 0);
  const more = shown.length < rows.length ? paragraph('more echoes', width, 8.6) : 0;
  return H2 + header + body + more;
}

function legendHeight(labels: readonly string[], width: number): number {
  let rows = labels.length === 0 ? 0 : 1;
  let x = 0;
  for (const label of labels) {
    const item = 6.2 + label.length * 8.6 * MM_PER_PT * 0.55 + 4;
    if (x > 0 && x + item > width) {
      rows += 1;
      x = 0;
    }
    x += item;
  }
  return 3 + rows * Math.max(lineHeight(8.6), 3.5) + Math.max(0, rows - 1);
}

/** A paragraph's height with its bottom margin. */
function paragraph(text: string, width: number, fontPt: number): number {
  return lines(text, width, fontPt) * lineHeight(fontPt) + 1.5;
}

/**
 * How many lines a text takes at `fontPt` in a box `width` mm wide, with an
 * average glyph of `glyphEm` (DejaVu Sans, the widest of the fonts the
 * handout asks for, averages about 0.5 em on English prose) and about a
 * word's end lost to wrapping on each line.
 */
function lines(text: string, width: number, fontPt: number, glyphEm = 0.49): number {
  const perLine = Math.max(1, Math.floor(width / (fontPt * MM_PER_PT * glyphEm)) - WRAP_LOSS);
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

function lineHeight(fontPt: number): number {
  return fontPt * MM_PER_PT * LINE_HEIGHT;
}
