/**
 * `npm run legibility [-- --json]`: how legible the three maps are, measured
 * in headless Chromium over the built renderer (out/renderer) through the e2e
 * harness, with the real store behind the bridge.
 *
 * Cases: the three examples (seeded into every new store) and generated cases
 * with about 10, 40 and 150 people in the client's world, imported through the
 * bridge. Viewports: 1440×900 and 1280×720. Each case is opened from the case
 * list like a user would, and what each map root reports (data-zoom,
 * data-node-boxes, data-label-boxes, data-name-px, data-label-px,
 * data-layout-ms) is read on open and after selecting each of the first three
 * echoes. See scripts/legibility-metrics.ts for the figures and the targets.
 *
 * A measurement, not a test: it exits 0 whatever the figures (1 only when it
 * cannot run, e.g. the renderer is not built). Progress goes to stderr; with
 * --json the script writes nothing to stdout but the JSON. npm 11 itself prints
 * its "> triptych@… legibility" banner on stdout, so to pipe the JSON use
 * `npm run -s legibility -- --json`, `npm run legibility --json` or
 * `npx tsx scripts/legibility.ts --json`.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parseCaseFileText, serializeCaseFile } from '../shared/case/parse';
import { CaseSchema, type Case } from '../shared/case/schema';
import { SYSTEM_IDS } from '../shared/case/systems';
import { BUILT_RENDERER, launchWorkbench, openVaultThroughUi, requireBuiltRenderer, type Workbench } from '../tests/e2e/harness';
import { CaseListScreen, CaseScreen } from '../tests/e2e/pages';
import { EchoPanelView } from '../tests/e2e/echoPages';
import { generateCase } from '../tests/support/generate-cases';
import { DEFAULT_EXAMPLES_DIR } from '../electron/store/examples';
import { computeRow, emptyRow, formatTable, type LegibilityRow, type MapReading } from './legibility-metrics';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
/** People wanted in the client's world of the generated cases. */
const GENERATED_SIZES = [10, 40, 150] as const;
/** How many echoes of the list are selected in turn. */
const ECHOES_SELECTED = 3;
/** Long enough for fcose on the largest case on a slow machine. */
const STEP_TIMEOUT_MS = 120_000;
/** How long the maps must stay unchanged to count as settled (a fit animates for about 300 ms). */
const SETTLED_FOR_MS = 400;
const SETTLE_POLL_MS = 50;
const SETTLE_GIVE_UP_MS = 10_000;

interface CaseToMeasure {
  /** The `case` column: the example's title, or generated-<n>. */
  name: string;
  /** The title shown in the case list and as the case's heading. */
  title: string;
}

// `npm run legibility -- --json` passes --json to the script; `npm run legibility --json` sets npm's own json
// flag instead, which also moves npm's "> triptych@… legibility" banner from stdout to stderr.
const json = process.argv.includes('--json') || process.env.npm_config_json === 'true';
const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<number> {
  try {
    requireBuiltRenderer();
  } catch {
    log(`legibility: the built renderer is missing (${BUILT_RENDERER}/index.html). Run \`npm run build\` first.`);
    return 1;
  }

  const examples = await exampleCases();
  const generated = GENERATED_SIZES.map(generatedCase);
  const cases: CaseToMeasure[] = [
    ...examples.map((kase) => ({ name: kase.title, title: kase.title })),
    ...generated.map(({ name, kase }) => ({ name, title: kase.title })),
  ];

  const root = await mkdtemp(join(tmpdir(), 'triptych-legibility-'));
  let workbench: Workbench | undefined;
  let closed = false;
  const cleanUp = async () => {
    if (closed) return;
    closed = true;
    await workbench?.close().catch((error: unknown) => log(`legibility: the workbench did not close cleanly: ${String(error)}`));
    await rm(root, { recursive: true, force: true });
  };
  const interrupted = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const rows: LegibilityRow[] = [];
  const notes = new Map<LegibilityRow, string>();
  try {
    log(`legibility: starting the workbench (store in ${root})`);
    workbench = await launchWorkbench({ dataDir: join(root, 'store'), viewport: VIEWPORTS[0] });
    const { page } = workbench;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const caseList = new CaseListScreen(page);
    await caseList.waitForCases(examples.length);
    for (const { kase } of generated) await importCase(page, kase);
    await page.reload();
    await openVaultThroughUi(page);
    await caseList.waitForCases(examples.length + generated.length);

    for (const viewport of VIEWPORTS) {
      const label = `${viewport.width}x${viewport.height}`;
      await page.setViewportSize(viewport);
      for (const entry of cases) {
        log(`legibility: ${entry.name} at ${label}`);
        try {
          rows.push(await measureCase(page, entry, label));
        } catch (error) {
          const row = emptyRow(entry.name, label);
          const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
          log(`legibility: could not measure ${entry.name} at ${label}: ${message}`);
          notes.set(row, message);
          rows.push(row);
          await backToList(page, caseList, cases.length);
        }
      }
    }
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  if (json) process.stdout.write(`${JSON.stringify({ results: rows })}\n`);
  else process.stdout.write(`${formatTable(rows, notes)}\n`);
  return 0;
}

/** The example cases the harness seeds into every new store (resources/examples), in file order. */
async function exampleCases(): Promise<Case[]> {
  const names = (await readdir(DEFAULT_EXAMPLES_DIR)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => parseCaseFileText(await readFile(join(DEFAULT_EXAMPLES_DIR, name), 'utf8'), name).case));
}

