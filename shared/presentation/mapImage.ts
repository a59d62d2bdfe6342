import type { Case } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import type { MapHighlight } from '../scene/highlight';
import { svgNumber as n } from './markup';
import { renderLegendSvg, renderSystemSvg, renderTriptychSvg, type LegendHighlight } from './mapSvg';

/** Which picture to export: one system's map, or all three side by side. */
export type MapImageTarget = SystemId | 'all';

/** An exported map picture: a standalone SVG document and its size in CSS pixels. */
export interface MapImage {
  svg: string;
  width: number;
  height: number;
}

/** What goes into an exported picture besides the case. */
export interface MapImageOptions {
  /** The highlight of each system (of one echo); absent systems are drawn plain. */
  highlights?: Partial<Record<SystemId, MapHighlight>>;
  /** The highlighted echo, named in the legend. */
  legend?: readonly LegendHighlight[];
}

const LEGEND_GAP = 12;
const MIN_LEGEND_WIDTH = 360;

/**
 * One map or all three as a picture with its legend underneath (every
 * person's colour and the highlighted echo), ready to save as SVG or to
 * draw onto a canvas for PNG. Draw a de-identified case to export a
 * de-identified picture: its free text is clean too.
 */
export function renderMapImage(kase: Case, target: MapImageTarget, options: MapImageOptions = {}): MapImage {
  const legend = options.legend ?? [];
  if (target === 'all') {
    const highlights = Object.fromEntries(SYSTEM_IDS.map((system) => [system, options.highlights?.[system] ? [options.highlights[system]] : []]));
    const svg = renderTriptychSvg(kase, { highlights, legend, idPrefix: 'export' });
    return { svg, ...svgSize(svg) };
  }
  const highlight = options.highlights?.[target];
  const map = renderSystemSvg(kase, target, { highlight: highlight === undefined ? [] : [highlight], idPrefix: `export-${target}` });
  const mapSize = svgSize(map);
  const width = Number(n(Math.max(mapSize.width, MIN_LEGEND_WIDTH)));
  const key = renderLegendSvg(kase, { highlights: legend, width: width - 2 * LEGEND_GAP });
  const keySize = svgSize(key);
  const height = Number(n(mapSize.height + LEGEND_GAP + keySize.height + LEGEND_GAP));
  // The two standalone documents nest as they are: an <svg> inside an <svg> is a viewport of its own.
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}">`,
    `<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    map.replace('<svg ', `<svg x="${n((width - mapSize.width) / 2)}" y="0" `),
    key.replace('<svg ', `<svg x="${LEGEND_GAP}" y="${n(mapSize.height + LEGEND_GAP)}" `),
    '</svg>',
  ].join('');
  return { svg, width, height };
}

/** The width and height on the root element of an SVG made by mapSvg.ts. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) {
    throw new Error('svgSize: the SVG has no width and height on its root element');
  }
  return { width, height };
}
