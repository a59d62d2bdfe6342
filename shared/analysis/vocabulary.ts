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
  /** The code's position in ALL_SASB_CODES, -1 without a code: lets pairs of codes be numbered. */
  codeNumber: number;
  /**
   * The role's number in its case, and its position in the role picker:
   * built-in roles in library order, then custom roles; unique in a case.
   */
  rank: number;
}

const CODE_NUMBERS: ReadonlyMap<string, number> = new Map(ALL_SASB_CODES.map((code, index) => [code, index]));

function roleEntry(id: string, label: string, sasb: SasbCode | undefined, rank: number): RoleEntry {
  return { id, label, sasb, codeNumber: sasb === undefined ? -1 : (CODE_NUMBERS.get(sasb) ?? -1), rank };
}

const BUILT_IN_ROLE_ENTRIES: readonly RoleEntry[] = BUILT_IN_ROLES.map((role, rank) => roleEntry(role.id, role.label, role.sasb, rank));
const BUILT_IN_ROLE_NUMBERS: Readonly<Record<string, number>> = numbering(BUILT_IN_ROLE_ENTRIES.map((role) => role.id));
const BUILT_IN_FEELING_IDS: readonly string[] = BUILT_IN_FEELINGS.map((feeling) => feeling.id);
const BUILT_IN_FEELING_NUMBERS: Readonly<Record<string, number>> = numbering(BUILT_IN_FEELING_IDS);
const BUILT_IN_FEELING_LABELS: ReadonlyMap<string, string> = new Map(BUILT_IN_FEELINGS.map((f) => [f.id, f.label]));

/**
 * Each id's position. A plain object, not a Map: looking ids up in it, once
 * per id a case names, measured faster (docs/benchmarks.md). It has no
 * prototype, so no inherited key such as "constructor" can be found.
 */
function numbering(ids: readonly string[]): Record<string, number> {
  const numbers: Record<string, number> = Object.create(null);
  ids.forEach((id, number) => (numbers[id] = number));
  return numbers;
}

const NO_CUSTOM_FEELINGS: ReadonlyMap<string, string> = new Map();

/**
 * The roles and feelings one case can use, the built-in libraries plus its own
 * custom ones, each numbered 0, 1, 2… so that, once each id is looked up, the
 * engine indexes arrays by number (docs/benchmarks.md). Built-in numbers are
 * the same in every case; custom ones follow them, in the case's order.
 */
export class CaseVocabulary {
  /** Custom roles, and unknown ones once met; absent while there are none, as in most cases. */
  private ownRoles: Map<string, RoleEntry> | undefined;
  private readonly customFeelings: ReadonlyMap<string, string>;
  /** Roles numbered after the built-in ones: custom, then unknown ones as they are met. */
  private readonly laterRoles: RoleEntry[] = [];
  /** Feelings numbered after the built-in ones. */
  private readonly laterFeelings: string[] = [];
  private laterFeelingNumbers: Map<string, number> | undefined;

  constructor(kase: Case) {
    for (const role of kase.customRoles) this.addRole(roleEntry(role.id, role.label, role.sasb, this.roleCount));
    // Most cases define no feelings of their own: they share one empty table.
    this.customFeelings =
      kase.customFeelings.length === 0 ? NO_CUSTOM_FEELINGS : new Map(kase.customFeelings.map((f) => [f.id, f.label]));
    for (const feeling of kase.customFeelings) this.feelingNumber(feeling.id);
  }

  /** How many roles are numbered so far (unknown ones are numbered when first met). */
  get roleCount(): number {
    return BUILT_IN_ROLE_ENTRIES.length + this.laterRoles.length;
  }

  /** How many feelings are numbered so far. */
  get feelingCount(): number {
    return BUILT_IN_FEELING_IDS.length + this.laterFeelings.length;
  }

  /** The number of a role id. */
  roleNumber(id: string): number {
    return BUILT_IN_ROLE_NUMBERS[id] ?? this.role(id).rank;
  }

  /** The role with a given id. */
  role(id: string): RoleEntry {
    const builtIn = BUILT_IN_ROLE_NUMBERS[id];
    if (builtIn !== undefined) return BUILT_IN_ROLE_ENTRIES[builtIn] as RoleEntry;
    return this.ownRoles?.get(id) ?? this.addRole(roleEntry(id, id, undefined, this.roleCount));
  }

  /** The role with a given number. */
  roleAt(number: number): RoleEntry {
    return (BUILT_IN_ROLE_ENTRIES[number] ?? this.laterRoles[number - BUILT_IN_ROLE_ENTRIES.length]) as RoleEntry;
  }

  // Custom roles, and unknown ids: a valid case names only known ids, but an
  // unknown one is numbered after the others, with its id as label and no
  // code, rather than stopping the analysis.
  private addRole(entry: RoleEntry): RoleEntry {
    this.laterRoles.push(entry);
    (this.ownRoles ??= new Map()).set(entry.id, entry);
    return entry;
  }

  /** The number of a feeling id; an unknown one is numbered after the others. */
  feelingNumber(id: string): number {
    const builtIn = BUILT_IN_FEELING_NUMBERS[id];
    if (builtIn !== undefined) return builtIn;
    const later = (this.laterFeelingNumbers ??= new Map());
    let number = later.get(id);
    if (number === undefined) {
      number = BUILT_IN_FEELING_IDS.length + this.laterFeelings.push(id) - 1;
      later.set(id, number);
    }
    return number;
  }

  /** The feeling id with a given number. */
  feelingAt(number: number): string {
    return (BUILT_IN_FEELING_IDS[number] ?? this.laterFeelings[number - BUILT_IN_FEELING_IDS.length]) as string;
  }

  /** The label of a feeling id. */
  feelingLabel(id: string): string {
    return BUILT_IN_FEELING_LABELS.get(id) ?? this.customFeelings.get(id) ?? id;
  }
}
