import type { Echo, IdentificationKind } from '../../shared/analysis/index';

/** One identification badge of an echo: who identifies, and how. */
export interface IdentificationBadge {
  who: 'therapist' | 'supervisor';
  kind: IdentificationKind;
  /** "Therapist: concordant". */
  text: string;
  /** One sentence saying what it means, for the tooltip and screen readers. */
  explanation: string;
}

const EXPLANATIONS: Record<IdentificationBadge['who'], Record<IdentificationKind, string>> = {
  therapist: {
    concordant: "The therapist may be feeling or acting from the client's own position (Racker's concordant identification).",
    complementary: "The therapist may be pulled into the position of the client's others (Racker's complementary identification).",
  },
  supervisor: {
    concordant: "The supervisor may be taking the therapist's own position in therapy (concordant identification).",
    complementary: "The supervisor may be pulled into the position of the therapist's others in therapy (complementary identification).",
  },
};

/** The distinct identifications across an echo's occurrences, therapist before supervisor, concordant first. */
export function identificationBadges(echo: Echo): IdentificationBadge[] {
  const badges: IdentificationBadge[] = [];
  for (const who of ['therapist', 'supervisor'] as const) {
    for (const kind of ['concordant', 'complementary'] as const) {
      if (!echo.occurrences.some((occurrence) => occurrence.identification?.[who] === kind)) continue;
      const title = who === 'therapist' ? 'Therapist' : 'Supervisor';
      badges.push({ who, kind, text: `${title}: ${kind}`, explanation: EXPLANATIONS[who][kind] });
    }
  }
  return badges;
}

/** The people an echo rests on: the holders of a role or feeling, both ends of a pattern's relations. */
export function peopleInEcho(echo: Echo): Set<string> {
  const people = new Set<string>();
  if (echo.kind === 'pattern') {
    for (const occurrence of echo.occurrences) {
      people.add(occurrence.from);
      people.add(occurrence.to);
    }
  } else {
    for (const occurrence of echo.occurrences) people.add(occurrence.person);
  }
  return people;
}

/**
 * A person's name as the echoes' wording gives it (each occurrence's words
 * follow its people in order), so the panel can name whom it filters by
 * without being handed the cast; the id when no echo names them.
 */
export function personNameInEchoes(echoes: readonly Echo[], personId: string): string {
  for (const echo of echoes) {
    const words = echo.wording.occurrences;
    for (const [index, occurrence] of echo.occurrences.entries()) {
      const names = words[index]?.people.split(' → ') ?? [];
      if ('person' in occurrence) {
        if (occurrence.person === personId && names[0] !== undefined) return names[0];
      } else {
        if (occurrence.from === personId && names[0] !== undefined) return names[0];
        if (occurrence.to === personId && names[1] !== undefined) return names[1];
      }
    }
  }
  return personId;
}
