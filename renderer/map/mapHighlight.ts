/** What one map shows highlighted: the people and relations an echo rests on, in the echo's colour. */
export interface MapHighlight {
  /** The echo's colour, as a CSS hex colour. */
  colour: string;
  personIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
}

/** True when two highlights mark the same things in the same colour (so the map need not refit). */
export function sameHighlight(a: MapHighlight | null, b: MapHighlight | null): boolean {
  if (a === null || b === null) return a === b;
  return a.colour === b.colour && sameSet(a.personIds, b.personIds) && sameSet(a.relationIds, b.relationIds);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
