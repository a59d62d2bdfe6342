import { handoutMapLayout, MAP_FRAME_MM, MAP_GAP_MM, MIN_MAP_SCALE, MM_PER_PT, PREFERRED_MAP_SCALE, type HandoutMapLayout, type MapSize } from './handoutMapScale';
import { sheetMeasures, TABLE_COLUMNS_MM, WORDS_WHO_MM, type HandoutPages, type Paper, type SheetMeasures } from './handoutStyles';

/** The parts of a handout, in the order they are printed. */
export type HandoutBlock = 'header' | 'summary' | 'maps' | 'legend' | 'words' | 'table' | 'questions' | 'note';

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

/** What happens and what is felt in one system, as text. */
export interface SystemWordsText {
  /** The system's name: "Client's world". */
  system: string;
  /** Each member with feelings: who, and their feelings in words. */
  feelings: readonly { who: string; feelings: string }[];
  /** Each relation: who toward whom, and its act ("what happens"), or "—". */
  relations: readonly { who: string; act: string }[];
}

/** Every text of a handout before it is fitted to its pages. */
export interface HandoutText {
  title: string;
  meta: string;
  summary: string;
  /** Each map's drawing in map units (its SVG's viewBox), in system order. */
  maps: readonly MapSize[];
  /** The systems' names, in the order of `maps` and `words`. */
  systems: readonly string[];
  legend: readonly string[];
  mapsNote: string;
  words: readonly SystemWordsText[];
  rows: readonly EchoRowText[];
  questionBlocks: readonly QuestionBlockText[];
  note: string;
}

/** One piece of a sheet: a block, or the part of one that fits there. */
export type HandoutPiece =
  | { block: 'header' | 'summary' | 'legend' | 'note' }
  /** One row of maps; the first carries the section's heading. */
  | { block: 'maps'; maps: readonly number[]; heading: boolean }
  /** Relations `from` to `to` (exclusive) of one system's words; the first part carries its feelings. */
  | { block: 'words'; system: number; from: number; to: number; heading: boolean; first: boolean }
  /** Rows `from` to `to` (exclusive) of the echoes shown in the table. */
  | { block: 'table'; from: number; to: number; heading: boolean; last: boolean }
  /** One selected echo's questions. */
  | { block: 'questions'; echo: number; heading: boolean };

/** How much of the content a handout prints, and on which sheet. */
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
  /** How big the maps are drawn, and in which rows. */
  maps: HandoutMapLayout;
  /** The pieces on each sheet; as many sheets as the content needs, up to the most allowed. */
  sheets: HandoutPiece[][];
  /** What was left out for lack of room, in the handout's order, in words, one entry per kind ("the maps of Therapy and Supervision"). */
  omitted: string[];
}

const START = { summaryLimit: 4500, tableRows: 30, questionsPerEcho: 2, echoSummaries: true, mapsNote: true };
const MIN_SUMMARY = 250;
const SUMMARY_STEP = 150;

/** A part that can be left out whole: `group` names the kind, `item` which one ("the map of", "Therapy"); `plural` names several. */
interface Omissible {
  key: string;
  group: string;
  plural?: string;
  item: string;
}

/**
 * What fits in at most `maxPages` sheets, and where. Everything is printed
 * at its most generous (the whole summary up to 4,500 characters, up to 30
 * echoes, two questions each, maps with names at 9 pt) on as many sheets as
 * it takes, each part after the last and the tables running on from sheet
 * to sheet. When that is more than `maxPages`, the least important gives way
 * first: rows of the echo table beyond the selected echoes, the summary's
 * length, the line on how to read the maps, the echoes' own summaries above
 * the questions, the second question of each echo, the maps' size (down to
 * names at 8 pt); then whole parts: what happens and what is felt in each
 * system (Supervision first), the table of echoes, the questions on the
 * third and second echoes, the summary, the questions on the first, and
 * last the maps. Then whatever fits again is given back, most important
 * first. The maps are kept on one sheet at the smaller size rather than
 * split over two at the larger, when that leaves out no more. What is left
 * out is named on the last sheet and in `omitted`. Heights are estimated
 * from text lengths with a margin, since shared/ cannot lay text out; the
 * estimate errs on the tall side, so a sheet may end with some white space
 * but nothing is cut off.
 */
