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
  /** Position in the role picker: built-in roles in library order, then custom roles; unique in a case. */
  rank: number;
}

const CODE_NUMBERS: ReadonlyMap<string, number> = new Map(ALL_SASB_CODES.map((code, index) => [code, index]));

function roleEntry(id: string, label: string, sasb: SasbCode | undefined, rank: number): RoleEntry {
  return { id, label, sasb, codeNumber: sasb === undefined ? -1 : (CODE_NUMBERS.get(sasb) ?? -1), rank };
}

const BUILT_IN_ROLE_ENTRIES: ReadonlyMap<string, RoleEntry> = new Map(
  BUILT_IN_ROLES.map((role, rank) => [role.id, roleEntry(role.id, role.label, role.sasb, rank)]),
);
const BUILT_IN_FEELING_LABELS: ReadonlyMap<string, string> = new Map(BUILT_IN_FEELINGS.map((f) => [f.id, f.label]));

/** The roles and feelings one case can use: the built-in libraries plus its own custom ones. */
export class CaseVocabulary {
  private readonly customRoles = new Map<string, RoleEntry>();
  private readonly customFeelings: ReadonlyMap<string, string>;

  constructor(kase: Case) {
    kase.customRoles.forEach((role, index) => {
      this.customRoles.set(role.id, roleEntry(role.id, role.label, role.sasb, BUILT_IN_ROLE_ENTRIES.size + index));
    });
    this.customFeelings = new Map(kase.customFeelings.map((feeling) => [feeling.id, feeling.label]));
  }

  /** The role with a given id. */
  role(id: string): RoleEntry {
    return BUILT_IN_ROLE_ENTRIES.get(id) ?? this.customRoles.get(id) ?? this.unknownRole(id);
  }

  // A valid case names only known ids; an unknown one is numbered after the
  // others, with its id as label and no code, rather than stopping the analysis.
  private unknownRole(id: string): RoleEntry {
    const entry = roleEntry(id, id, undefined, BUILT_IN_ROLE_ENTRIES.size + this.customRoles.size);
    this.customRoles.set(id, entry);
    return entry;
  }

  /** The label of a feeling id. */
  feelingLabel(id: string): string {
    return BUILT_IN_FEELING_LABELS.get(id) ?? this.customFeelings.get(id) ?? id;
  }
}
