/**
 * The sizes every map is drawn with, in map units (the units of a member's
 * saved `position`). One set for the app's maps, presentation mode, PNG/SVG
 * export and the handout, so that screen and paper are the same picture at
 * different scales.
 */

/** A person's name, inside their box. */
export const NAME_FONT_SIZE = 15;
export const NAME_FONT_WEIGHT = 600;
export const NAME_LINE_HEIGHT = 18;
/** The widest a name runs inside its box before it wraps. */
export const NAME_MAX_WIDTH = 150;
export const NODE_PADDING_X = 12;
export const NODE_PADDING_Y = 8;

/** A relation's words (its roles), beside the arrow. */
export const LABEL_FONT_SIZE = 14;
export const LABEL_FONT_WEIGHT = 400;
export const LABEL_LINE_HEIGHT = 17;
/** The widest a relation's label runs before it wraps. */
export const LABEL_MAX_WIDTH = 136;
/** The halo behind a relation's label, on each side. */
export const LABEL_PADDING = 3;

/**
 * The smallest sizes a clinician can read at a glance on screen, in CSS
 * pixels: the maps open no smaller than this when the case allows it.
 */
export const READABLE_NAME_PX = 12;
export const READABLE_LABEL_PX = 11;

/**
 * Above this many people and relations a map is crowded: it opens too small
 * to read every label, so it draws small words only as the clinician zooms in.
 */
export const CROWDED_MAP = 60;
