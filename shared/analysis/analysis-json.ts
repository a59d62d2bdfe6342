import type { SystemId } from '../case/systems';
import type { CaseAnalysis, EchoKind, EchoMatch, Identification } from './types';

/** One occurrence as the command line prints it. */
export type OccurrenceJson =
  | { system: SystemId; person: string; identification?: Identification }
  | { system: SystemId; relation: string; from: string; to: string; identification?: Identification };

/** One echo as the command line prints it: analysis.md's fields, in its key order. */
export interface EchoJson {
  id: string;
  kind: EchoKind;
  match: EchoMatch;
  key: string;
  systems: SystemId[];
  parallel: boolean;
  occurrences: OccurrenceJson[];
}

/** The object `analyze FILE --json` prints (analysis.md, "The command line's JSON"). */
export interface CaseAnalysisJson {
  caseId: string;
  echoes: EchoJson[];
}

/** The analysis as analysis.md's JSON: only its fields, in its key order, without the UI's wording. */
export function analysisToJson(analysis: CaseAnalysis): CaseAnalysisJson {
  return {
    caseId: analysis.caseId,
    echoes: analysis.echoes.map((echo) => ({
      id: echo.id,
      kind: echo.kind,
      match: echo.match,
      key: echo.key,
      systems: [...echo.systems],
      parallel: echo.parallel,
      occurrences:
        echo.kind === 'pattern'
          ? echo.occurrences.map(({ system, relation, from, to, identification }) =>
              withIdentification({ system, relation, from, to }, identification),
            )
          : echo.occurrences.map(({ system, person, identification }) =>
              withIdentification({ system, person }, identification),
            ),
    })),
  };
}

function withIdentification<T extends object>(occurrence: T, identification: Identification | undefined): T & { identification?: Identification } {
  if (identification === undefined) return occurrence;
  const copy: Identification = {};
  // Therapist before supervisor, whatever order the fields were set in.
  if (identification.therapist !== undefined) copy.therapist = identification.therapist;
  if (identification.supervisor !== undefined) copy.supervisor = identification.supervisor;
  if (copy.therapist === undefined && copy.supervisor === undefined) return occurrence;
  return { ...occurrence, identification: copy };
}
