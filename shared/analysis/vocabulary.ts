import type { Case } from '../case/schema';
import { BUILT_IN_FEELINGS } from '../library/feelings';
import { BUILT_IN_ROLES } from '../library/roles';
import type { SasbCode } from '../library/sasb';

/** What the analysis needs to know about one role of a case. */
export interface RoleEntry {
  label: string;
  /** Absent for a custom role without a code: it takes part only in exact echoes. */
  sasb: SasbCode | undefined;
  /** Position in the role picker: built-in roles in library order, then custom roles. */
  rank: number;
}

/** The roles and feelings a case can use: the built-in libraries plus its own custom ones. */
export interface CaseVocabulary {
  role(id: string): RoleEntry;
  feelingLabel(id: string): string;
}

const BUILT_IN_ROLE_ENTRIES: ReadonlyMap<string, RoleEntry> = new Map(
  BUILT_IN_ROLES.map((role, rank) => [role.id, { label: role.label, sasb: role.sasb, rank }]),
);
const BUILT_IN_FEELING_LABELS: ReadonlyMap<string, string> = new Map(BUILT_IN_FEELINGS.map((f) => [f.id, f.label]));

const UNKNOWN_RANK = Number.MAX_SAFE_INTEGER;

/** Looks up role and feeling ids of `kase`, custom definitions included. */
export function caseVocabulary(kase: Case): CaseVocabulary {
  const customRoles = new Map<string, RoleEntry>();
  kase.customRoles.forEach((role, index) => {
    customRoles.set(role.id, { label: role.label, sasb: role.sasb, rank: BUILT_IN_ROLES.length + index });
  });
  const customFeelings = new Map(kase.customFeelings.map((feeling) => [feeling.id, feeling.label]));
  return {
    // A valid case names only known ids; an unknown one still gets a readable
    // label and no code rather than stopping the whole analysis.
    role: (id) =>
      BUILT_IN_ROLE_ENTRIES.get(id) ?? customRoles.get(id) ?? { label: id, sasb: undefined, rank: UNKNOWN_RANK },
    feelingLabel: (id) => BUILT_IN_FEELING_LABELS.get(id) ?? customFeelings.get(id) ?? id,
  };
}
