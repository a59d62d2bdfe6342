import type { Case } from '../../shared/case/schema';
import type { CaseAnalysis, Echo, Identification } from '../../shared/analysis/index';

const KIND_WORDS: Record<`${Echo['kind']}:${Echo['match']}`, string> = {
  'role:exact': 'role',
  'role:sasb': 'same SASB position',
  'feeling:exact': 'feeling',
  'feeling:sasb': 'feeling',
  'pattern:exact': 'pattern',
  'pattern:sasb': 'same SASB pattern',
};

const HOLDER_WORDS: Record<Echo['kind'], string> = {
  role: 'Held by',
  feeling: 'Felt by',
  pattern: 'Between',
};

/**
 * The readable form of `analyze`: a header naming the case, then one line per
 * echo a clinician can paste into notes. Every line is worded as a hypothesis,
 * because an echo is something to reflect on, not a finding.
 */
export function formatAnalysisReport(kase: Case, analysis: CaseAnalysis): string {
  const lines = [`Triptych analysis: ${kase.title}`, `Case id: ${kase.id}`];
  if (analysis.echoes.length === 0) {
    lines.push('No echoes found: as mapped, nothing recurs in more than one of the three systems.');
    return `${lines.join('\n')}\n`;
  }
  const count = analysis.echoes.length === 1 ? '1 possible echo' : `${analysis.echoes.length} possible echoes`;
  lines.push(`${count} across the client's world, the therapy and the supervision; hypotheses to reflect on, not findings.`, '');
  lines.push(...analysis.echoes.map(formatEchoLine));
  if (analysis.echoes.some((echo) => echo.occurrences.some((o) => o.identification !== undefined))) {
    lines.push(
      '',
      "concordant: taking the compared person's own position (the client's, or the therapist's in therapy);",
      "complementary: taking the position of that person's others (Racker).",
    );
  }
  return `${lines.join('\n')}\n`;
}

function formatEchoLine(echo: Echo): string {
  const { wording } = echo;
  const reach = echo.parallel ? ': all three systems, possibly a full parallel process' : '';
  const where = wording.occurrences.map((occurrence, index) => {
    const tags = [occurrence.system, ...identificationTags(echo.occurrences[index]?.identification)];
    // A code-level echo names which concrete roles it groups together.
    const roles = echo.match === 'sasb' && occurrence.roles.length > 0 ? ` as ${occurrence.roles.join(' → ')}` : '';
    return `${occurrence.people}${roles} (${tags.join('; ')})`;
  });
  const holders = `${HOLDER_WORDS[echo.kind]} ${where.join(', ')}`;
  return `- ${wording.label} (${KIND_WORDS[`${echo.kind}:${echo.match}`]}) may echo across ${listInWords(wording.systems)}${reach}. ${holders}. Worth reflecting on.`;
}

function identificationTags(identification: Identification | undefined): string[] {
  if (identification === undefined) return [];
  return (['therapist', 'supervisor'] as const).flatMap((who) => {
    const kind = identification[who];
    return kind === undefined ? [] : [`${who}: ${kind}`];
  });
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