/**
 * A generated case with about `wanted` people in the client's world (where
 * generateCase puts most of the cast) and 1.5 × that many relations in each
 * system: the smallest cast whose client's world holds at least `wanted`.
 */
function generatedCase(wanted: number): { name: string; kase: Case } {
  const seed = 7000 + wanted;
  const relationsPerSystem = Math.round(wanted * 1.5);
  let kase = generateCase(seed, { people: wanted, relationsPerSystem });
  for (let people = wanted; people <= wanted * 2 + 10; people += 1) {
    kase = generateCase(seed, { people, relationsPerSystem });
    if (kase.systems.client.members.length >= wanted) break;
  }
  const name = `generated-${wanted}`;
  return { name, kase: asDrawnFresh({ ...kase, title: name }) };
}

/**
 * A generated case as a clinician would bring it: nobody placed yet (the
 * layout is what is measured, not the generator's random places), and about
 * 1.5 relations per person in each system (the generator gives every system
 * the same number, which would put dozens of relations between the two
 * people in the therapy room).
 */
function asDrawnFresh(kase: Case): Case {
  const systems = Object.fromEntries(
    SYSTEM_IDS.map((system) => {
      const content = kase.systems[system];
      const members = content.members.map(({ position: _placed, ...member }) => member);
      const relations = content.relations.slice(0, Math.max(1, Math.round(members.length * 1.5)));
      return [system, { ...content, members, relations }];
    }),
  );
  return CaseSchema.parse({ ...kase, systems });
}

/** Imports a case through the bridge, as the benchmarks do (tests/bench/rendererBenchmarks.ts). */
async function importCase(page: Page, kase: Case): Promise<void> {
  const result = await page.evaluate(
    ([fileName, text]) =>
      (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean }> }).__triptychTransport(
        'cases:import',
        { fileName, text },
      ),
    [`${kase.id}.json`, serializeCaseFile(kase)] as const,
  );
  if (!result.ok) throw new Error(`The generated case ${kase.title} could not be imported.`);
}

/** Opens one case from the list, reads the maps on open and after each of the first echoes, and goes back to the list. */
async function measureCase(page: Page, entry: CaseToMeasure, viewport: string): Promise<LegibilityRow> {
  const caseList = new CaseListScreen(page);
  const screen = await openExactly(caseList, entry.title);
  const onOpen = await settledReadings(page);

  const panel = new EchoPanelView(page);
  await panel.open();
  const echoIds = (await panel.list().count()) === 0 ? [] : (await panel.echoIds()).slice(0, ECHOES_SELECTED);
  const afterEchoes: MapReading[][] = [];
  for (const echoId of echoIds) {
    const option = panel.option(echoId);
    // A case opens on its strongest echo; clicking the selected echo would clear it, so it is only clicked when not selected.
    if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
    await page.waitForFunction((id) => document.querySelector(`[role="option"][data-echo-id="${CSS.escape(id)}"]`)?.getAttribute('aria-selected') === 'true', echoId);
    await screen.nextFrames();
    afterEchoes.push(await settledReadings(page));
  }
  // Shown for the echoes, hidden again: the next case must open as a clinician's does, with all the width for the maps.
  await panel.close();
  if (echoIds.length < ECHOES_SELECTED) log(`legibility:   ${entry.name} lists ${echoIds.length} echo(es); outside counts ${echoIds.length + 1} states`);

  await screen.back();
  await caseList.rows().first().waitFor();
  return computeRow(entry.name, viewport, onOpen, afterEchoes);
}

