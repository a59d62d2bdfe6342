import type { EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';

/** The colours a map needs from the page, which differ between light and dark. */
export interface MapTheme {
  text: string;
  edge: string;
  background: string;
  nodeOutline: string;
}

export const LIGHT_MAP_THEME: MapTheme = { text: '#1f2328', edge: '#5b6470', background: '#ffffff', nodeOutline: '#ffffff' };
export const DARK_MAP_THEME: MapTheme = { text: '#e6e8eb', edge: '#a3abb6', background: '#1f2329', nodeOutline: '#e6e8eb' };

// The canvas cannot read CSS, so the font stack is repeated from styles.css:
// system fonts only, because the CSP (rightly) allows no web fonts.
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif';

const NAME_FONT_SIZE = 15;
/** The widest a name runs inside its node before it wraps. */
export const NAME_MAX_WIDTH = 150;
const NAME_PADDING = 12;
const NAME_LINE_HEIGHT = 1.2;

/** The font of the names inside the nodes, as a canvas `font` string for measuring them. */
export const NAME_FONT = `600 ${NAME_FONT_SIZE}px ${FONT_FAMILY}`;

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
 * The Cytoscape stylesheet of every map: names inside coloured nodes sized to
 * fit them, role labels on a halo beside each arrow; the selected echo's
 * people under a halo and its relations drawn thick in `highlightColour`,
 * everything else dimmed; the selected person ringed. `highlightColour` is
 * read whenever a highlighted element is styled, so changing echo restyles
 * only the elements whose highlight changes. `nameWidth` measures a
 * name in NAME_FONT (Cytoscape's own `width: label` is deprecated).
 */
export function mapStylesheet(
  theme: MapTheme,
  nameWidth: (name: string) => number,
  highlightColour: () => string = () => theme.edge,
  detail: MapDetail = 'full',
): StylesheetJson {
  // Cytoscape asks for a node's width and height on every restyle (each echo
  // selected restyles every node); a name's box is the same every time.
  const boxes = new Map<string, { width: number; height: number }>();
  const boxOf = (name: string) => {
    let box = boxes.get(name);
    if (box === undefined) {
      box = nameBox(name, nameWidth);
      boxes.set(name, box);
    }
    return box;
  };
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
        'font-weight': 600,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': `${NAME_MAX_WIDTH}px`,
        'line-height': NAME_LINE_HEIGHT,
        width: (node: NodeSingular) => boxOf(String(node.data('label'))).width,
        height: (node: NodeSingular) => boxOf(String(node.data('label'))).height,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'control-point-step-size': 80,
        width: 1.75,
        'line-color': theme.edge,
        'target-arrow-color': theme.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        color: theme.text,
        'font-family': FONT_FAMILY,
        'font-size': 14,
        // Along the arrow, so the labels of parallel relations stack instead of colliding.
        'text-rotation': 'autorotate',
        'text-wrap': 'wrap',
        'text-max-width': (edge: EdgeSingular) => `${Number(edge.data('labelWidth'))}px`,
        'text-background-color': theme.background,
        'text-background-opacity': 0.92,
        'text-background-padding': '3px',
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

/**
 * The size of the node that holds a name: wrapped at spaces the way
 * Cytoscape wraps it (a long name takes two lines rather than being cut).
 */
export function nameBox(name: string, nameWidth: (text: string) => number): { width: number; height: number } {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && nameWidth(`${last} ${word}`) <= NAME_MAX_WIDTH) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const widest = Math.max(0, ...lines.map((line) => Math.min(nameWidth(line), NAME_MAX_WIDTH)));
  const lineCount = Math.max(1, lines.length);
  return {
    width: widest + 2 * NAME_PADDING,
    height: lineCount * NAME_FONT_SIZE * NAME_LINE_HEIGHT + 2 * NAME_PADDING - 6,
  };
}
