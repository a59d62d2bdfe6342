import type { Case } from '../case/schema';
import { EchoShelves } from './echo-order';
import { addHolderEchoes } from './holder-echoes';
import { indexCase } from './indexed-case';
import { addPatternEchoes } from './pattern-echoes';
import type { CaseAnalysis } from './types';

/**
 * Every echo of one case (analysis.md, "Echoes"): what recurs across its
 * systems, with its occurrences and Racker's identifications, in the
 * documented order. Pure, and linear in the size of the case: each id is
 * looked up once and turned into a number, holdings are bit sets and chains
 * indexed by those numbers, and only keys present in two or more systems
 * become echoes (docs/benchmarks.md explains the choices).
 */
export function analyzeCase(kase: Case): CaseAnalysis {
  const indexed = indexCase(kase);
  const shelves = new EchoShelves();
  addPatternEchoes(indexed, shelves);
  addHolderEchoes(indexed, shelves);
  return { caseId: kase.id, echoes: shelves.inOrder() };
}