export function fitHandout(text: HandoutText, paper: Paper, maxPages: HandoutPages): HandoutFit {
  const large = fitAt(text, paper, maxPages, PREFERRED_MAP_SCALE);
  if (large.fit.maps.scale <= MIN_MAP_SCALE || mapsTogether(large.fit.sheets)) return large.fit;
  // The maps side by side on one sheet read better than larger maps over two:
  // drawn at the minimum, unless that leaves more out.
  const small = fitAt(text, paper, maxPages, MIN_MAP_SCALE);
  return small.left <= large.left && mapsTogether(small.fit.sheets) ? small.fit : large.fit;
}

/** Whether every row of maps is on one sheet. */
function mapsTogether(sheets: readonly (readonly HandoutPiece[])[]): boolean {
  return sheets.filter((pieces) => pieces.some((piece) => piece.block === 'maps')).length <= 1;
}

/** The fit with the maps drawn at most `most` points per map unit, and how many parts it leaves out. */
function fitAt(text: HandoutText, paper: Paper, maxPages: HandoutPages, most: number): { fit: HandoutFit; left: number } {
  const sheet = sheetMeasures(paper);
  const capacity = sheet.height - FOOTER;
  // The tallest a map may be: a sheet less the section's heading, the map's caption and frame.
  const mapArea = { width: sheet.width, height: capacity - H2 * SAFETY - CAPTION - MAP_FRAME_MM - MAP_GAP_MM - 0.5 };
  const START_MAPS = handoutMapLayout(text.maps, mapArea, most);
  const fit: HandoutFit = { ...START, maps: START_MAPS, sheets: [], omitted: [] };
  const measure = new Measure(text, fit, sheet);
  const left = new Set<string>();
  const selected = text.rows.filter((row) => row.selected).length;

  // The summary must fit on one sheet; the tables run on from sheet to sheet.
  while (measure.of({ block: 'summary' }) > capacity && shorterSummary(fit));

  const system = (index: number) => text.systems[index] ?? `map ${index + 1}`;
  const words = (index: number): Omissible => ({ key: `words:${index}`, group: 'what happens and what is felt in', item: system(index) });
  const questions = (index: number): Omissible => ({ key: `questions:${index}`, group: 'the questions on echo', plural: 'the questions on echoes', item: String(index + 1) });
  const map = (index: number): Omissible => ({ key: `maps:${index}`, group: 'the map of', plural: 'the maps of', item: system(index) });
  // Least important first.
  const omissible: Omissible[] = [
    ...[...text.words.keys()].reverse().map(words),
    ...(text.rows.length > 0 ? [{ key: 'table', group: 'the table of echoes', item: '' }] : []),
    ...[...text.questionBlocks.keys()].reverse().filter((index) => index > 0).map(questions),
    ...(text.summary.trim() !== '' ? [{ key: 'summary', group: 'the summary', item: '' }] : []),
    ...(text.questionBlocks.length > 0 ? [questions(0)] : []),
    ...[...text.maps.keys()].reverse().map(map),
  ];
  const keys = (prefix: string, list: readonly unknown[]) => list.map((_, index) => `${prefix}:${index}`);
  const order = ['summary', ...keys('maps', text.maps), ...keys('words', text.words), 'table', ...keys('questions', text.questionBlocks)];
  const plan = () => {
    fit.omitted = inWords(omissible.filter((part) => left.has(part.key)).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)));
    fit.sheets = paginate(pieces(text, fit, left), measure, capacity);
    return fit.sheets.length <= maxPages;
  };

  const reductions: (() => boolean)[] = [
    () => fewerRows(fit, Math.max(selected, 1)),
    () => shorterSummary(fit),
    () => turnOff(fit, 'mapsNote'),
    () => turnOff(fit, 'echoSummaries'),
    () => {
      if (fit.questionsPerEcho <= 1) return false;
      fit.questionsPerEcho = 1;
      return true;
    },
    () => {
      if (fit.maps.scale <= MIN_MAP_SCALE) return false;
      fit.maps = handoutMapLayout(text.maps, mapArea, MIN_MAP_SCALE);
      return true;
    },
    ...omissible.map((part) => () => {
      if (left.has(part.key)) return false;
      left.add(part.key);
      return true;
    }),
  ];
  while (!plan()) if (!reductions.some((reduce) => reduce())) break;

  // A part left out early may fit again once a later one is out: put back
  // what fits, most important first; then give back what was shortened,
  // as far as it fits.
  for (const part of [...omissible].reverse()) {
    if (!left.has(part.key)) continue;
    left.delete(part.key);
    if (!plan()) left.add(part.key);
  }
  const undo = (change: () => boolean): boolean => {
    const before = { ...fit };
    if (!change()) return false;
    if (plan()) return true;
    Object.assign(fit, before);
    return false;
  };
  const restore = <K extends keyof HandoutFit>(key: K, value: HandoutFit[K], when: boolean) =>
    when &&
    undo(() => {
      fit[key] = value;
      return true;
    });
  restore('maps', START_MAPS, fit.maps.scale < START_MAPS.scale);
  restore('questionsPerEcho', START.questionsPerEcho, fit.questionsPerEcho < START.questionsPerEcho);
  restore('echoSummaries', true, !fit.echoSummaries);
  restore('mapsNote', true, !fit.mapsNote);
  while (restore('summaryLimit', Math.min(START.summaryLimit, fit.summaryLimit + SUMMARY_STEP), !left.has('summary') && fit.summaryLimit < START.summaryLimit));
  while (restore('tableRows', fit.tableRows + 1, !left.has('table') && fit.tableRows < Math.min(START.tableRows, text.rows.length)));
  plan();
  return { fit, left: left.size };
}

