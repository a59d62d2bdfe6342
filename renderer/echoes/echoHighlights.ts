import type { SystemId } from '../../shared/case/systems';
import type { MapHighlight } from '../../shared/scene/highlight';

/** The highlight of every map: null in all three when no echo is selected. */
export type MapHighlights = Record<SystemId, MapHighlight | null>;

/** No echo selected: every map shows plainly. */
export const NO_HIGHLIGHTS: MapHighlights = { client: null, therapy: null, supervision: null };
