import { analyzeCase } from '../../shared/analysis/index';
import { serializeCaseFile } from '../../shared/case/parse';
import { CaseSchema } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { mapScene } from '../../shared/scene/mapScene';
import { generateCase } from '../support/generate-cases';
import { measure } from './measure';
import { judge, type Outcome } from './results';
import type { BenchSizes } from './sizes';

/**
 * engine.caseload: analyse every case of a caseload, one by one, against the
 * floor of merely parsing the same caseload's case files as JSON. The engine
 * should cost less than reading the data it works on.
 */
export async function benchEngineCaseload(sizes: BenchSizes): Promise<Outcome> {
  const cases = Array.from({ length: sizes.caseloadCases }, (_, index) =>
    generateCase(1_000 + index, { people: sizes.caseloadPeople, relationsPerSystem: sizes.caseloadRelationsPerSystem }),
  );
  const texts = cases.map(serializeCaseFile);
  let sink = 0;
  const timing = await measure(
    sizes.engineCaseloadPlan,
    () => {
      for (const kase of cases) sink += analyzeCase(kase).echoes.length;
    },
    () => {
      for (const text of texts) sink += (JSON.parse(text) as { version: number }).version;
    },
  );
  keep(sink);
  return judge('engine.caseload', timing, { ratioAtMost: 0.5 });
}

/** engine.large-case: one case at the format's limit of relations, analysed fast enough for every edit. */
export async function benchEngineLargeCase(sizes: BenchSizes): Promise<Outcome> {
  const kase = generateCase(7, { people: sizes.largePeople, relationsPerSystem: sizes.largeRelationsPerSystem });
  let sink = 0;
  const timing = await measure(sizes.largeCasePlan, () => {
    sink += analyzeCase(kase).echoes.length;
  });
  keep(sink);
  return judge('engine.large-case', timing, { msUnder: 20 });
}

/**
 * layout.150-people: laying out a client's world of 150 people nobody has
 * placed (fCoSE, then the checks that keep people apart), as a map does the
 * first time it shows such a case; each run lays out a fresh copy (the
 * arrangement is cached per case), the copy included in the time.
 */
export async function benchLayout(sizes: BenchSizes): Promise<Outcome> {
  const generated = generateCase(7_150, { people: sizes.layoutPeople + 16, relationsPerSystem: Math.round(sizes.layoutPeople * 1.5) });
  const systems = Object.fromEntries(
    SYSTEM_IDS.map((system) => {
      const content = generated.systems[system];
      const members = content.members.map(({ position: _placed, ...member }) => member);
      return [system, { ...content, members, relations: content.relations.slice(0, Math.max(1, Math.round(members.length * 1.5))) }];
    }),
  );
  const kase = CaseSchema.parse({ ...generated, systems });
  let sink = 0;
  const timing = await measure(sizes.layoutPlan, () => {
    sink += mapScene(structuredClone(kase), 'client').people.length;
  });
  keep(sink);
  return judge('layout.150-people', timing, { msUnder: 1_000 });
}

// Using the results keeps the JIT from discarding work whose value is never read.
function keep(value: number): void {
  if (Number.isNaN(value)) console.log(value);
}
