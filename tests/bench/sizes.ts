import type { RunPlan } from './measure';

/** The sizes and repetitions of one run of the suite. */
export interface BenchSizes {
  caseloadCases: number;
  caseloadPeople: number;
  caseloadRelationsPerSystem: number;
  largePeople: number;
  largeRelationsPerSystem: number;
  storeCases: number;
  engineCaseloadPlan: RunPlan;
  largeCasePlan: RunPlan;
  storeSavePlan: RunPlan;
  storeOpenPlan: RunPlan;
  /** People in the client's world of the case whose map is laid out from nobody placed (layout.150-people). */
  layoutPeople: number;
  layoutPlan: RunPlan;
  /** Whether to run the renderer rows in headless Chromium (they need `npx electron-vite build` first). */
  renderer: boolean;
}

/** The sizes the targets are stated for (issue 3, item 6). */
export const FULL_SIZES: BenchSizes = {
  caseloadCases: 1_000,
  caseloadPeople: 30,
  caseloadRelationsPerSystem: 40,
  largePeople: 300,
  largeRelationsPerSystem: 2_000,
  storeCases: 1_000,
  engineCaseloadPlan: { warmup: 3, runs: 15 },
  largeCasePlan: { warmup: 10, runs: 41 },
  storeSavePlan: { warmup: 5, runs: 41 },
  storeOpenPlan: { warmup: 3, runs: 21 },
  layoutPeople: 150,
  layoutPlan: { warmup: 1, runs: 7 },
  renderer: true,
};

/** Tiny sizes that exercise every benchmark in seconds, for tests; the figures mean nothing. */
export const QUICK_SIZES: BenchSizes = {
  caseloadCases: 10,
  caseloadPeople: 8,
  caseloadRelationsPerSystem: 5,
  largePeople: 20,
  largeRelationsPerSystem: 50,
  storeCases: 5,
  engineCaseloadPlan: { warmup: 1, runs: 3 },
  largeCasePlan: { warmup: 1, runs: 3 },
  storeSavePlan: { warmup: 1, runs: 3 },
  storeOpenPlan: { warmup: 1, runs: 3 },
  // Starting Chromium and the built renderer would dominate a quick run's seconds.
  layoutPeople: 12,
  layoutPlan: { warmup: 0, runs: 1 },
  renderer: false,
};
