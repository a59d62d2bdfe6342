import { analyzeCase } from '../analysis/index';
import type { CaseAnalysis, Echo } from '../analysis/types';
import type { Case } from '../case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../case/systems';
import { deidentifyCase } from './deidentify';
import { echoHighlights, type MapHighlight } from '../scene/highlight';
import { echoKindWords, identificationSummary, listInWords } from './echoSummary';
import { BUILT_IN_FEELINGS } from '../library/feelings';
import {
  feelingsLine,
  fitHandout,
  omittedNote,
  rowsShown,
  shortenText,
  type EchoRowText,
  type HandoutFit,
  type HandoutPiece,
  type HandoutText,
  type QuestionBlockText,
  type SystemWordsText,
} from './handoutFit';
import type { MapSize } from './handoutMapScale';
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
  /** The most pages the handout may take; it takes fewer when its content needs fewer. */
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

/** A handout and how its content was fitted to the pages. */
export interface RenderedHandout {
  html: string;
  /** What went on which sheet, how big the maps are, and what was left out for lack of room. */
  fit: HandoutFit;
}

/**
 * The printable handout of one case as a single self-contained HTML
 * document (inline styles and SVG, no script, no external URL, a CSP that
 * forbids both): title and date, the summary, the three maps with the
 * selected echoes highlighted and a legend, what happens and what is felt in
 * each system, a table of echoes, reflective questions for the group and a
 * note that echoes are hypotheses, on as many pages as that takes up to
 * `pages` (see fitHandout for what gives way, named on the last page). The
 * desktop app prints it with Electron's printToPDF, the CLI and tests with
 * Chromium.
 */
export function renderHandoutHtml(options: HandoutOptions): string {
  return renderHandout(options).html;
}

/** The handout's HTML (see renderHandoutHtml) with its fit, so a preview can say how many pages it takes and what was left out. */
export function renderHandout(options: HandoutOptions): RenderedHandout {
  const deidentified = options.deidentify ? deidentifyCase(options.kase) : undefined;
  const kase = deidentified?.case ?? options.kase;
  const analysis = deidentified !== undefined || options.analysis === undefined ? analyzeCase(kase) : options.analysis;
  const selected = selectEchoes(analysis.echoes, options.selectedEchoIds);

  const highlights = Object.fromEntries(SYSTEM_IDS.map((system) => [system, [] as MapHighlight[]])) as Record<SystemId, MapHighlight[]>;
  for (const { echo, colour } of selected) {
    const bySystem = echoHighlights(kase, echo, colour);
    for (const system of SYSTEM_IDS) highlights[system].push(bySystem[system]);
  }
  const svgs = SYSTEM_IDS.map((system) => renderSystemSvg(kase, system, { highlight: highlights[system], idPrefix: `handout-${system}` }));
  const legend = legendEntries(
    kase,
    undefined,
    selected.map(({ echo, number, colour }) => ({ colour, label: `${number}. ${echo.wording.label}` })),
  );
  const text = handoutText(kase, options, analysis.echoes, selected, legend, svgs.map(viewBoxSize));
  const fit = fitHandout(text, options.paper, options.pages);

  const piece = (part: HandoutPiece): string => {
    switch (part.block) {
      case 'header':
        return headerHtml(text);
      case 'summary':
        return summaryHtml(text.summary, fit.summaryLimit);
      case 'maps':
        return mapRowHtml(part.maps, svgs, fit, part.heading);
      case 'legend':
        return legendHtml(legend, fit.mapsNote ? text.mapsNote : '');
      case 'words':
        return wordsHtml(text.words[part.system] as SystemWordsText, part);
      case 'table':
        return tableHtml(analysis.echoes, text.rows, selected, fit.tableRows, part);
      case 'questions':
        return questionHtml(selected[part.echo] as Selected, text.questionBlocks[part.echo] as QuestionBlockText, fit, part.heading);
      case 'note':
        return noteHtml(text.note, fit.omitted);
    }
  };
  const sheets = fit.sheets;

  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${options.extraCss === undefined ? '' : '; font-src data:'}">`,
    `<title>${esc(kase.title)}</title>`,
    `<style>${handoutStyles(options.paper)}</style>`,
    ...(options.extraCss === undefined ? [] : [`<style>${options.extraCss}</style>`]),
    '</head>',
    `<body class="pages-${sheets.length}">`,
    ...sheets.map(
      (content, index) =>
        `<section class="sheet"><div class="content">${content.map(piece).join('')}</div><footer>Triptych case presentation · page ${index + 1} of ${sheets.length}</footer></section>`,
    ),
    '</body>',
    '</html>',
  ].join('\n');
  return { html, fit };
}

