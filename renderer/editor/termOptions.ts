import type { Case } from '../../shared/case/schema';
import { BUILT_IN_FEELINGS } from '../../shared/library/feelings';
import { BUILT_IN_ROLES } from '../../shared/library/roles';
import { sasbLabel } from '../../shared/library/sasb';

/** One choice of a role or feeling picker, with what the clinician needs to choose it. */
export interface TermOption {
  id: string;
  label: string;
  /** The role's one-sentence description, when it has one. */
  description?: string;
  /** The SASB code in words, e.g. "other.6 Blame (focus on other)". */
  sasb?: string;
  custom: boolean;
}

/** Every role a member can hold in a case: the built-in library, then the case's own (`customRoles`). */
export function roleOptions(customRoles: Case['customRoles']): TermOption[] {
  return [
    ...BUILT_IN_ROLES.map((role) => ({
      id: role.id,
      label: role.label,
      description: role.description,
      sasb: role.sasb && sasbLabel(role.sasb),
      custom: false,
    })),
    ...customRoles.map((role) => ({
      id: role.id,
      label: role.label,
      description: 'A role defined in this case.',
      sasb: role.sasb && sasbLabel(role.sasb),
      custom: true,
    })),
  ];
}

/** Every feeling a member can report in a case: the built-in library, then the case's own (`customFeelings`). */
export function feelingOptions(customFeelings: Case['customFeelings']): TermOption[] {
  return [
    ...BUILT_IN_FEELINGS.map((feeling) => ({ id: feeling.id, label: feeling.label, custom: false })),
    ...customFeelings.map((feeling) => ({ id: feeling.id, label: feeling.label, custom: true })),
  ];
}

/** The options whose label, description or SASB words contain `query`, best matches (label prefix) first. */
export function matchTerms(options: readonly TermOption[], query: string): TermOption[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [...options];
  const starts: TermOption[] = [];
  const contains: TermOption[] = [];
  for (const option of options) {
    const label = option.label.toLowerCase();
    if (label.startsWith(wanted)) starts.push(option);
    else if ([label, option.description ?? '', option.sasb ?? ''].some((text) => text.toLowerCase().includes(wanted))) {
      contains.push(option);
    }
  }
  return [...starts, ...contains];
}
