import type { CaseAnalysis } from '../../shared/analysis/index';
import { forgetOnLock } from '../vault/forgetOnLock';

// The echo each case was left on in this session (null: the clinician cleared
// it). Kept in memory only: the echo ids carry role names, which are case
// data, so nothing of this is written to disk, and locking forgets it.
const leftOn = new Map<string, string | null>();
forgetOnLock(() => leftOn.clear());

/**
 * The echo a case opens on: the one it was left on earlier in this session,
 * or else its strongest echo (the engine lists the strongest first), so that
 * a case, an example above all, opens showing what Triptych is for. A case
 * the clinician left with nothing selected opens with nothing selected.
 */
export function echoToOpenOn(caseId: string, analysis: CaseAnalysis): string | null {
  const remembered = leftOn.get(caseId);
  if (remembered === undefined) return analysis.echoes[0]?.id ?? null;
  if (remembered === null) return null;
  return analysis.echoes.some((echo) => echo.id === remembered) ? remembered : (analysis.echoes[0]?.id ?? null);
}

/** Notes the echo the clinician chose (or cleared, null) for the next time the case opens in this session. */
export function rememberEchoOf(caseId: string, echoId: string | null): void {
  leftOn.set(caseId, echoId);
}
