import type { Case } from '../case/schema';
import { BUILT_IN_FEELINGS } from '../library/feelings';
import { BUILT_IN_ROLES } from '../library/roles';
import type { SasbCode } from '../library/sasb';

/** What the analysis needs to know about one role of a case. */
export interface RoleEntry {
  id: string;
  label: string;
  /** Absent for a custom role without a code: it takes part only in exact echoes. */
  sasb: SasbCode | undefined;
  /** Position in the role picker and in the index: built-in roles in library order, then custom roles. */
  rank: number;
}

const BUILT_IN_ROLE_ENTRIES: readonly RoleEntry[] = BUILT_IN_ROLES.map((role, rank) => ({
  id: role.id,
  label: role.label,
  sasb: role.sasb,
  rank,
}));
const BUILT_IN_ROLE_RANKS: ReadonlyMap<string, number> = new Map(BUILT_IN_ROLE_ENTRIES.map((role) => [role.id, role.rank]));
const BUILT_IN_FEELING_LABELS: ReadonlyMap<string, string> = new Map(BUILT_IN_FEELINGS.map((f) => [f.id, f.label]));

/**
 * The roles and feelings one case can use: the built-in libraries plus its own
 * custom ones. Roles are numbered (their rank) so the analysis can index
 * holdings in arrays instead of looking every role up by name.
 */
export class CaseVocabulary {
  private readonly extraRoles: RoleEntry[] = [];
  private readonly extraRanks = new Map<string, number>();
  private readonly customFeelings: ReadonlyMap<string, string>;

  constructor(kase: Case) {
    for (const role of kase.customRoles) this.register(role.id, role.label, role.sasb);
    this.customFeelings = new Map(kase.customFeelings.map((feeling) => [feeling.id, feeling.label]));
  }

  /** How many roles are numbered so far; ranks run from 0 to one less. */
  get roleCount(): number {
    return BUILT_IN_ROLE_ENTRIES.length + this.extraRoles.length;
  }

  /** The number of a role id. */
  rankOf(id: string): number {
    // A valid case names only known ids; an unknown one is numbered with its
    // id as label and no code rather than stopping the whole analysis.
    return BUILT_IN_ROLE_RANKS.get(id) ?? this.extraRanks.get(id) ?? this.register(id, id, undefined);
  }

  /** The role with a given number. */
  roleAt(rank: number): RoleEntry {
    return (BUILT_IN_ROLE_ENTRIES[rank] ?? this.extraRoles[rank - BUILT_IN_ROLE_ENTRIES.length]) as RoleEntry;
  }

  /** The role with a given id. */
  role(id: string): RoleEntry {
    return this.roleAt(this.rankOf(id));
  }

  /** The label of a feeling id. */
  feelingLabel(id: string): string {
    return BUILT_IN_FEELING_LABELS.get(id) ?? this.customFeelings.get(id) ?? id;
  }

  private register(id: string, label: string, sasb: SasbCode | undefined): number {
    const rank = this.roleCount;
    this.extraRoles.push({ id, label, sasb, rank });
    this.extraRanks.set(id, rank);
    return rank;
  }
}
