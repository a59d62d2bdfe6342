import type { Echo } from '../analysis/types';
import type { Case, Relation } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { BUILT_IN_ROLES } from '../library/roles';

/** What one map shows highlighted: the people and relations an echo rests on, in the echo's colour. */
export interface MapHighlight {
  /** The echo's colour, as a CSS hex colour. */
  colour: string;
  personIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
}

/**
 * What one echo marks in each of the three maps, in its colour, on screen, in
 * presentation mode and on paper alike: for a role or feeling, the people
 * holding it, and for a role also the relations through which they hold it
 * (the arrow carrying the role); for a pattern, the relations carrying it and
 * the people at their ends. A map the echo is not in gets an empty highlight,
 * so it dims entirely and the echo's systems stand out.
 */
export function echoHighlights(kase: Case, echo: Echo, colour: string): Record<SystemId, MapHighlight> {
  const parts = Object.fromEntries(
    SYSTEM_IDS.map((system) => [system, { colour, personIds: new Set<string>(), relationIds: new Set<string>() }]),
  ) as Record<SystemId, { colour: string; personIds: Set<string>; relationIds: Set<string> }>;

  if (echo.kind === 'pattern') {
    for (const occurrence of echo.occurrences) {
      const part = parts[occurrence.system];
      part.relationIds.add(occurrence.relation);
      part.personIds.add(occurrence.from);
      part.personIds.add(occurrence.to);
    }
    return parts;
  }

  const holdsKey = echo.kind === 'role' ? roleMatcher(kase, echo.match, echo.key) : () => false;
  for (const occurrence of echo.occurrences) {
    const part = parts[occurrence.system];
    part.personIds.add(occurrence.person);
    for (const relation of kase.systems[occurrence.system].relations) {
      if (holdsThrough(relation, occurrence.person, holdsKey)) part.relationIds.add(relation.id);
    }
  }
  return parts;
}

/** True when two highlights mark the same things in the same colour (so the map need not be marked again). */
export function sameHighlight(a: MapHighlight | null, b: MapHighlight | null): boolean {
  if (a === null || b === null) return a === b;
  return a.colour === b.colour && sameSet(a.personIds, b.personIds) && sameSet(a.relationIds, b.relationIds);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

function holdsThrough(relation: Relation, personId: string, holdsKey: (roleId: string | undefined) => boolean): boolean {
  return (relation.from === personId && holdsKey(relation.fromRole)) || (relation.to === personId && holdsKey(relation.toRole));
}

/** Whether a role id is the echoed role: the same id, or for an echo of kind a role with the echoed stance code. */
function roleMatcher(kase: Case, match: Echo['match'], key: string): (roleId: string | undefined) => boolean {
  if (match === 'exact') return (roleId) => roleId === key;
  const codes = new Map<string, string | undefined>([...BUILT_IN_ROLES, ...kase.customRoles].map((role) => [role.id, role.sasb]));
  return (roleId) => roleId !== undefined && codes.get(roleId) === key;
}
