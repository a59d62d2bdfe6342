import type { Core } from 'cytoscape';
import type { Box } from '../../shared/scene/mapScene';

/** Room kept between the drawing and the map's edge, in CSS pixels: a highlight's halo must not touch it. */
export const VIEW_PADDING = 12;
/** The largest zoom a map opens at: a map of two people is not blown up to poster size. */
export const MOST_OPENING_ZOOM = 1.3;
export const LEAST_ZOOM = 0.05;
export const MOST_ZOOM = 4;
/** One wheel notch or one key press: 15 % in or out. */
export const ZOOM_STEP = 1.15;

/** The zoom at which `bounds` fills a viewport of `width` × `height` pixels, padding kept, capped at MOST_OPENING_ZOOM. */
export function fitZoom(bounds: Box, width: number, height: number): number {
  if (width <= 0 || height <= 0) return 1;
  const zoom = Math.min((width - 2 * VIEW_PADDING) / Math.max(bounds.width, 1), (height - 2 * VIEW_PADDING) / Math.max(bounds.height, 1));
  return Math.max(LEAST_ZOOM, Math.min(MOST_OPENING_ZOOM, zoom));
}

/** Shows the whole of `bounds` centred at `zoom`. */
export function showWhole(cy: Core, bounds: Box, zoom: number): void {
  const width = cy.width();
  const height = cy.height();
  cy.stop(true, true);
  cy.viewport({
    zoom,
    pan: { x: width / 2 - (bounds.x + bounds.width / 2) * zoom, y: height / 2 - (bounds.y + bounds.height / 2) * zoom },
  });
}

/** Zooms by `factor` around a point of the map (viewport pixels), its centre by default. */
export function zoomBy(cy: Core, factor: number, at?: { x: number; y: number }): void {
  const level = Math.max(LEAST_ZOOM, Math.min(MOST_ZOOM, cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: at ?? { x: cy.width() / 2, y: cy.height() / 2 } });
}
