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
  lines: string[];
  width: number;
  height: number;
}

/** A person's box: their name, wrapped at NAME_MAX_WIDTH, with the node's padding around it. */
export function nameBox(name: string): TextBox {
  const lines = wrapText(name, NAME_MAX_WIDTH, NAME_FONT_SIZE, NAME_FONT_WEIGHT);
  const widest = Math.max(...lines.map((line) => Math.ceil(textWidth(line, NAME_FONT_SIZE, NAME_FONT_WEIGHT))));
  return { lines, width: widest + 2 * NODE_PADDING_X, height: lines.length * NAME_LINE_HEIGHT + 2 * NODE_PADDING_Y };
}

/** A relation's label: its words wrapped at LABEL_MAX_WIDTH, with the halo around them; empty words have no box. */
export function labelBox(text: string): TextBox {
  if (text.trim() === '') return { lines: [], width: 0, height: 0 };
  const lines = wrapText(text, LABEL_MAX_WIDTH, LABEL_FONT_SIZE, LABEL_FONT_WEIGHT);
  const widest = Math.max(...lines.map((line) => Math.ceil(textWidth(line, LABEL_FONT_SIZE, LABEL_FONT_WEIGHT))));
  return { lines, width: widest + 2 * LABEL_PADDING, height: lines.length * LABEL_LINE_HEIGHT + 2 * LABEL_PADDING };
}
