import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { analyzeCase, type CaseAnalysis } from '../../shared/analysis/index';
import type { Case } from '../../shared/case/schema';
import { assignEchoColours, echoColourOfSlot, type EchoColourSlots } from './echoColours';
import { echoHighlights } from '../../shared/scene/highlight';
import { NO_HIGHLIGHTS, type MapHighlights } from './echoHighlights';
import { echoToOpenOn, rememberEchoOf } from './echoOnOpen';

/** The echoes of the open case and which one the clinician is looking at. */
export interface CaseEchoes {
  analysis: CaseAnalysis;
  selectedEchoId: string | null;
  selectEcho: (echoId: string | null) => void;
  /** What each map highlights for the selected echo. */
  highlights: MapHighlights;
  /** The colour an echo is highlighted in, the same in the list, the legend and the maps. */
  colourOf: (echoId: string) => string;
}

/**
 * Analyses the case on every edit (memoised on the case object, which every
 * edit replaces) and keeps the selection while the selected echo still
 * exists; an edit that removes it clears the selection. The case opens on the
 * echo it was left on in this session, or else its strongest (echoToOpenOn).
 * Each echo keeps its colour for as long as it exists.
 */
export function useEchoes(kase: Case): CaseEchoes {
  const analysis = useMemo(() => analyzeCase(kase), [kase]);
  const [chosen, setChosen] = useState<string | null>(() => echoToOpenOn(kase.id, analysis));

  const slotsRef = useRef<EchoColourSlots>(new Map());
  const slots = useMemo(() => assignEchoColours(slotsRef.current, analysis.echoes.map((echo) => echo.id)), [analysis]);
  useEffect(() => {
    slotsRef.current = slots;
  }, [slots]);

  const caseId = kase.id;
  const selected = chosen !== null && analysis.echoes.some((echo) => echo.id === chosen) ? chosen : null;
  useEffect(() => {
    if (chosen === null || selected !== null) return;
    // An edit took the selected echo away: the case is now on none, and reopens so.
    setChosen(null);
    rememberEchoOf(caseId, null);
  }, [chosen, selected, caseId]);
  const selectEcho = useCallback(
    (echoId: string | null) => {
      rememberEchoOf(caseId, echoId);
      setChosen(echoId);
    },
    [caseId],
  );

  const colourOf = useCallback((echoId: string) => echoColourOfSlot(slots.get(echoId) ?? 0), [slots]);

  const highlights = useMemo((): MapHighlights => {
    const echo = analysis.echoes.find((candidate) => candidate.id === selected);
    return echo === undefined ? NO_HIGHLIGHTS : echoHighlights(kase, echo, colourOf(echo.id));
  }, [analysis, selected, kase, colourOf]);

  return { analysis, selectedEchoId: selected, selectEcho, highlights, colourOf };
}
