import type { CaseloadAnalysis, RecurringHolding, TherapistCaseload } from '../../shared/analysis/index';

/**
 * The readable form of `caseload`: for each therapist, what they hold in the
 * therapy of two or more of their cases, worded as a question about the
 * therapist's own material rather than a statement about the clients.
 */
export function formatCaseloadReport(caseload: CaseloadAnalysis): string {
  const caseCount = caseload.therapists.reduce((sum, therapist) => sum + therapist.caseIds.length, 0);
  const lines = [
    `Triptych caseload: ${plural(caseCount, 'case')}, ${plural(caseload.therapists.length, 'therapist')}.`,
    "What each therapist holds in the therapy of two or more of their cases; hypotheses to reflect on, not findings.",
  ];
  for (const therapist of caseload.therapists) lines.push('', ...formatTherapist(therapist));
  return `${lines.join('\n')}\n`;
}

function formatTherapist(therapist: TherapistCaseload): string[] {
  const total = therapist.caseIds.length;
  const heading = `${therapist.name} (${plural(total, 'case')}: ${therapist.caseIds.join(', ')})`;
  if (total === 1) return [heading, '- Only one case: nothing can recur across it yet.'];
  if (therapist.recurring.length === 0) return [heading, `- Nothing recurs in ${therapist.name}'s own position across these ${total} cases.`];
  return [heading, ...therapist.recurring.map((holding) => formatHolding(holding, total))];
}

function formatHolding(holding: RecurringHolding, total: number): string {
  const count = holding.caseIds.length;
  const percent = Math.round((count / total) * 100);
  const what = holding.kind === 'role' ? holding.wording.label : `${holding.wording.label} (feeling)`;
  return `- ${what} in ${count} of ${total} cases (${percent}%): may be your own material rather than each client's. Cases: ${holding.caseIds.join(', ')}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
