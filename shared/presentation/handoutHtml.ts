import { analyzeCase } from '../analysis/index';
import type { CaseAnalysis, Echo } from '../analysis/types';
import type { Case } from '../case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../case/systems';
import { deidentifyCase } from './deidentify';
import { echoHighlights, type MapHighlight } from '../scene/highlight';
import { echoKindWords, identificationSummary, listInWords } from './echoSummary';
import { fitHandout, HANDOUT_SHEETS, rowsShown, shortenText, type EchoRowText, type HandoutBlock, type HandoutFit, type HandoutText, type QuestionBlockText } from './handoutFit';
import { handoutStyles, type HandoutPages, type Paper } from './handoutStyles';
import { legendEntries, renderSystemSvg, type LegendEntry } from './mapSvg';
import { escapeMarkup as esc } from './markup';
import { HIGHLIGHT_COLOURS } from '../scene/palette';
import { promptsForEcho, type ReflectivePrompts } from './prompts';

export type { HandoutPages, Paper } from './handoutStyles';

/** Everything a handout is made from. */
export interface HandoutOptions {
  kase: Case;
  /**
   * The case's analysis, when the caller already has it. Not used when
   * de-identifying: the echoes are then worked out again from the
   * de-identified case, so no name can travel in their words.
   */
  analysis?: CaseAnalysis;
  /** The echoes to highlight and ask about, at most three (one per highlight colour); default: the first three. */
  selectedEchoIds?: readonly string[];
  deidentify: boolean;
  paper: Paper;
  pages: HandoutPages;
  /** The date printed on the handout, as YYYY-MM-DD. */
  date: string;
  prompts: ReflectivePrompts;
  /**
   * More CSS for the page, after the handout's own: the printer passes the
   * map font's @font-face rules here (electron/presentation/embeddedFont.ts),
   * whose data: URLs the page's CSP then allows.
   */
  extraCss?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A selected echo with its number and colour on the page. */
interface Selected {
  echo: Echo;
  number: number;
  colour: string;
}

/**
 * The printable handout of one case as a single self-contained HTML
 * document (inline styles and SVG, no script, no external URL, a CSP that
 * forbids both): title and date, the summary, the three maps with the
 * selected echoes highlighted and a legend, a table of echoes, reflective
 * questions for the group and a note that echoes are hypotheses. The desktop
 * app prints it with Electron's printToPDF, the CLI and tests with Chromium.
 */
export function renderHandoutHtml(options: HandoutOptions): string {
  const deidentified = options.deidentify ? deidentifyCase(options.kase) : undefined;
  const kase = deidentified?.case ?? options.kase;
  const analysis = deidentified !== undefined || options.analysis === undefined ? analyzeCase(kase) : options.analysis;
  const selected = selectEchoes(analysis.echoes, options.selectedEchoIds);

  const highlights = Object.fromEntries(SYSTEM_IDS.map((system) => [system, [] as MapHighlight[]])) as Record<SystemId, MapHighlight[]>;
  for (const { echo, colour } of selected) {
    const bySystem = echoHighlights(kase, echo, colour);
    for (const system of SYSTEM_IDS) highlights[system].push(bySystem[system]);
  }
  const legend = legendEntries(
    kase,
    undefined,
    selected.map(({ echo, number, colour }) => ({ colour, label: `${number}. ${echo.wording.label}` })),
  );
  const text = handoutText(kase, options, analysis.echoes, selected, legend);
  const fit = fitHandout(text, options.paper, options.pages);

  const blocks: Record<HandoutBlock, string> = {
    header: headerHtml(text),
    summary: summaryHtml(text.summary, fit.summaryLimit),
    maps: mapsHtml(kase, highlights, legend, fit.mapsNote ? text.mapsNote : ''),
    table: tableHtml(analysis.echoes, text.rows, selected, fit.tableRows),
    questions: questionsHtml(selected, text.questionBlocks, fit),
    note: `<aside class="note">${esc(text.note)}</aside>`,
  };
  const sheets = HANDOUT_SHEETS[options.pages];

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${options.extraCss === undefined ? '' : '; font-src data:'}">`,
    `<title>${esc(kase.title)}</title>`,
    `<style>${handoutStyles(options.paper, options.pages)}</style>`,
    ...(options.extraCss === undefined ? [] : [`<style>${options.extraCss}</style>`]),
    '</head>',
    `<body class="pages-${options.pages}">`,
    ...sheets.map(
      (content, index) =>
        `<section class="sheet"><div class="content">${content.map((block) => blocks[block]).join('')}</div><footer>Triptych case presentation · page ${index + 1} of ${sheets.length}</footer></section>`,
    ),
    '</body>',
    '</html>',
  ].join('\n');
}

