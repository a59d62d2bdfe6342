import {
  LABEL_FONT_SIZE,
  LABEL_FONT_WEIGHT,
  LABEL_LINE_HEIGHT,
  LABEL_MAX_WIDTH,
  LABEL_PADDING,
  NAME_FONT_SIZE,
  NAME_FONT_WEIGHT,
  NAME_LINE_HEIGHT,
  NAME_MAX_WIDTH,
  NODE_PADDING_X,
  NODE_PADDING_Y,
} from './sceneConstants';
import { textWidth, wrapText } from './textMetrics';

/** A block of text as drawn: its lines and the box around them, halo or padding included. */
export interface TextBox {
  lines: readonly string[];
  width: number;
  height: number;
}

// Every edit draws the scene again, and a map's names and words rarely
// change: measuring each text once keeps a large map's redraw quick. Bounded,
// so a long session does not grow it without end.
const MOST_REMEMBERED = 4000;
const names = new Map<string, TextBox>();
const words = new Map<string, TextBox>();

function remembered(cache: Map<string, TextBox>, text: string, measure: (text: string) => TextBox): TextBox {
  const known = cache.get(text);
  if (known) return known;
  if (cache.size >= MOST_REMEMBERED) cache.clear();
  const box = measure(text);
  cache.set(text, box);
  return box;
}

/** A person's box: their name, wrapped at NAME_MAX_WIDTH, with the node's padding around it. */
export function nameBox(name: string): TextBox {
  return remembered(names, name, measureName);
}

/** A relation's label: its words wrapped at LABEL_MAX_WIDTH, with the halo around them; empty words have no box. */
export function labelBox(text: string): TextBox {
  return remembered(words, text, measureWords);
}

function measureName(name: string): TextBox {
  const lines = wrapText(name, NAME_MAX_WIDTH, NAME_FONT_SIZE, NAME_FONT_WEIGHT);
  const widest = Math.max(...lines.map((line) => Math.ceil(textWidth(line, NAME_FONT_SIZE, NAME_FONT_WEIGHT))));
  return { lines, width: widest + 2 * NODE_PADDING_X, height: lines.length * NAME_LINE_HEIGHT + 2 * NODE_PADDING_Y };
}

function measureWords(text: string): TextBox {
  if (text.trim() === '') return { lines: [], width: 0, height: 0 };
  const lines = wrapText(text, LABEL_MAX_WIDTH, LABEL_FONT_SIZE, LABEL_FONT_WEIGHT);
  const widest = Math.max(...lines.map((line) => Math.ceil(textWidth(line, LABEL_FONT_SIZE, LABEL_FONT_WEIGHT))));
  return { lines, width: widest + 2 * LABEL_PADDING, height: lines.length * LABEL_LINE_HEIGHT + 2 * LABEL_PADDING };
}