/** A map's size in map units, from the viewBox renderSystemSvg gave it. */
function viewBoxSize(svg: string): MapSize {
  const [, , width = 300, height = 120] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
  return { width, height };
}

/** Every text the handout prints, before it is fitted to its pages. */
function handoutText(
  kase: Case,
  options: HandoutOptions,
  echoes: readonly Echo[],
  selected: readonly Selected[],
  legend: readonly LegendEntry[],
  maps: readonly MapSize[],
): HandoutText {
  const privacy = options.deidentify
    ? 'De-identified: names replaced by neutral labels'
    : 'Contains names: not de-identified; keep it within the clinical team';
  const chosen = new Set(selected.map((s) => s.echo));
  return {
    title: kase.title,
    meta: `${formatDate(options.date)} · ${privacy}`,
    summary: kase.summary?.trim() ?? '',
    maps,
    systems: SYSTEM_IDS.map((system) => SYSTEM_NAMES[system]),
    legend: legend.map((entry) => entry.label),
    mapsNote:
      'An arrow runs from the person who acts to the person acted toward; its words are the roles at each end. Numbered colours mark the echoes asked about below.',
    words: SYSTEM_IDS.map((system) => systemWords(kase, system)),
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

/**
 * One row of maps, each drawn at the fit's scale: its box is the map's size
 * on paper, so one map unit is `scale` pt; a map printed sideways is that
 * same box turned a quarter, to be read with the sheet turned clockwise.
 */
function mapRowHtml(maps: readonly number[], svgs: readonly string[], fit: HandoutFit, heading: boolean): string {
  const figures = maps.map((index) => {
    const system = SYSTEM_IDS[index] as SystemId;
    const size = fit.maps.sizes[index] as MapSize;
    const box = `<div class="map-box" style="width:${mm(size.width)};height:${mm(size.height)}">${svgs[index] as string}</div>`;
    const turned = fit.maps.turned[index] === true;
    return [
      `<figure class="map${turned ? ' turned' : ''}" data-system="${system}">`,
      `<figcaption>${esc(SYSTEM_NAMES[system])}${turned ? ' (printed sideways)' : ''}</figcaption>`,
      turned
        ? `<div class="map-turn" style="width:${mm(size.height)};height:${mm(size.width)}"><div class="map-turned" style="transform:translateY(${mm(size.width)}) rotate(-90deg)">${box}</div></div>`
        : box,
      '</figure>',
    ].join('');
  });
  return `<section class="maps">${heading ? '<h2>The three maps</h2>' : ''}<div class="map-row">${figures.join('')}</div></section>`;
}

function legendHtml(legend: readonly LegendEntry[], note: string): string {
  const items = legend.map((entry) => {
    const swatch =
      entry.kind === 'person'
        ? `<svg class="swatch" viewBox="0 0 20 14" aria-hidden="true"><rect width="20" height="14" rx="4" fill="${esc(entry.colour)}"/></svg>`
        : `<svg class="swatch" viewBox="0 0 20 14" aria-hidden="true"><rect y="5" width="20" height="4" fill="${esc(entry.colour)}"/></svg>`;
    return `<li>${swatch}${esc(entry.label)}</li>`;
  });
  return `<section class="maps-legend"><ul class="legend">${items.join('')}</ul>${note === '' ? '' : `<p class="muted">${esc(note)}</p>`}</section>`;
}

/** What happens and what is felt in one system: each member's feelings, then each relation's act; part of it when it runs over a sheet. */
function systemWords(kase: Case, system: SystemId): SystemWordsText {
  const names = new Map(kase.people.map((person) => [person.id, person.name]));
  const feelingLabels = new Map([...BUILT_IN_FEELINGS, ...kase.customFeelings].map((feeling) => [feeling.id, feeling.label]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const { members, relations } = kase.systems[system];
  return {
    system: SYSTEM_NAMES[system],
    feelings: members
      .filter((member) => member.feelings.length > 0)
      .map((member) => ({ who: nameOf(member.person), feelings: member.feelings.map((id) => feelingLabels.get(id) ?? id).join(', ') })),
    relations: relations.map((relation) => ({
      who: relation.from === relation.to ? `${nameOf(relation.from)} → self` : `${nameOf(relation.from)} → ${nameOf(relation.to)}`,
      act: relation.act?.trim() || '—',
    })),
  };
}

function wordsHtml(words: SystemWordsText, part: Extract<HandoutPiece, { block: 'words' }>): string {
  const feelings = feelingsLine(words);
  const rows = words.relations
    .slice(part.from, part.to)
    .map((relation) => `<tr><td>${esc(relation.who)}</td><td>${esc(relation.act)}</td></tr>`)
    .join('');
  return [
    '<section class="words">',
    part.heading ? '<h2>What happens and what is felt</h2>' : '',
    `<h3>${esc(words.system)}${part.first ? '' : ' (continued)'}</h3>`,
    part.first && feelings !== '' ? `<p class="feelings"><strong>Feelings:</strong> ${esc(feelings)}</p>` : '',
    words.relations.length === 0 && feelings === '' ? '<p class="muted">Nothing is recorded here yet.</p>' : '',
    part.to > part.from
      ? `<table><colgroup><col class="who"><col></colgroup><thead><tr><th>Who, toward whom</th><th>What happens</th></tr></thead><tbody>${rows}</tbody></table>`
      : '',
    '</section>',
  ].join('');
}

function tableHtml(
  echoes: readonly Echo[],
  rows: readonly EchoRowText[],
  selected: readonly Selected[],
  count: number,
  part: Extract<HandoutPiece, { block: 'table' }>,
): string {
  if (echoes.length === 0) {
    return '<section class="echoes"><h2>Echoes</h2><p>Nothing recurs in more than one of the three systems as they are mapped.</p></section>';
  }
  const marks = new Map(selected.map((s) => [s.echo, s]));
  const shownRows = rowsShown(rows, count);
  const inPart = new Set(shownRows.slice(part.from, part.to));
  const body = rows.flatMap((row, index) => {
    if (!inPart.has(row)) return [];
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
  const hidden = rows.length - shownRows.length;
  const more = part.last && hidden > 0 ? `<p class="muted">${hidden} more ${hidden === 1 ? 'echo is' : 'echoes are'} listed in Triptych but left out here for space.</p>` : '';
  return [
    '<section class="echoes">',
    part.heading ? `<h2>Echoes (${echoes.length})</h2>` : '',
    '<table><colgroup><col class="number"><col class="label"><col class="systems"><col class="identification"><col class="parallel"></colgroup>',
    '<thead><tr><th></th><th>What recurs</th><th>Systems</th><th>Identification (Racker)</th><th>Full parallel process</th></tr></thead>',
    `<tbody>${body.join('')}</tbody></table>`,
    more,
    '</section>',
  ].join('');
}

function questionHtml(mark: Selected, block: QuestionBlockText, fit: HandoutFit, heading: boolean): string {
  return [
    '<section class="questions">',
    heading ? '<h2>Questions for the group</h2>' : '',
    '<div class="question-block">',
    `<h3>${badge(mark)}${esc(block.label)}</h3>`,
    fit.echoSummaries ? `<p class="muted">${esc(block.summary)}</p>` : '',
    `<ul>${block.questions
      .slice(0, fit.questionsPerEcho)
      .map((question) => `<li>${esc(question)}</li>`)
      .join('')}</ul>`,
    '</div>',
    '</section>',
  ].join('');
}

function noteHtml(note: string, omitted: readonly string[]): string {
  const left = omittedNote(omitted);
  return `<aside class="note"><p>${esc(note)}</p>${left === '' ? '' : `<p class="omitted">${esc(left)}</p>`}</aside>`;
}

function mm(value: number): string {
  return `${Math.round(value * 1000) / 1000}mm`;
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
