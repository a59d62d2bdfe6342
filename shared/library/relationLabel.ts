import type { Case, Relation } from '../case/schema';
import { BUILT_IN_ROLES } from './roles';

/** An act shown on a map in place of roles is cut to this many characters. */
const MAX_ACT_LABEL = 40;

/** Every role a case can use, built-in and custom, by id. */
export function roleLabelsOf(kase: Case): ReadonlyMap<string, string> {
  return new Map([...BUILT_IN_ROLES, ...kase.customRoles].map((role) => [role.id, role.label]));
}

/**
 * The words on a relation's line, the same on screen, in presentations and in
 * handouts: "Critic → Anxious performer", one role alone, or else the act itself.
 */
export function relationLabel(relation: Relation, roleLabels: ReadonlyMap<string, string>): string {
  const from = relation.fromRole === undefined ? undefined : (roleLabels.get(relation.fromRole) ?? relation.fromRole);
  const to = relation.toRole === undefined ? undefined : (roleLabels.get(relation.toRole) ?? relation.toRole);
  if (from !== undefined && to !== undefined) return `${from} → ${to}`;
  if (from !== undefined) return from;
  if (to !== undefined) return `→ ${to}`;
  const act = relation.act?.trim() ?? '';
  return act.length > MAX_ACT_LABEL ? `${act.slice(0, MAX_ACT_LABEL - 1).trimEnd()}…` : act;
}
