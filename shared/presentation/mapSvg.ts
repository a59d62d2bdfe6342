import type { Case, Person } from '../case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../case/systems';
import type { MapHighlight } from '../scene/highlight';
import { layoutSystem, type SystemLayout } from './mapLayout';
import { LABEL_FONT_SIZE, LABEL_FONT_WEIGHT, LABEL_LINE_HEIGHT, NAME_FONT_SIZE, NAME_FONT_WEIGHT, NAME_LINE_HEIGHT } from '../scene/sceneConstants';
import { FONT_FAMILY } from '../scene/textMetrics';
import { escapeMarkup as esc, svgNumber as n } from './markup';
import { personColour } from '../scene/palette';

/** How one map is drawn. */
export interface MapSvgOptions {
  /** The echoes to pick out, each in its own colour; the first that names a relation colours it. */
  highlight?: MapHighlight | readonly MapHighlight[];
  /**
   * Labels to show instead of names, by person id (the pseudonyms of
   * deidentifyCase). They replace names only: for anything that leaves the
   * app, draw the de-identified case itself, whose relation acts are clean too.
   */
  labels?: Readonly<Record<string, string>>;
  /** Prefix of the ids inside the SVG, so several maps can share one HTML page. */
  idPrefix?: string;
}

/** One entry of a map legend beyond the people: an echo and the colour it is highlighted in. */
export interface LegendHighlight {
  colour: string;
  label: string;
}

/** How the three maps side by side are drawn. */
export interface TriptychSvgOptions {
  highlights?: Partial<Record<SystemId, readonly MapHighlight[]>>;
  labels?: Readonly<Record<string, string>>;
  /** The highlighted echoes to name in the legend under the maps; no legend when omitted. */
  legend?: readonly LegendHighlight[];
  idPrefix?: string;
}

/** One row of the legend: a person and their colour, or an echo and its highlight colour. */
export interface LegendEntry {
  kind: 'person' | 'highlight';
  colour: string;
  label: string;
}

const TEXT_COLOUR = '#1f2328';
const EDGE_COLOUR = '#5b6470';
const PANEL_WIDTH = 520;
const PANEL_HEIGHT = 400;
const PANEL_GAP = 24;
const HEADING_HEIGHT = 36;
const LEGEND_ROW = 24;
const LEGEND_GLYPH = 0.58 * 13;
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** One system's map as a standalone SVG document: people as coloured boxes, relations as labelled arrows. */
export function renderSystemSvg(kase: Case, system: SystemId, options: MapSvgOptions = {}): string {
  const drawing = drawSystem(kase, system, options, options.idPrefix ?? `map-${system}`);
  const { x, y, width, height } = drawing.bounds;
  return [
    `<svg xmlns="${SVG_NAMESPACE}" viewBox="${n(x)} ${n(y)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" font-family="${esc(FONT_FAMILY)}">`,
    `<title>${esc(SYSTEM_NAMES[system])}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    drawing.markup,
    '</svg>',
  ].join('');
}

/** The three maps side by side under their headings, with a legend underneath when asked for. */
export function renderTriptychSvg(kase: Case, options: TriptychSvgOptions = {}): string {
  const prefix = options.idPrefix ?? 'triptych';
  const width = 3 * PANEL_WIDTH + 2 * PANEL_GAP;
  const panels = SYSTEM_IDS.map((system, index) => {
    const drawing = drawSystem(kase, system, { highlight: options.highlights?.[system] ?? [], labels: options.labels }, `${prefix}-${system}`);
    const { x, y, width: w, height: h } = drawing.bounds;
    const left = index * (PANEL_WIDTH + PANEL_GAP);
    return [
      `<text x="${n(left + PANEL_WIDTH / 2)}" y="24" text-anchor="middle" font-size="20" font-weight="700" fill="${TEXT_COLOUR}">${esc(SYSTEM_NAMES[system])}</text>`,
      `<rect x="${n(left + 0.5)}" y="${HEADING_HEIGHT + 0.5}" width="${PANEL_WIDTH - 1}" height="${PANEL_HEIGHT - 1}" rx="10" fill="#ffffff" stroke="#d0d7de"/>`,
      `<svg x="${n(left + 8)}" y="${HEADING_HEIGHT + 8}" width="${PANEL_WIDTH - 16}" height="${PANEL_HEIGHT - 16}" viewBox="${n(x)} ${n(y)} ${n(w)} ${n(h)}" preserveAspectRatio="xMidYMid meet">`,
      drawing.markup,
      '</svg>',
    ].join('');
  });
  const legendTop = HEADING_HEIGHT + PANEL_HEIGHT + 16;
  const legend = options.legend === undefined ? { markup: '', height: 0 } : drawLegend(legendEntries(kase, options.labels, options.legend), width, legendTop);
  const height = legendTop + legend.height + (legend.height > 0 ? 8 : -8);
  return [
    `<svg xmlns="${SVG_NAMESPACE}" viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" role="img" font-family="${esc(FONT_FAMILY)}">`,
    `<title>${esc(SYSTEM_IDS.map((system) => SYSTEM_NAMES[system]).join(', '))}</title>`,
    `<rect width="${width}" height="${n(height)}" fill="#ffffff"/>`,
    ...panels,
    legend.markup,
    '</svg>',
  ].join('');
}

