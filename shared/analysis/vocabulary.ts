import type { Case } from '../case/schema';
import { BUILT_IN_FEELINGS } from '../library/feelings';
import { BUILT_IN_ROLES } from '../library/roles';
import { ALL_SASB_CODES, type SasbCode } from '../library/sasb';

/** What the analysis needs to know about one role of a case. */
export interface RoleEntry {
  id: string;
  label: string;
  /** Absent for a custom role without a code: it takes part only in exact echoes. */
  sasb: SasbCode | undefined;
  /** The code's position in ALL_SASB_CODES, -1 without a code: lets patterns of codes be numbered. */
  codeNumber: number;
  /** Position in the role picker and in the index: built-in roles in library order, then custom roles. */
  rank: number;
}

const CODE_NUMBERS: ReadonlyMap<string, number> = new Map(ALL_SASB_CODES.map((code, index) => [code, index]));

function roleEntry(id: string, label: string, sasb: SasbCode | undefined, rank: number): RoleEntry {
  return { id, label, sasb, codeNumber: sasb === undefined ? -1 : (CODE_NUMBERS.get(sasb) ?? -1), rank };
}

const BUILT_IN_ROLE_ENTRIES: readonly RoleEntry[] = BUILT_IN_ROLES.map((role, rank) =>
  roleEntry(role.id, role.label, role.sasb, rank),
);
const BUILT_IN_ROLE_RANKS: ReadonlyMap<string, number> = new Map(BUILT_IN_ROLE_ENTRIES.map((role) => [role.id, role.rank]));
const BUILT_IN_FEELING_RANKS: ReadonlyMap<string, number> = new Map(BUILT_IN_FEELINGS.map((f, rank) => [f.id, rank]));

/**
 * The roles and feelings one case can use: the built-in libraries plus its own
 * custom ones. Roles are numbered (their rank) so the analysis can index
 * holdings in arrays instead of looking every role up by name.
 */
export class CaseVocabulary {
  private readonly extraRoles: RoleEntry[] = [];
  private readonly extraRanks = new Map<string, number>();
  private readonly extraFeelings: { id: string; label: string }[] = [];
  private readonly extraFeelingRanks = new Map<string, number>();

  constructor(kase: Case) {
    for (const role of kase.customRoles) this.register(role.id, role.label, role.sasb);
    for (const feeling of kase.customFeelings) this.registerFeeling(feeling.id, feeling.label);
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

  /** How many feelings are numbered so far. */
  get feelingCount(): number {
    return BUILT_IN_FEELINGS.length + this.extraFeelings.length;
  }

  /** The number of a feeling id: built-in feelings in library order, then custom ones. */
  feelingRankOf(id: string): number {
    return BUILT_IN_FEELING_RANKS.get(id) ?? this.extraFeelingRanks.get(id) ?? this.registerFeeling(id, id);
  }

  /** The feeling with a given number. */
  feelingAt(rank: number): { id: string; label: string } {
    return (BUILT_IN_FEELINGS[rank] ?? this.extraFeelings[rank - BUILT_IN_FEELINGS.length]) as { id: string; label: string };
  }

  /** The label of a feeling id. */
  feelingLabel(id: string): string {
    return this.feelingAt(this.feelingRankOf(id)).label;
  }

  private register(id: string, label: string, sasb: SasbCode | undefined): number {
    const rank = this.roleCount;
    this.extraRoles.push(roleEntry(id, label, sasb, rank));
    this.extraRanks.set(id, rank);
    return rank;
  }

  private registerFeeling(id: string, label: string): number {
    const rank = this.feelingCount;
    this.extraFeelings.push({ id, label });
    this.extraFeelingRanks.set(id, rank);
    return rank;
  }
}
