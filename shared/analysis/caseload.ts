import type { Case } from '../case/schema';
import { holdingsOf, isHolder } from './holdings';
import { numberCase, THERAPY } from './numbered-case';
import { compareCodePoints } from './order';

/** A role or feeling a therapist holds in the therapy system of two or more of their cases. */
export interface RecurringHolding {
  kind: 'role' | 'feeling';
  key: string;
  /** The cases it occurs in, in input order. */
  caseIds: string[];
  /** Its share of the therapist's cases, rounded to 3 decimals. */
  share: number;
  wording: { label: string; summary: string };
}

/** One therapist's cases and what recurs across them. */
export interface TherapistCaseload {
  /** The trimmed name as first met. */
  name: string;
  caseIds: string[];
  recurring: RecurringHolding[];
}

/** What recurs across each therapist's caseload (analysis.md, "Across a caseload"). */
export interface CaseloadAnalysis {
  therapists: TherapistCaseload[];
}

/** The object `caseload FILE... --json` prints. */
export interface CaseloadJson {
  therapists: {
    name: string;
    caseIds: string[];
    recurring: { kind: 'role' | 'feeling'; key: string; caseIds: string[]; share: number }[];
  }[];
}

/** A case the caseload cannot place, because it has no therapist to group it under. */
export class CaseloadError extends Error {
  readonly code = 'case-without-therapist';
  constructor(readonly caseId: string) {
    super(`Case "${caseId}" has no therapist, so it cannot be placed in a caseload; add the therapist to the case.`);
    this.name = 'CaseloadError';
  }
}

interface Tally {
  kind: 'role' | 'feeling';
  key: string;
  label: string;
  caseIds: string[];
}

interface Group {
  name: string;
  caseIds: string[];
  tallies: Map<string, Tally>;
}

const KIND_ORDER = { role: 0, feeling: 1 } as const;

/**
 * Groups cases by therapist (trimmed, case-insensitive name) and reports the
 * roles and feelings each therapist holds in the therapy system of two or more
 * of their cases. Decisions where analysis.md is silent: every therapist is
 * listed, in the order first met, even with nothing recurring (an empty list
 * tells the clinician the caseload was looked at); a custom role or feeling
 * counts as the same across cases when its id is the same, and takes its label
 * from the first of those cases.
 */
export function analyzeCaseload(cases: readonly Case[]): CaseloadAnalysis {
  const groups = new Map<string, Group>();
  for (const kase of cases) {
    const therapist = kase.people.find((person) => person.kind === 'therapist');
    if (therapist === undefined) throw new CaseloadError(kase.id);
    const name = therapist.name.trim();
    const groupKey = name.toLowerCase();
    let group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, (group = { name, caseIds: [], tallies: new Map() }));
    group.caseIds.push(kase.id);

    const numbered = numberCase(kase);
    const holdings = holdingsOf(numbered);
    const { vocabulary } = numbered;
    const person = numbered.people.find(therapist.id);
    for (let number = 0; number < vocabulary.roleCount; number += 1) {
      if (!isHolder(holdings.roleHolders, holdings.words, number, THERAPY, person)) continue;
      const role = vocabulary.roleAt(number);
      tally(group, 'role', role.id, role.label, kase.id);
    }
    for (let number = 0; number < vocabulary.feelingCount; number += 1) {
      if (!isHolder(holdings.feelingHolders, holdings.words, number, THERAPY, person)) continue;
      const feeling = vocabulary.feelingAt(number);
      tally(group, 'feeling', feeling, vocabulary.feelingLabel(feeling), kase.id);
    }
  }

  return {
    therapists: [...groups.values()].map((group) => {
      const total = group.caseIds.length;
      const recurring = [...group.tallies.values()]
        .filter((t) => t.caseIds.length >= 2)
        .sort(
          (a, b) =>
            b.caseIds.length - a.caseIds.length ||
            KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
            compareCodePoints(a.key, b.key),
        )
        .map(
          (t): RecurringHolding => ({
            kind: t.kind,
            key: t.key,
            caseIds: t.caseIds,
            share: Math.round((t.caseIds.length / total) * 1000) / 1000,
            wording: { label: t.label, summary: recurringSummary(t, total) },
          }),
        );
      return { name: group.name, caseIds: group.caseIds, recurring };
    }),
  };
}

/** The caseload as analysis.md's JSON: only its fields, in its key order, without the UI's wording. */
export function caseloadToJson(caseload: CaseloadAnalysis): CaseloadJson {
  return {
    therapists: caseload.therapists.map((therapist) => ({
      name: therapist.name,
      caseIds: [...therapist.caseIds],
      recurring: therapist.recurring.map(({ kind, key, caseIds, share }) => ({ kind, key, caseIds: [...caseIds], share })),
    })),
  };
}

function tally(group: Group, kind: Tally['kind'], key: string, label: string, caseId: string): void {
  const id = `${kind}:${key}`;
  const found = group.tallies.get(id);
  if (found === undefined) group.tallies.set(id, { kind, key, label, caseIds: [caseId] });
  else found.caseIds.push(caseId);
}

function recurringSummary(tally: Tally, total: number): string {
  const what = tally.kind === 'role' ? tally.label : `Feeling ${lowerFirst(tally.label)}`;
  return `${what} in ${tally.caseIds.length} of ${total} cases: may be your own material rather than each client's.`;
}

// Keeps acronyms such as "PTSD-like" as written.
function lowerFirst(label: string): string {
  const second = label.charAt(1);
  if (second !== second.toLowerCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
