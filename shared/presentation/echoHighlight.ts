import type { Echo } from '../analysis/types';
import type { Case } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { BUILT_IN_ROLES } from '../library/roles';

/** What to pick out on one map: people ringed and relations drawn in `colour`. */
export interface MapHighlight {
  personIds: readonly string[];
  relationIds: readonly string[];
  colour: string;
}

/**
 * Where one echo shows on each of the three maps: the people holding the
 * role or feeling, and for a role the relations through which they hold it;
 * for a pattern, the relations carrying it and the people at their ends.
 * A system the echo is absent from gets an empty highlight.
 */
export function echoHighlights(kase: Case, echo: Echo, colour: string): Record<SystemId, MapHighlight> {
  const people = new Map<SystemId, Set<string>>(SYSTEM_IDS.map((system) => [system, new Set()]));
  const relations = new Map<SystemId, Set<string>>(SYSTEM_IDS.map((system) => [system, new Set()]));

  if (echo.kind === 'pattern') {
    for (const occurrence of echo.occurrences) {
      relations.get(occurrence.system)?.add(occurrence.relation);
      people.get(occurrence.system)?.add(occurrence.from).add(occurrence.to);
    }
  } else {
    const holdsKey = roleTest(kase, echo);
    for (const occurrence of echo.occurrences) {
      people.get(occurrence.system)?.add(occurrence.person);
      if (holdsKey === undefined) continue;
      for (const relation of kase.systems[occurrence.system].relations) {
        const atFrom = relation.from === occurrence.person && relation.fromRole !== undefined && holdsKey(relation.fromRole);
        const atTo = relation.to === occurrence.person && relation.toRole !== undefined && holdsKey(relation.toRole);
        if (atFrom || atTo) relations.get(occurrence.system)?.add(relation.id);
      }
    }
  }

  const highlight = (system: SystemId): MapHighlight => ({
    personIds: [...(people.get(system) ?? [])],
    relationIds: [...(relations.get(system) ?? [])],
    colour,
  });
  return { client: highlight('client'), therapy: highlight('therapy'), supervision: highlight('supervision') };
}

/** For a role echo, which role ids count as holding its key: the role itself, or every role with its SASB code. */
function roleTest(kase: Case, echo: Echo): ((role: string) => boolean) | undefined {
  if (echo.kind !== 'role') return undefined;
  if (echo.match === 'exact') return (role) => role === echo.key;
  const codes = new Map<string, string | undefined>([...BUILT_IN_ROLES, ...kase.customRoles].map((role) => [role.id, role.sasb]));
  return (role) => codes.get(role) === echo.key;
}
