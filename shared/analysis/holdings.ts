import type { Relation, RelationalSystem } from '../case/schema';
import type { CaseVocabulary } from './vocabulary';

/**
 * Who holds what in one system, indexed by key so echoes are found without
 * comparing relations pairwise. Holder lists may repeat a person (one entry
 * per member role and per relation end); they are de-duplicated only for the
 * few keys that become echoes, where they are sorted anyway.
 */
export interface SystemHoldings {
  /** Role id → the people holding it (member roles, `fromRole` of their relations, `toRole` of relations to them). */
  roles: Map<string, string[]>;
  /** SASB code → role id with that code → the people holding that role. */
  roleCodes: Map<string, Map<string, string[]>>;
  /** Feeling id → the members who report it. */
  feelings: Map<string, string[]>;
  /** `A>B` → the relations with `fromRole` A and `toRole` B. */
  patterns: Map<string, Relation[]>;
  /** `CA>CB` → `A>B` → the relations with that role pair. */
  patternCodes: Map<string, Map<string, Relation[]>>;
}

/** Indexes every holding of one system in a single pass over its members and relations. */
export function indexSystem(system: RelationalSystem, vocabulary: CaseVocabulary): SystemHoldings {
  const roles = new Map<string, string[]>();
  const feelings = new Map<string, string[]>();
  // Grouped by fromRole then toRole, so no `A>B` text is built per relation.
  const pairs = new Map<string, Map<string, Relation[]>>();

  for (const member of system.members) {
    for (const role of member.roles) addTo(roles, role, member.person);
    for (const feeling of member.feelings) addTo(feelings, feeling, member.person);
  }
  for (const relation of system.relations) {
    const { from, to, fromRole, toRole } = relation;
    if (fromRole !== undefined) addTo(roles, fromRole, from);
    // A relation to oneself is a stance with one role only (case-format.md).
    if (toRole === undefined || from === to) continue;
    addTo(roles, toRole, to);
    if (fromRole === undefined) continue;
    let byToRole = pairs.get(fromRole);
    if (byToRole === undefined) pairs.set(fromRole, (byToRole = new Map()));
    addTo(byToRole, toRole, relation);
  }

  const roleCodes = new Map<string, Map<string, string[]>>();
  for (const [role, holders] of roles) {
    const code = vocabulary.role(role).sasb;
    if (code === undefined) continue;
    let byRole = roleCodes.get(code);
    if (byRole === undefined) roleCodes.set(code, (byRole = new Map()));
    byRole.set(role, holders);
  }

  const patterns = new Map<string, Relation[]>();
  const patternCodes = new Map<string, Map<string, Relation[]>>();
  for (const [fromRole, byToRole] of pairs) {
    const fromCode = vocabulary.role(fromRole).sasb;
    for (const [toRole, relations] of byToRole) {
      const pattern = `${fromRole}>${toRole}`;
      patterns.set(pattern, relations);
      const toCode = vocabulary.role(toRole).sasb;
      if (fromCode === undefined || toCode === undefined) continue;
      const code = `${fromCode}>${toCode}`;
      let byPair = patternCodes.get(code);
      if (byPair === undefined) patternCodes.set(code, (byPair = new Map()));
      byPair.set(pattern, relations);
    }
  }

  return { roles, roleCodes, feelings, patterns, patternCodes };
}

function addTo<T>(index: Map<string, T[]>, key: string, entry: T): void {
  const entries = index.get(key);
  if (entries === undefined) index.set(key, [entry]);
  else entries.push(entry);
}
