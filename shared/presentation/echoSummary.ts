import type { Echo, IdentificationKind } from '../analysis/types';
import { SYSTEM_NAMES } from '../case/systems';

const KIND_WORDS: Record<`${Echo['kind']}:${Echo['match']}`, string> = {
  'role:exact': 'role',
  'role:sasb': 'SASB position',
  'feeling:exact': 'feeling',
  'feeling:sasb': 'feeling',
  'pattern:exact': 'pattern',
  'pattern:sasb': 'SASB pattern',
};

/** What kind of echo this is, in a clinician's words: "role", "feeling", "pattern", "SASB position", "SASB pattern". */
export function echoKindWords(echo: Echo): string {
  return KIND_WORDS[`${echo.kind}:${echo.match}`];
}

/**
 * Racker's identifications of an echo in one line, with where they occur:
 * "Therapist concordant in Therapy and Supervision; Supervisor complementary
 * in Supervision". Empty when the echo carries none.
 */
export function identificationSummary(echo: Echo): string {
  const parts: string[] = [];
  for (const who of ['therapist', 'supervisor'] as const) {
    for (const kind of ['concordant', 'complementary'] as const satisfies readonly IdentificationKind[]) {
      const systems = echo.systems.filter((system) =>
        echo.occurrences.some((occurrence) => occurrence.system === system && occurrence.identification?.[who] === kind),
      );
      if (systems.length === 0) continue;
      const where = systems.map((system) => SYSTEM_NAMES[system]);
      parts.push(`${who === 'therapist' ? 'Therapist' : 'Supervisor'} ${kind} in ${listInWords(where)}`);
    }
  }
  return parts.join('; ');
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
