import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFileSchema, CaseSchema, type Case } from '../../shared/case/schema';
import { serializeCaseFile } from '../../shared/case/parse';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';
import { mapScene } from '../../shared/scene/mapScene';
import { generateCase } from '../support/generate-cases';
import { launchWorkbench, requireBuiltRenderer, type Workbench } from './harness';
import { CaseListScreen, type CaseScreen } from './pages';

type ScreenBox = [number, number, number, number];

const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples');
const EXAMPLE_TITLES = ['O., 41', 'L., 29', 'Y., 38'];

interface MapReport {
  zoom: number;
  canvas: ScreenBox;
  people: Record<string, ScreenBox>;
  labels: Record<string, ScreenBox>;
  positions: Record<string, { x: number; y: number }>;
}

/** What one map reports about itself, once its attributes have settled on the latest frame. */
async function mapReport(page: Page, system: SystemId): Promise<MapReport> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  return page.evaluate((s) => {
    const map = document.querySelector(`[data-testid="map-${s}"]`) as HTMLElement;
    const canvas = (map.querySelector('.map-canvas') as HTMLElement).getBoundingClientRect();
    return {
      zoom: Number(map.getAttribute('data-zoom')),
      canvas: [canvas.left, canvas.top, canvas.right, canvas.bottom] as ScreenBox,
      people: JSON.parse(map.getAttribute('data-node-boxes') ?? '{}'),
      labels: JSON.parse(map.getAttribute('data-label-boxes') ?? '{}'),
      positions: JSON.parse(map.getAttribute('data-node-positions') ?? '{}'),
    };
  }, system);
}

/** The people drawn (even partly) outside their map's box. */
function outside(report: MapReport): string[] {
  const [left, top, right, bottom] = report.canvas;
  return Object.entries(report.people)
    .filter(([, [x1, y1, x2, y2]]) => x1 < left - 0.5 || y1 < top - 0.5 || x2 > right + 0.5 || y2 > bottom + 0.5)
    .map(([id]) => id);
}

function overlap(a: ScreenBox, b: ScreenBox): boolean {
  return Math.min(a[2], b[2]) - Math.max(a[0], b[0]) >= 1 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) >= 1;
}

async function importCase(page: Page, kase: Case): Promise<void> {
  const result = await page.evaluate(
    ([fileName, text]) =>
      (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean }> }).__triptychTransport('cases:import', {
        fileName,
        text,
      }),
    [`${kase.id}.json`, serializeCaseFile(kase)] as const,
  );
  expect(result.ok).toBe(true);
}

/** A generated case of about `people` people in the client's world, nobody placed yet. */
function unplacedCase(seed: number, people: number, title: string): Case {
  const kase = generateCase(seed, { people, relationsPerSystem: Math.round(people * 1.2) });
  const systems = Object.fromEntries(
    SYSTEM_IDS.map((system) => [system, { ...kase.systems[system], members: kase.systems[system].members.map(({ position: _p, ...member }) => member) }]),
  );
  return CaseSchema.parse({ ...kase, id: `generated-${seed}`, title, systems });
}

async function reopen(bench: Workbench, title: string): Promise<CaseScreen> {
  await bench.page.goto(bench.page.url().split('#')[0] as string);
  const list = new CaseListScreen(bench.page);
  await bench.page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  return list.open(title);
}