/** Clicks the row whose title is exactly `title` (one title can be part of another) and waits until every map is laid out. */
async function openExactly(caseList: CaseListScreen, title: string): Promise<CaseScreen> {
  const page = caseList.page;
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  const row = caseList.rows().filter({ has: page.locator('.case-title').getByText(title, { exact: true }) });
  await row.first().click();
  const screen = new CaseScreen(page);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.waitForFunction(
    (systems) => systems.every((system) => document.querySelector(`[data-testid="map-${system}"]`)?.getAttribute('data-laid-out') === 'true'),
    [...SYSTEM_IDS],
  );
  await screen.nextFrames();
  return screen;
}

/** Back to a usable case list after a failure: the list if it is there, otherwise a reload (and unlock). */
async function backToList(page: Page, caseList: CaseListScreen, count: number): Promise<void> {
  try {
    const back = page.getByRole('button', { name: 'All cases' });
    if (await back.isVisible()) await back.click();
    await caseList.waitForCases(count);
  } catch {
    await page.reload();
    await openVaultThroughUi(page);
    await caseList.waitForCases(count);
  }
}

interface RawReading {
  system: string;
  attributes: Record<string, string | null>;
  canvas: [number, number, number, number] | null;
}

/** What the three map roots report now, as the page has it. */
function readRaw(page: Page): Promise<RawReading[]> {
  return page.evaluate((systems) => {
    const names = ['data-node-count', 'data-highlighted-count', 'data-zoom', 'data-node-boxes', 'data-label-boxes', 'data-name-px', 'data-label-px', 'data-layout-ms', 'data-node-positions'];
    return systems.map((system) => {
      const root = document.querySelector(`[data-testid="map-${system}"]`);
      const attributes = Object.fromEntries(names.map((name) => [name, root?.getAttribute(name) ?? null]));
      const rect = root?.querySelector('.map-canvas')?.getBoundingClientRect();
      return { system, attributes, canvas: rect ? ([rect.left, rect.top, rect.right, rect.bottom] as [number, number, number, number]) : null };
    });
  }, [...SYSTEM_IDS]);
}

/**
 * Polls the maps until nothing they report (boxes, zoom, highlight count,
 * positions, canvas rect) has changed for SETTLED_FOR_MS (a fit animates for
 * about 300 ms), then returns the readings. Gives up waiting after
 * SETTLE_GIVE_UP_MS and reads what is there.
 */
async function settledReadings(page: Page): Promise<MapReading[]> {
  const started = Date.now();
  let raw = await readRaw(page);
  let key = JSON.stringify(raw);
  let since = Date.now();
  while (Date.now() - since < SETTLED_FOR_MS) {
    if (Date.now() - started > SETTLE_GIVE_UP_MS) {
      log('legibility:   the maps kept changing; reading them as they are');
      break;
    }
    await new Promise((done) => setTimeout(done, SETTLE_POLL_MS));
    raw = await readRaw(page);
    const next = JSON.stringify(raw);
    if (next !== key) {
      key = next;
      since = Date.now();
    }
  }
  return raw.map(toReading);
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  log(`legibility:   ${message}`);
}

function toReading({ system, attributes, canvas }: RawReading): MapReading {
  const number = (name: string): number | null => {
    const text = attributes[name];
    if (text === null || text === undefined || text.trim() === '') {
      warnOnce(`map-${system} has no ${name} (null)`);
      return null;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) warnOnce(`map-${system} ${name}="${text}" is not a number (null)`);
    return Number.isFinite(value) ? value : null;
  };
  const boxes = (name: string): Record<string, [number, number, number, number]> | null => {
    const text = attributes[name];
    if (text === null || text === undefined) {
      warnOnce(`map-${system} has no ${name} (null)`);
      return null;
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      const result: Record<string, [number, number, number, number]> = {};
      for (const [id, box] of Object.entries(parsed)) {
        if (!Array.isArray(box) || box.length !== 4 || !box.every((value) => typeof value === 'number' && Number.isFinite(value))) throw new Error(`bad box for ${id}`);
        result[id] = box as [number, number, number, number];
      }
      return result;
    } catch (error) {
      warnOnce(`map-${system} ${name} is not {id: [x1, y1, x2, y2]} (${error instanceof Error ? error.message : String(error)}; null)`);
      return null;
    }
  };
  const nodeCount = attributes['data-node-count'];
  return {
    system,
    nodeCount: nodeCount === null || nodeCount === undefined || !Number.isFinite(Number(nodeCount)) ? null : Number(nodeCount),
    zoom: number('data-zoom'),
    nodeBoxes: boxes('data-node-boxes'),
    labelBoxes: boxes('data-label-boxes'),
    namePx: number('data-name-px'),
    labelPx: number('data-label-px'),
    layoutMs: number('data-layout-ms'),
    canvas,
  };
}

// Only run when invoked directly (tsx scripts/legibility.ts), not when imported.
if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`legibility: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