function fewerRows(fit: HandoutFit, atLeast: number): boolean {
  if (fit.tableRows <= atLeast) return false;
  fit.tableRows -= 1;
  return true;
}

/** The parts left out, in words, one entry per kind: "the maps of Therapy and Supervision", "the questions on echoes 2 and 3". */
function inWords(parts: readonly Omissible[]): string[] {
  const groups = new Map<string, string[]>();
  const plurals = new Map(parts.map((part) => [part.group, part.plural ?? part.group]));
  for (const part of parts) groups.set(part.group, [...(groups.get(part.group) ?? []), part.item]);
  return [...groups].map(([group, items]) => {
    if (items.length === 1) return items[0] === '' ? group : `${group} ${items[0]}`;
    return `${plurals.get(group) ?? group} ${listWords(items)}`;
  });
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function turnOff(fit: HandoutFit, setting: 'mapsNote' | 'echoSummaries'): boolean {
  if (!fit[setting]) return false;
  fit[setting] = false;
  return true;
}

function shorterSummary(fit: HandoutFit): boolean {
  if (fit.summaryLimit <= MIN_SUMMARY) return false;
  fit.summaryLimit = Math.max(MIN_SUMMARY, fit.summaryLimit - SUMMARY_STEP);
  return true;
}

/** Every piece of the handout in print order, leaving out the parts in `left`; tables whole, to be split by paginate. */
function pieces(text: HandoutText, fit: HandoutFit, left: ReadonlySet<string>): HandoutPiece[] {
  const all: HandoutPiece[] = [{ block: 'header' }];
  if (!left.has('summary')) all.push({ block: 'summary' });
  const rows = fit.maps.rows.map((row) => row.filter((index) => !left.has(`maps:${index}`))).filter((row) => row.length > 0);
  rows.forEach((row, index) => all.push({ block: 'maps', maps: row, heading: index === 0 }));
  if (rows.length > 0) all.push({ block: 'legend' });
  const systems = [...text.words.keys()].filter((index) => !left.has(`words:${index}`));
  systems.forEach((system, index) =>
    all.push({ block: 'words', system, from: 0, to: (text.words[system] as SystemWordsText).relations.length, heading: index === 0, first: true }),
  );
  if (!left.has('table')) all.push({ block: 'table', from: 0, to: rowsShown(text.rows, fit.tableRows).length, heading: true, last: true });
  const questions = [...text.questionBlocks.keys()].filter((index) => !left.has(`questions:${index}`));
  questions.forEach((echo, index) => all.push({ block: 'questions', echo, heading: index === 0 }));
  all.push({ block: 'note' });
  return all;
}

/**
 * Lays the pieces on sheets in order: each on the current sheet when it
 * fits, else on the next; a table runs on to the next sheet at a row, its
 * heading once and its column heads again.
 */
function paginate(all: readonly HandoutPiece[], measure: Measure, capacity: number): HandoutPiece[][] {
  const sheets: HandoutPiece[][] = [[]];
  let used = 0;
  const place = (piece: HandoutPiece, height: number) => {
    (sheets[sheets.length - 1] as HandoutPiece[]).push(piece);
    used += height;
  };
  const newSheet = () => {
    sheets.push([]);
    used = 0;
  };
  for (const whole of all) {
    let piece = whole;
    for (;;) {
      const height = measure.of(piece);
      if (used + height <= capacity) {
        place(piece, height);
        break;
      }
      const split = piece.block === 'words' || piece.block === 'table' ? splitAt(piece, measure, capacity - used) : undefined;
      if (split !== undefined) {
        place(split.head, measure.of(split.head));
        newSheet();
        piece = split.rest;
        continue;
      }
      if (used === 0) {
        // Taller than a whole sheet (only a part the estimate cannot shrink): it is cut at the sheet's edge.
        place(piece, height);
        break;
      }
      newSheet();
    }
  }
  return sheets;
}

type TablePiece = Extract<HandoutPiece, { block: 'words' | 'table' }>;

/** The most rows of a table that fit in `room` (at least one, and not all), and the rest; undefined when not even one fits. */
function splitAt(piece: TablePiece, measure: Measure, room: number): { head: TablePiece; rest: TablePiece } | undefined {
  let to = piece.from;
  while (to + 1 < piece.to && measure.of(part(piece, piece.from, to + 1, true)) <= room) to += 1;
  if (to === piece.from) return undefined;
  return { head: part(piece, piece.from, to, true), rest: part(piece, to, piece.to, false) };
}

function part(piece: TablePiece, from: number, to: number, head: boolean): TablePiece {
  if (piece.block === 'words') return { ...piece, from, to, heading: head && piece.heading, first: head && piece.first };
  return { ...piece, from, to, heading: head && piece.heading, last: !head && piece.last };
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

/** The line under the note that names what was left out. */
export function omittedNote(omitted: readonly string[]): string {
  if (omitted.length === 0) return '';
  return `Not included for lack of room: ${omitted.join('; ')}.`;
}

/** The feelings line of one system's words. */
export function feelingsLine(words: SystemWordsText): string {
  return words.feelings.map((entry) => `${entry.who}: ${entry.feelings}`).join('; ');
}

const LINE_HEIGHT = 1.35;
const SAFETY = 1.03;
const WRAP_LOSS = 3;
const FOOTER = 6;
const H2 = 4.5 + lineHeight(10.5);
const H3 = 2.5 + lineHeight(9);
const CAPTION = lineHeight(8.5);

/** The estimated height of each piece, in mm. */
class Measure {
  constructor(
    private readonly text: HandoutText,
    private readonly fit: HandoutFit,
    private readonly sheet: SheetMeasures,
  ) {}

  /**
   * A piece's height, in mm: the estimate of its text with a margin (it
   * errs on the tall side), plus the maps' own exact size.
   */
  of(piece: HandoutPiece): number {
    if (piece.block === 'maps') {
      const tallest = Math.max(...piece.maps.map((index) => this.fit.maps.footprints[index]?.height ?? 0));
      return (piece.heading ? H2 * SAFETY : 0) + CAPTION + tallest + MAP_FRAME_MM + MAP_GAP_MM;
    }
    return this.estimate(piece) * SAFETY;
  }

  private estimate(piece: Exclude<HandoutPiece, { block: 'maps' }>): number {
    const { text, fit } = this;
    const width = this.sheet.width;
    switch (piece.block) {
      case 'header':
        return lineHeight(7.5) + 2 + lines(text.title, width, 15, 0.62) * 15 * MM_PER_PT * 1.2 + paragraph(text.meta, width, 8.6) + 3;
      case 'summary': {
        if (text.summary.trim() === '') return H2 + paragraph('No summary', width, 8.6);
        const shortened = shortenText(text.summary.trim(), fit.summaryLimit);
        const paragraphs = shortened.text.split(/\n\s*\n/).reduce((sum, p) => sum + paragraph(p, width, 8.6), 0);
        return H2 + paragraphs + (shortened.cut ? paragraph('Shortened for this handout', width, 8.6) : 0);
      }
      case 'legend':
        return legendHeight(text.legend, width) + (fit.mapsNote ? paragraph(text.mapsNote, width, 8.6) : 0);
      case 'words':
        return this.words(piece, width);
      case 'table':
        return this.table(piece, width);
      case 'questions': {
        const block = text.questionBlocks[piece.echo] as QuestionBlockText;
        const summary = fit.echoSummaries ? paragraph(block.summary, width, 8.6) : 0;
        const questions = block.questions.slice(0, fit.questionsPerEcho).reduce((total, q) => total + lines(q, width - 5, 8.6) * lineHeight(8.6), 0);
        // The list's bottom margin and the next heading's top margin collapse into one.
        return (piece.heading ? H2 : 0) + 2 + Math.max(lineHeight(9), 4.6) + summary + questions + 1.5;
      }
      case 'note': {
        const omitted = omittedNote(fit.omitted);
        return 3 + 4 + lines(text.note, width - 8, 8) * lineHeight(8) + (omitted === '' ? 0 : 1.5 + lines(omitted, width - 8, 8, 0.55) * lineHeight(8));
      }
    }
  }

  private words(piece: Extract<HandoutPiece, { block: 'words' }>, width: number): number {
    const words = this.text.words[piece.system] as SystemWordsText;
    const feelings = feelingsLine(words);
    const top = (piece.heading ? H2 : 0) + H3 + (piece.first && feelings !== '' ? paragraph(`Feelings: ${feelings}`, width, 8) : 0);
    const empty = words.relations.length === 0 && feelings === '' ? paragraph('Nothing recorded', width, 8.6) : 0;
    if (piece.to <= piece.from) return top + empty;
    const head = lineHeight(7.5) + 2.4;
    let body = 0;
    for (let index = piece.from; index < piece.to; index += 1) {
      const relation = words.relations[index] as SystemWordsText['relations'][number];
      const tallest = Math.max(lines(relation.who, WORDS_WHO_MM - 3, 8), lines(relation.act, width - WORDS_WHO_MM - 3, 8));
      body += tallest * lineHeight(8) + 2.2;
    }
    return top + head + body + 1.5;
  }

  private table(piece: Extract<HandoutPiece, { block: 'table' }>, width: number): number {
    const { rows } = this.text;
    if (rows.length === 0) return H2 + paragraph('Nothing recurs', width, 8.6);
    const columns = TABLE_COLUMNS_MM;
    const identification = width - columns.number - columns.label - columns.systems - columns.parallel;
    const header = Math.max(lines('Identification (Racker)', identification - 3, 7.5), lines('Full parallel process', columns.parallel - 3, 7.5)) * lineHeight(7.5) + 2.4;
    const shown = rowsShown(rows, this.fit.tableRows).slice(piece.from, piece.to);
    const body = shown.reduce((sum, row) => {
      const tallest = Math.max(
        lines(row.label, columns.label - 3, 8, 0.58) + 1,
        lines(row.systems, columns.systems - 3, 8),
        lines(row.identification, identification - 3, 8),
        lines(row.parallel, columns.parallel - 3, 8),
      );
      return sum + Math.max(tallest * lineHeight(8), 4.6) + 2.2;
    }, 0);
    const more = piece.last && rowsShown(rows, this.fit.tableRows).length < rows.length ? paragraph('more echoes', width, 8.6) : 0;
    return (piece.heading ? H2 : 0) + header + body + more;
  }
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
  return 1 + rows * Math.max(lineHeight(8.6), 3.5) + Math.max(0, rows - 1);
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
