import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import {
  LABEL_FONT_SIZE,
  LABEL_FONT_WEIGHT,
  LABEL_LINE_HEIGHT,
  LABEL_PADDING,
  NAME_FONT_SIZE,
  NAME_FONT_WEIGHT,
  NAME_LINE_HEIGHT,
} from '../../shared/scene/sceneConstants';
import { FONT_FAMILY } from '../../shared/scene/textMetrics';

/** The colours a map needs from the page, which differ between light and dark. */
export interface MapTheme {
  text: string;
  edge: string;
  background: string;
  nodeOutline: string;
}

export const LIGHT_MAP_THEME: MapTheme = { text: '#1f2328', edge: '#5b6470', background: '#ffffff', nodeOutline: '#ffffff' };
export const DARK_MAP_THEME: MapTheme = { text: '#e6e8eb', edge: '#a3abb6', background: '#1f2329', nodeOutline: '#e6e8eb' };

// Sizes and the font come from the scene (shared/scene), so the map draws
// text exactly as wide as the scene measured it, as the handout prints it.
const NAME_LINE_HEIGHT_RATIO = NAME_LINE_HEIGHT / NAME_FONT_SIZE;
const LABEL_LINE_HEIGHT_RATIO = LABEL_LINE_HEIGHT / LABEL_FONT_SIZE;
// The scene has already broken names and words into lines: Cytoscape breaks only at them.
const NO_WRAP_WIDTH = '10000px';

// Dimmed enough that the highlighted part stands out, not so much that the
// rest of the picture cannot be read for context.
const DIMMED_OPACITY = 0.25;

/**
 * How much a map draws. A crowded map (`overview`) is fitted so far out that
 * its labels are a few pixels high, so it leaves out labels too small to read
 * at the current zoom (they appear as the clinician zooms in) and draws its
 * role labels plainly, without the halo; a small map draws everything.
 */
export type MapDetail = 'full' | 'overview';

// Smallest label, in screen pixels, a crowded map still draws.
const SMALLEST_READABLE_FONT = 7;
// The same for the labels of dimmed relations: their full 14 pixels.
const DIMMED_LABEL_SHOWN_FROM = 14;
// And for the names of dimmed people: faded to a quarter, 7 pixels cannot be read.
const DIMMED_NAME_SHOWN_FROM = 10;

/**
 * The Cytoscape stylesheet of every map: names inside coloured nodes of the
 * scene's size, role labels on a halo beside each arrow, level and
 * unrotated as on paper; the selected echo's people under a halo and its
 * relations drawn thick in `highlightColour`, everything else dimmed; the
 * selected person ringed. `highlightColour` is read whenever a highlighted
 * element is styled, so changing echo restyles only the elements whose
 * highlight changes.
 */
export function mapStylesheet(theme: MapTheme, highlightColour: () => string = () => theme.edge, detail: MapDetail = 'full'): StylesheetJson {
  const full: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        'background-color': 'data(colour)',
        'border-width': 2,
        'border-color': theme.nodeOutline,
        label: 'data(label)',
        color: '#ffffff',
        'font-family': FONT_FAMILY,
        'font-size': NAME_FONT_SIZE,
        'font-weight': NAME_FONT_WEIGHT,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': NO_WRAP_WIDTH,
        'line-height': NAME_LINE_HEIGHT_RATIO,
        width: 'data(width)',
        height: 'data(height)',
      },
    },
    {
      selector: 'edge',
      style: {
        // Curved as the scene bent it: relations between the same two people
        // apart, short ones bowed so their words clear their people.
        'curve-style': 'unbundled-bezier',
        'control-point-distances': (edge: EdgeSingular) => Number(edge.data('controlDistance')),
        'control-point-weights': 0.5,
        'edge-distances': 'node-position',
        width: 1.75,
        'line-color': theme.edge,
        'target-arrow-color': theme.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        color: theme.text,
        'font-family': FONT_FAMILY,
        'font-size': LABEL_FONT_SIZE,
        'font-weight': LABEL_FONT_WEIGHT,
        'line-height': LABEL_LINE_HEIGHT_RATIO,
        'text-rotation': 'none',
        // Where the scene put the words, if not at the curve's middle.
        'text-margin-x': (edge: EdgeSingular) => Number(edge.data('labelShiftX')),
        'text-margin-y': (edge: EdgeSingular) => Number(edge.data('labelShiftY')),
        'text-wrap': 'wrap',
        'text-max-width': NO_WRAP_WIDTH,
        'text-background-color': theme.background,
        'text-background-opacity': 0.92,
        'text-background-padding': `${LABEL_PADDING}px`,
        'text-background-shape': 'roundrectangle',
      },
    },
    {
      selector: 'edge.self-relation',
      style: {
        'loop-direction': (edge: EdgeSingular) => `${Number(edge.data('loopDirection'))}deg`,
        'loop-sweep': '-60deg',
        'control-point-step-size': 80,
        'text-rotation': 'none',
      },
    },
    {
      selector: '.dimmed',
      style: { opacity: DIMMED_OPACITY },
    },
    {
      selector: 'node.highlighted',
      style: {
        'underlay-color': () => highlightColour(),
        'underlay-opacity': 0.9,
        'underlay-padding': 7,
        'underlay-shape': 'round-rectangle',
        'z-index': 10,
      },
    },
    {
      selector: 'edge.highlighted',
      style: {
        width: 4.5,
        'line-color': () => highlightColour(),
        'target-arrow-color': () => highlightColour(),
        'z-index': 10,
      },
    },
    {
      selector: 'node.selected-person, node.connect-source',
      style: { 'border-width': 4, 'border-color': theme.text },
    },
    {
      selector: 'node.connect-source',
      style: { 'border-style': 'dashed' },
    },
    {
      selector: 'node.ghost',
      style: { width: 1, height: 1, opacity: 0, label: '', events: 'no' },
    },
    {
      selector: 'edge.ghost',
      style: { 'line-style': 'dashed', 'line-color': theme.text, 'target-arrow-color': theme.text, label: '', events: 'no' },
    },
  ];
  if (detail === 'full') return full;
  return [
    ...full,
    { selector: 'node', style: { 'min-zoomed-font-size': SMALLEST_READABLE_FONT } },
    {
      selector: 'edge',
      style: { 'min-zoomed-font-size': SMALLEST_READABLE_FONT, 'text-background-opacity': 0 },
    },
    // While an echo is selected, a dimmed relation's words appear only once
    // the clinician zooms in to read them at full size, and a dimmed person's
    // name once it is large enough to read at a quarter of its strength:
    // smaller, they are a grey blur behind the highlight, and the costliest
    // part of the drawing.
    { selector: 'edge.dimmed', style: { 'min-zoomed-font-size': DIMMED_LABEL_SHOWN_FROM } },
    { selector: 'node.dimmed', style: { 'min-zoomed-font-size': DIMMED_NAME_SHOWN_FROM } },
  ];
}
