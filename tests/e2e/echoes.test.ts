import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { echoHighlights } from '../../shared/scene/highlight';
import { EchoPanelView, SystemView } from './echoPages';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen, CaseScreen } from './pages';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');

/** What the selected echo should highlight in each map and table, from the same engine the page runs. */
function expectedHighlights(kase: Case, echoId: string) {
  const echo = analyzeCase(kase).echoes.find((candidate) => candidate.id === echoId);
  if (!echo) throw new Error(`example 01 has no echo ${echoId}`);
  return echoHighlights(kase, echo, '#000000');
}

describe('echoes across the three maps', () => {
  let dataDir: string;
  let workbench: Workbench;
  let kase: Case;
  let panel: EchoPanelView;
  const systems = () => SYSTEM_IDS.map((system) => new SystemView(workbench.page, system));

  beforeAll(async () => {
    kase = parseCaseFileText(await readFile(EXAMPLE, 'utf8'), 'example-01.json').case;
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-echoes-'));
    workbench = await launchWorkbench({ dataDir });
    const caseList = new CaseListScreen(workbench.page);
    await caseList.waitForCases(3);
    await caseList.open(kase.title);
    panel = new EchoPanelView(workbench.page);
    await panel.open();
    await panel.list().waitFor();
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("lists the engine's echoes in its order, the performer echo as a full parallel process with the therapist concordant", async () => {
    expect(await panel.echoIds()).toEqual(analyzeCase(kase).echoes.map((echo) => echo.id));
    const performer = panel.option('role:exact:performer');
    await expect(performer.textContent()).resolves.toContain('Anxious performer');
    await expect(performer.getByText('Full parallel process', { exact: true }).count()).resolves.toBe(1);
    await expect(performer.getByText('Therapist: concordant').count()).resolves.toBe(1);
    for (const system of ["Client's world", 'Therapy', 'Supervision']) {
      await expect(performer.getByText(system, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(panel.root().textContent()).resolves.toContain('hypothesis to reflect on');
  });

  it('opens the case on its strongest echo, already highlighted in all three maps', async () => {
    const strongest = analyzeCase(kase).echoes[0]?.id as string;
    expect(await panel.selectedEchoId()).toBe(strongest);
    const expected = expectedHighlights(kase, strongest);
    for (const view of systems()) {
      const part = expected[view.system];
      await view.waitForHighlighted(part.personIds.size + part.relationIds.size);
    }
  });

  it('highlights a selected echo in all three maps at once and marks the right rows in each table', async () => {
    await panel.option('role:exact:performer').click();
    expect(await panel.selectedEchoId()).toBe('role:exact:performer');
    const expected = expectedHighlights(kase, 'role:exact:performer');
    for (const view of systems()) {
      const part = expected[view.system];
      await view.waitForHighlighted(part.personIds.size + part.relationIds.size);
      expect(await view.highlightedCount()).toBeGreaterThan(0);
    }
    for (const view of systems()) {
      await view.showTable();
      const part = expected[view.system];
      expect(await view.highlightedRows()).toEqual({ people: [...part.personIds].sort(), relations: [...part.relationIds].sort() });
      await view.showMap();
    }
  });

  it('moves through the echoes with the arrow keys, selects with Enter and clears with Escape', async () => {
    const ids = await panel.echoIds();
    await panel.option(ids[0] as string).click();
    expect(await panel.selectedEchoId()).toBe(ids[0]);
    await panel.list().focus();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('ArrowUp');
    await workbench.page.keyboard.press('Enter');
    expect(await panel.selectedEchoId()).toBe(ids[1]);
    const expected = expectedHighlights(kase, ids[1] as string);
    for (const view of systems()) {
      const part = expected[view.system];
      await view.waitForHighlighted(part.personIds.size + part.relationIds.size);
    }
    await workbench.page.keyboard.press('Escape');
    expect(await panel.selectedEchoId()).toBeNull();
    for (const view of systems()) await view.waitForHighlighted(0);
  });

  it('lists only the echoes a person takes part in when they are clicked in a map, until "Show all"', async () => {
    const client = new SystemView(workbench.page, 'client');
    const manager = await client.pointAt('mgr');
    await workbench.page.mouse.click(manager.x, manager.y);
    await panel.filterLine().waitFor();
    expect(await panel.filterLine().textContent()).toContain('Showing echoes involving Line manager');
    const involving = analyzeCase(kase)
      .echoes.filter((echo) =>
        echo.kind === 'pattern'
          ? echo.occurrences.some((o) => o.from === 'mgr' || o.to === 'mgr')
          : echo.occurrences.some((o) => o.person === 'mgr'),
      )
      .map((echo) => echo.id);
    expect(involving.length).toBeGreaterThan(0);
    expect(await panel.echoIds()).toEqual(involving);

    await panel.filterLine().getByRole('button', { name: 'Show all' }).click();
    expect(await panel.echoIds()).toEqual(analyzeCase(kase).echoes.map((echo) => echo.id));
  });

  it('reopens a case on the echo it was left on in this session, or on none when it was cleared', async () => {
    const caseList = new CaseListScreen(workbench.page);
    const screen = new CaseScreen(workbench.page);
    const second = analyzeCase(kase).echoes[1]?.id as string;
    await panel.option(second).click();
    expect(await panel.selectedEchoId()).toBe(second);
    await screen.back();
    await caseList.open(kase.title);
    await panel.open();
    expect(await panel.selectedEchoId()).toBe(second);
    const expected = expectedHighlights(kase, second);
    for (const view of systems()) {
      const part = expected[view.system];
      await view.waitForHighlighted(part.personIds.size + part.relationIds.size);
    }

    await panel.list().focus();
    await workbench.page.keyboard.press('Escape');
    expect(await panel.selectedEchoId()).toBeNull();
    await screen.back();
    await caseList.open(kase.title);
    await panel.open();
    expect(await panel.selectedEchoId()).toBeNull();
    for (const view of systems()) expect(await view.highlightedCount()).toBe(0);
  });

  it('patches only the map an edit changes: the others are not touched, nobody else moves, the highlight stays', async () => {
    const counters = async (name: string) =>
      Object.fromEntries(await Promise.all(systems().map(async (view) => [view.system, Number(await view.map().getAttribute(name))] as const)));
    const highlighted = Object.fromEntries(await Promise.all(systems().map(async (view) => [view.system, await view.highlightedCount()] as const)));
    const applied = await counters('data-elements-applied');
    const client = new SystemView(workbench.page, 'client');
    const at = await client.pointAt('mgr');
    // Where the others stand relative to the first of them, in map units: the view may refit, the people may not move.
    // Positions and zoom are read together, from one frame of the map's report.
    const placesOfOthers = async () => {
      const { positions, zoom } = await client.map().evaluate((map) => ({
        positions: JSON.parse(map.getAttribute('data-node-positions') ?? '{}') as Record<string, { x: number; y: number }>,
        zoom: Number(map.getAttribute('data-zoom')),
      }));
      const others = Object.entries(positions).filter(([id]) => id !== 'mgr');
      const [, first] = others[0] as [string, { x: number; y: number }];
      return others.map(([id, p]) => ({ id, x: (p.x - first.x) / zoom, y: (p.y - first.y) / zoom }));
    };
    const others = await placesOfOthers();
    await workbench.page.mouse.move(at.x, at.y);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(at.x + 30, at.y + 20, { steps: 4 });
    await workbench.page.mouse.up();
    await expect.poll(async () => (await counters('data-elements-applied')).client).toBeGreaterThan(applied.client as number);
    const after = await counters('data-elements-applied');
    expect({ therapy: after.therapy, supervision: after.supervision }).toEqual({ therapy: applied.therapy, supervision: applied.supervision });
    // Screen positions are whole pixels, so each of two rounded positions may be off by a pixel: within four map units.
    await expect
      .poll(async () => (await placesOfOthers()).every((place, index) => Math.hypot(place.x - (others[index]?.x ?? NaN), place.y - (others[index]?.y ?? NaN)) <= 4))
      .toBe(true);
    for (const view of systems()) expect(await view.highlightedCount()).toBe(highlighted[view.system]);
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
