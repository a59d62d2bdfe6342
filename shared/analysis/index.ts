/** The analysis engine: what recurs across a case's systems, and across a therapist's caseload. */
export { analyzeCase } from './analyze-case';
export { analysisToJson, type CaseAnalysisJson, type EchoJson, type OccurrenceJson } from './analysis-json';
export {
  analyzeCaseload,
  caseloadToJson,
  CaseloadError,
  type CaseloadAnalysis,
  type CaseloadJson,
  type RecurringHolding,
  type TherapistCaseload,
} from './caseload';
export { compareCodePoints } from './order';
export type * from './types';