describe('maps a clinician can read', () => {
  let dataDir: string;
  let bench: Workbench;

  beforeAll(async () => {
    requireBuiltRenderer();
    dataDir = mkdtempSync(join(tmpdir(), 'triptych-maps-'));
    bench = await launchWorkbench({ dataDir, viewport: { width: 1440, height: 900 } });
    await importCase(bench.page, unplacedCase(40, 46, 'Forty people (generated)'));
  });

  afterAll(async () => {
    await bench?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens every example and a 40-person case with everyone inside their map, at one shared zoom, and keeps them inside for every echo', async () => {
    for (const title of [...EXAMPLE_TITLES, 'Forty people']) {
      await reopen(bench, title);
      const zooms: number[] = [];
      for (const system of SYSTEM_IDS) {
        const report = await mapReport(bench.page, system);
        expect(outside(report), `${title}, ${system}, on open`).toEqual([]);
        if (Object.keys(report.people).length > 0) zooms.push(report.zoom);
      }
      expect(Math.max(...zooms) / Math.min(...zooms), `${title}: one zoom for the three maps`).toBeLessThanOrEqual(1.01);

      const options = bench.page.getByTestId('echo-panel').getByRole('option');
      const handle = bench.page.getByTestId('echo-drawer-handle');
      if ((await handle.isVisible()) && (await handle.getAttribute('aria-expanded')) !== 'true') await handle.click();
      const count = Math.min(await options.count(), 6);
      for (let index = 0; index < count; index += 1) {
        await options.nth(index).click();
        for (const system of SYSTEM_IDS) expect(outside(await mapReport(bench.page, system)), `${title}, ${system}, echo ${index}`).toEqual([]);
      }
    }
  });

  it('draws no two people on each other and no words on a person in the examples', async () => {
    for (const title of EXAMPLE_TITLES) {
      await reopen(bench, title);
      for (const system of SYSTEM_IDS) {
        const report = await mapReport(bench.page, system);
        const people = Object.entries(report.people);
        for (const [i, [a, boxA]] of people.entries()) {
          for (const [b, boxB] of people.slice(i + 1)) expect(overlap(boxA, boxB), `${title}, ${system}: ${a} on ${b}`).toBe(false);
          for (const [relation, label] of Object.entries(report.labels)) expect(overlap(boxA, label), `${title}, ${system}: words of ${relation} on ${a}`).toBe(false);
        }
      }
    }
  });

  it('draws the screen scene of each example as the print scene, up to one scale factor', async () => {
    const files = ['01-pressure-to-get-it-right', '02-working-harder', '03-both-waiting'];
    for (const [index, file] of files.entries()) {
      const kase = CaseFileSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, `${file}.json`), 'utf8'))).case;
      await reopen(bench, EXAMPLE_TITLES[index] as string);
      for (const system of SYSTEM_IDS) {
        const scene = mapScene(kase, system);
        const report = await mapReport(bench.page, system);
        const [first, ...rest] = scene.people;
        if (!first || rest.length === 0) continue;
        const origin = report.positions[first.personId] as { x: number; y: number };
        for (const person of rest) {
          const drawn = report.positions[person.personId] as { x: number; y: number };
          // Positions are whole pixels on screen: allow one pixel each way.
          expect(Math.abs(drawn.x - origin.x - (person.centre.x - first.centre.x) * report.zoom), `${file} ${system} ${person.name} x`).toBeLessThanOrEqual(1.5);
          expect(Math.abs(drawn.y - origin.y - (person.centre.y - first.centre.y) * report.zoom), `${file} ${system} ${person.name} y`).toBeLessThanOrEqual(1.5);
          const box = report.people[person.personId] as ScreenBox;
          // The drawn box is the scene's box at the same scale (plus the outline).
          expect(Math.abs(box[2] - box[0] - person.width * report.zoom), `${file} ${system} ${person.name} width`).toBeLessThanOrEqual(5);
        }
      }
    }
  });

  it('zooms with + and -, fits with 0, and focuses a map with F and back with Escape, by keyboard alone', async () => {
    await reopen(bench, EXAMPLE_TITLES[0] as string);
    const canvas = bench.page.getByTestId('map-canvas-client');
    await canvas.focus();
    const opening = (await mapReport(bench.page, 'client')).zoom;
    await bench.page.keyboard.press('+');
    const zoomedIn = (await mapReport(bench.page, 'client')).zoom;
    expect(zoomedIn / opening).toBeGreaterThanOrEqual(1.1);
    expect(zoomedIn / opening).toBeLessThanOrEqual(1.2);
    await bench.page.keyboard.press('-');
    await bench.page.keyboard.press('-');
    expect((await mapReport(bench.page, 'client')).zoom).toBeLessThan(opening);
    await bench.page.keyboard.press('0');
    expect((await mapReport(bench.page, 'client')).zoom).toBeCloseTo(opening, 2);

    const before = (await mapReport(bench.page, 'client')).canvas;
    await bench.page.keyboard.press('f');
    await expect.poll(async () => bench.page.getByTestId('system-panel-client').getAttribute('data-focused')).toBe('true');
    await expect.poll(async () => (await mapReport(bench.page, 'client')).canvas[2] - (await mapReport(bench.page, 'client')).canvas[0]).toBeGreaterThan((before[2] - before[0]) * 1.5);
    // The other two maps shrink to strips that still show everyone.
    for (const system of ['therapy', 'supervision'] as const) expect(outside(await mapReport(bench.page, system))).toEqual([]);
    await bench.page.keyboard.press('Escape');
    await expect.poll(async () => bench.page.getByTestId('system-panel-client').getAttribute('data-focused')).toBeNull();
  });

  it('keeps the places of people nobody dragged after one person is dragged and the case is reloaded', async () => {
    await reopen(bench, EXAMPLE_TITLES[2] as string);
    const before = await mapReport(bench.page, 'client');
    const [dragged, ...others] = Object.keys(before.positions);
    const start = before.positions[dragged as string] as { x: number; y: number };
    await bench.page.mouse.move(start.x, start.y);
    await bench.page.mouse.down();
    await bench.page.mouse.move(start.x + 30, start.y + 25, { steps: 5 });
    await bench.page.mouse.up();
    await bench.page.getByTestId('save-status').getByText('Saved').waitFor();
    const moved = await mapReport(bench.page, 'client');
    await reopen(bench, EXAMPLE_TITLES[2] as string);
    const after = await mapReport(bench.page, 'client');
    // Reopening fits the map again: compare places relative to the dragged person, in map units.
    const relative = (report: MapReport, id: string) => {
      const p = report.positions[id] as { x: number; y: number };
      const d = report.positions[dragged as string] as { x: number; y: number };
      return { x: (p.x - d.x) / report.zoom, y: (p.y - d.y) / report.zoom };
    };
    // Nobody else moved when one person was dragged (relative to someone who was not dragged either)…
    const [anchor, ...rest] = others as [string, ...string[]];
    const apart = (report: MapReport, id: string) => {
      const p = report.positions[id] as { x: number; y: number };
      const a = report.positions[anchor] as { x: number; y: number };
      return { x: (p.x - a.x) / report.zoom, y: (p.y - a.y) / report.zoom };
    };
    for (const id of rest) {
      expect(Math.abs(apart(moved, id).x - apart(before, id).x), `${id} moved with the drag`).toBeLessThanOrEqual(4);
      expect(Math.abs(apart(moved, id).y - apart(before, id).y), `${id} moved with the drag`).toBeLessThanOrEqual(4);
    }
    // …and after the reload everyone is where they were left.
    for (const id of others) {
      expect(relative(after, id).x).toBeCloseTo(relative(moved, id).x, -0.5);
      expect(relative(after, id).y).toBeCloseTo(relative(moved, id).y, -0.5);
    }
  });

  it('draws a new relation between two people placed close together with its words clear of both', async () => {
    const screen = await reopen(bench, EXAMPLE_TITLES[2] as string);
    const before = await mapReport(bench.page, 'client');
    const mother = before.people.mum as ScreenBox;
    const partner = before.people.ptn as ScreenBox;
    // Partner dragged to stand just right of Mother, a little apart.
    const target = { x: mother[2] + (partner[2] - partner[0]) / 2 + 12, y: (mother[1] + mother[3]) / 2 };
    const start = before.positions.ptn as { x: number; y: number };
    await screen.drag('client', 'ptn', { dx: target.x - start.x, dy: target.y - start.y }, { shift: false });
    await screen.waitForSaved();
    await screen.addRelation({ system: 'client', from: 'mum', to: 'ptn', fromRole: 'controller' }, { mum: 'Mother', ptn: 'Partner' });
    await expect.poll(async () => Object.keys((await mapReport(bench.page, 'client')).labels).length).toBeGreaterThan(Object.keys(before.labels).length);
    const after = await mapReport(bench.page, 'client');
    const added = Object.keys(after.labels).filter((id) => !(id in before.labels));
    expect(added).toHaveLength(1);
    const words = after.labels[added[0] as string] as ScreenBox;
    for (const person of ['mum', 'ptn']) expect(overlap(words, after.people[person] as ScreenBox), `the new words on ${person}`).toBe(false);
    expect(outside(after)).toEqual([]);
  });

  it('opens the echo drawer at 1024×768 and highlights the echo chosen there', async () => {
    await bench.page.setViewportSize({ width: 1024, height: 768 });
    try {
      await reopen(bench, EXAMPLE_TITLES[0] as string);
      const width = await bench.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(1024);
      const handle = bench.page.getByTestId('echo-drawer-handle');
      await expect.poll(async () => handle.isVisible()).toBe(true);
      // The list is remembered shown or hidden for the session: hide it, then show it with the handle.
      if ((await handle.getAttribute('aria-expanded')) === 'true') await handle.click();
      await expect.poll(async () => bench.page.getByTestId('echo-panel').isVisible()).toBe(false);
      await handle.click();
      await expect.poll(async () => bench.page.getByTestId('echo-panel').isVisible()).toBe(true);
      const options = bench.page.getByTestId('echo-panel').getByRole('option');
      await options.nth(1).click();
      await expect.poll(async () => options.nth(1).getAttribute('aria-selected')).toBe('true');
      const lit = await bench.page.getByTestId('map-client').getAttribute('data-highlighted-count');
      expect(Number(lit)).toBeGreaterThan(0);
      for (const system of SYSTEM_IDS) expect(outside(await mapReport(bench.page, system))).toEqual([]);
    } finally {
      await bench.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