/** Every text the handout prints, before it is fitted to its pages. */
function handoutText(kase: Case, options: HandoutOptions, echoes: readonly Echo[], selected: readonly Selected[], legend: readonly LegendEntry[]): HandoutText {
  const privacy = options.deidentify
    ? 'De-identified: names replaced by neutral labels'
    : 'Contains names: not de-identified; keep it within the clinical team';
  const chosen = new Set(selected.map((s) => s.echo));
  return {
    title: kase.title,
    meta: `${formatDate(options.date)} · ${privacy}`,
    summary: kase.summary?.trim() ?? '',
    legend: legend.map((entry) => entry.label),
    mapsNote:
      'An arrow runs from the person who acts to the person acted toward; its words are the roles at each end. Numbered colours mark the echoes asked about below.',
    rows: echoes.map((echo) => ({
      selected: chosen.has(echo),
      label: echo.wording.label,
      kind: echoKindWords(echo),
      systems: listInWords(echo.wording.systems),
      identification: identificationSummary(echo) || '—',
      parallel: echo.parallel ? 'Yes: all three' : 'No',
    })),
    questionBlocks: selected.map(({ echo }) => ({
      label: echo.wording.label,
      summary: echo.wording.summary,
      questions: promptsForEcho(echo, options.prompts),
    })),
    note: [
      'Echoes are hypotheses for reflection, not findings. Each marks something that recurs across the maps as they were drawn; only the clinician, with the group, can judge what it means.',
      ...(options.deidentify ? ['Names were replaced by neutral labels; free text can still identify someone in other ways, so read it through before sharing.'] : []),
    ].join(' '),
  };
}

/** The echoes to highlight: the ids asked for that exist, in the order asked, at most one per colour. */
function selectEchoes(echoes: readonly Echo[], ids: readonly string[] | undefined): Selected[] {
  const byId = new Map(echoes.map((echo) => [echo.id, echo]));
  const chosen = ids === undefined || ids.length === 0 ? echoes.slice(0, HIGHLIGHT_COLOURS.length) : ids.flatMap((id) => byId.get(id) ?? []);
  return [...new Set(chosen)].slice(0, HIGHLIGHT_COLOURS.length).map((echo, index) => ({
    echo,
    number: index + 1,
    colour: HIGHLIGHT_COLOURS[index] as string,
  }));
}

function headerHtml(text: HandoutText): string {
  return [
    '<header>',
    '<p class="kicker">Case presentation for supervision or a peer group</p>',
    `<h1>${esc(text.title)}</h1>`,
    `<p class="meta">${esc(text.meta)}</p>`,
    '</header>',
  ].join('');
}

function summaryHtml(summary: string, limit: number): string {
  if (summary === '') return '<section class="summary"><h2>Summary</h2><p class="muted">No summary was written for this case.</p></section>';
  const shortened = shortenText(summary, limit);
  const paragraphs = shortened.text.split(/\n\s*\n/).map((paragraph) => `<p>${esc(paragraph.trim())}</p>`);
  const notice = shortened.cut ? '<p class="muted">Shortened for this handout; the full summary is in the case.</p>' : '';
  return `<section class="summary"><h2>Summary</h2>${paragraphs.join('')}${notice}</section>`;
}