/** The legend alone as a standalone SVG `width` units wide: every person's colour, then each highlighted echo. */
export function renderLegendSvg(
  kase: Case,
  options: { labels?: Readonly<Record<string, string>>; highlights?: readonly LegendHighlight[]; width?: number } = {},
): string {
  const width = options.width ?? 600;
  const legend = drawLegend(legendEntries(kase, options.labels, options.highlights ?? []), width, 0);
  return [
    `<svg xmlns="${SVG_NAMESPACE}" viewBox="0 0 ${width} ${n(legend.height)}" width="${width}" height="${n(legend.height)}" role="img" font-family="${esc(FONT_FAMILY)}">`,
    '<title>Legend</title>',
    legend.markup,
    '</svg>',
  ].join('');
}

/** What a legend lists: the people drawn on any map, in cast order, then the highlighted echoes. */
export function legendEntries(kase: Case, labels: Readonly<Record<string, string>> | undefined, highlights: readonly LegendHighlight[]): LegendEntry[] {
  const drawn = new Set(SYSTEM_IDS.flatMap((system) => kase.systems[system].members.map((member) => member.person)));
  const people = kase.people
    .filter((person) => drawn.has(person.id))
    .map((person): LegendEntry => ({ kind: 'person', colour: personColour(kase.people, person.id), label: labels?.[person.id] ?? person.name }));
  return [...people, ...highlights.map((h): LegendEntry => ({ kind: 'highlight', colour: h.colour, label: h.label }))];
}

interface Drawing {
  markup: string;
  bounds: SystemLayout['bounds'];
}