function mapsHtml(kase: Case, highlights: Record<SystemId, MapHighlight[]>, legend: readonly LegendEntry[], note: string): string {
  const figures = SYSTEM_IDS.map(
    (system) =>
      `<figure class="map"><figcaption>${esc(SYSTEM_NAMES[system])}</figcaption>${renderSystemSvg(kase, system, {
        highlight: highlights[system],
        idPrefix: `handout-${system}`,
      })}</figure>`,
  );
  const items = legend.map((entry) => {
    const swatch =
      entry.kind === 'person'
        ? `<svg class="swatch" viewBox="0 0 20 14" aria-hidden="true"><rect width="20" height="14" rx="4" fill="${esc(entry.colour)}"/></svg>`
        : `<svg class="swatch" viewBox="0 0 20 14" aria-hidden="true"><rect y="5" width="20" height="4" fill="${esc(entry.colour)}"/></svg>`;
    return `<li>${swatch}${esc(entry.label)}</li>`;
  });
  return [
    '<section class="maps">',
    '<h2>The three maps</h2>',
    `<div class="map-row">${figures.join('')}</div>`,
    `<ul class="legend">${items.join('')}</ul>`,
    note === '' ? '' : `<p class="muted">${esc(note)}</p>`,
    '</section>',
  ].join('');
}

function tableHtml(echoes: readonly Echo[], rows: readonly EchoRowText[], selected: readonly Selected[], count: number): string {
  if (echoes.length === 0) {
    return '<section class="echoes"><h2>Echoes</h2><p>Nothing recurs in more than one of the three systems as they are mapped.</p></section>';
  }
  const marks = new Map(selected.map((s) => [s.echo, s]));
  const shown = new Set(rowsShown(rows, count));
  const body = rows.flatMap((row, index) => {
    if (!shown.has(row)) return [];
    const mark = marks.get(echoes[index] as Echo);
    return [
      [
        '<tr>',
        `<td>${mark === undefined ? '' : badge(mark)}</td>`,
        `<td><strong>${esc(row.label)}</strong><br><span class="muted">${esc(row.kind)}</span></td>`,
        `<td>${esc(row.systems)}</td>`,
        `<td>${esc(row.identification)}</td>`,
        `<td>${esc(row.parallel)}</td>`,
        '</tr>',
      ].join(''),
    ];
  });
  const hidden = rows.length - shown.size;
  const more = hidden > 0 ? `<p class="muted">${hidden} more ${hidden === 1 ? 'echo is' : 'echoes are'} listed in Triptych but left out here for space.</p>` : '';
  return [
    '<section class="echoes">',
    `<h2>Echoes (${echoes.length})</h2>`,
    '<table><colgroup><col class="number"><col class="label"><col class="systems"><col class="identification"><col class="parallel"></colgroup>',
    '<thead><tr><th></th><th>What recurs</th><th>Systems</th><th>Identification (Racker)</th><th>Full parallel process</th></tr></thead>',
    `<tbody>${body.join('')}</tbody></table>`,
    more,
    '</section>',
  ].join('');
}

function questionsHtml(selected: readonly Selected[], blocks: readonly QuestionBlockText[], fit: HandoutFit): string {
  if (selected.length === 0) return '';
  const html = selected.map((mark, index) => {
    const block = blocks[index] as QuestionBlockText;
    return [
      '<div class="question-block">',
      `<h3>${badge(mark)}${esc(block.label)}</h3>`,
      fit.echoSummaries ? `<p class="muted">${esc(block.summary)}</p>` : '',
      `<ul>${block.questions
        .slice(0, fit.questionsPerEcho)
        .map((question) => `<li>${esc(question)}</li>`)
        .join('')}</ul>`,
      '</div>',
    ].join('');
  });
  return `<section class="questions"><h2>Questions for the group</h2>${html.join('')}</section>`;
}

function badge(mark: Selected): string {
  return `<span class="badge" style="border-color:${esc(mark.colour)}">${mark.number}</span>`;
}

/** "2026-11-17" → "17 November 2026"; anything else is printed as given. */
function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}