function drawSystem(kase: Case, system: SystemId, options: MapSvgOptions, prefix: string): Drawing {
  const names = (person: Person) => options.labels?.[person.id] ?? person.name;
  const layout = layoutSystem(kase, system, names);
  const highlights: readonly MapHighlight[] =
    options.highlight === undefined ? [] : 'colour' in options.highlight ? [options.highlight as MapHighlight] : (options.highlight as readonly MapHighlight[]);
  const id = safeId(prefix);

  if (layout.nodes.length === 0) {
    const bounds = layout.bounds;
    return {
      bounds,
      markup: `<text x="${n(bounds.x + bounds.width / 2)}" y="${n(bounds.y + bounds.height / 2)}" text-anchor="middle" font-size="15" fill="#57606a">Nobody is mapped here yet</text>`,
    };
  }

  const markers = [EDGE_COLOUR, ...highlights.map((h) => h.colour)].map(
    (colour, index) =>
      `<marker id="${id}-arrow-${index}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${esc(colour)}"/></marker>`,
  );

  const edges = layout.edges.map((edge) => {
    const index = highlights.findIndex((h) => h.relationIds.has(edge.relationId));
    const colour = index === -1 ? EDGE_COLOUR : (highlights[index] as MapHighlight).colour;
    const width = index === -1 ? 1.75 : 4;
    return `<path d="${edge.path}" fill="none" stroke="${esc(colour)}" stroke-width="${width}" marker-end="url(#${id}-arrow-${index + 1})" data-relation="${esc(edge.relationId)}"/>`;
  });

  const edgeLabels = layout.edges.map((edge) =>
    textBlock(edge.labelLines, edge.labelAt.x, edge.labelAt.y, LABEL_LINE_HEIGHT, `font-size="${LABEL_FONT_SIZE}" font-weight="${LABEL_FONT_WEIGHT}" fill="${TEXT_COLOUR}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`),
  );

  const nodes = layout.nodes.map((node) => {
    const left = node.centre.x - node.width / 2;
    const top = node.centre.y - node.height / 2;
    const rings = highlights
      .filter((h) => h.personIds.has(node.personId))
      .map((h, ring) => {
        const grow = 5 + ring * 5;
        return `<rect x="${n(left - grow)}" y="${n(top - grow)}" width="${n(node.width + 2 * grow)}" height="${n(node.height + 2 * grow)}" rx="${n(10 + grow)}" fill="none" stroke="${esc(h.colour)}" stroke-width="4"/>`;
      });
    return [
      `<g data-person="${esc(node.personId)}">`,
      ...rings,
      `<rect x="${n(left)}" y="${n(top)}" width="${n(node.width)}" height="${n(node.height)}" rx="10" fill="${esc(node.colour)}" stroke="#ffffff" stroke-width="2"/>`,
      textBlock(node.lines, node.centre.x, node.centre.y, NAME_LINE_HEIGHT, `font-size="${NAME_FONT_SIZE}" font-weight="${NAME_FONT_WEIGHT}" fill="#ffffff"`),
      '</g>',
    ].join('');
  });

  // Rings can reach past the laid-out box: widen it by the outermost ring.
  const grow = highlights.length === 0 ? 0 : 5 + highlights.length * 5;
  const { x, y, width, height } = layout.bounds;
  return {
    bounds: { x: x - grow, y: y - grow, width: width + 2 * grow, height: height + 2 * grow },
    markup: [`<defs>${markers.join('')}</defs>`, ...edges, ...nodes, ...edgeLabels].join(''),
  };
}

/** Lines of text centred on (x, y). */
function textBlock(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  const firstBaseline = y - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines.map((line, index) => `<tspan x="${n(x)}" y="${n(firstBaseline + index * lineHeight)}">${esc(line)}</tspan>`);
  return `<text text-anchor="middle" dominant-baseline="central" ${attributes}>${spans.join('')}</text>`;
}

function drawLegend(entries: readonly LegendEntry[], width: number, top: number): { markup: string; height: number } {
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const itemWidth = 28 + entry.label.length * LEGEND_GLYPH + 20;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const y = top + row * LEGEND_ROW + LEGEND_ROW / 2;
    const swatch =
      entry.kind === 'person'
        ? `<rect x="${n(x)}" y="${n(y - 7)}" width="20" height="14" rx="4" fill="${esc(entry.colour)}"/>`
        : `<path d="M ${n(x)} ${n(y)} L ${n(x + 20)} ${n(y)}" stroke="${esc(entry.colour)}" stroke-width="4"/>`;
    parts.push(swatch, `<text x="${n(x + 28)}" y="${n(y)}" dominant-baseline="central" font-size="13" fill="${TEXT_COLOUR}">${esc(entry.label)}</text>`);
    x += itemWidth;
  }
  return { markup: parts.join(''), height: entries.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}

function safeId(prefix: string): string {
  return prefix.replace(/[^A-Za-z0-9_-]/g, '_');
}
