import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen, CaseScreen } from './pages';

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../resources/examples');

async function exampleCases(): Promise<Case[]> {
  const names = (await readdir(EXAMPLES_DIR)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => parseCaseFileText(await readFile(join(EXAMPLES_DIR, name), 'utf8'), name).case),
  );
}

describe('the workbench on first start', () => {
  let dataDir: string;
  let workbench: Workbench;
  let examples: Case[];
  let caseList: CaseListScreen;

  beforeAll(async () => {
    examples = await exampleCases();
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-'));
    workbench = await launchWorkbench({ dataDir });
    caseList = new CaseListScreen(workbench.page);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('talks to the store through the test harness bridge', async () => {
    expect(await workbench.page.locator('html').getAttribute('data-bridge')).toBe('test-harness');
  });

  it('lists the three example cases, the most recently changed first', async () => {
    expect(examples).toHaveLength(3);
    await caseList.waitForCases(examples.length);
    const expected = [...examples].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((kase) => kase.title);
    expect(await caseList.titles()).toEqual(expected);
  });

  it('draws three maps for each example, with every member and every relation', async () => {
    for (const kase of examples) {
      const screen = await caseList.open(kase.title);
      for (const system of SYSTEM_IDS) {
        expect(await screen.counts(system), `${kase.title}: ${system}`).toEqual({
          nodes: kase.systems[system].members.length,
          edges: kase.systems[system].relations.length,
        });
      }
      await screen.back();
      await caseList.waitForCases(examples.length);
    }
  });

  it('opens a case from the keyboard and shows the maps under their system names', async () => {
    const first = examples[0];
    if (!first) throw new Error('no example cases');
    await caseList.rows().filter({ hasText: first.title }).focus();
    await workbench.page.keyboard.press('Enter');
    const screen = new CaseScreen(workbench.page);
    await screen.waitForMaps(first.title);
    for (const name of ["Client's world", 'Therapy', 'Supervision']) {
      await expect(workbench.page.getByRole('heading', { level: 2, name, exact: true }).count()).resolves.toBe(1);
    }
    await screen.back();
    await caseList.waitForCases(examples.length);
    // Back on the list, the keyboard is where the clinician left it: on the case just closed.
    await expect(workbench.page.evaluate(() => document.activeElement?.getAttribute('data-case-id'))).resolves.toBe(first.id);
  });

  it('makes no request outside its own origin', () => {
    expect(workbench.requests.length).toBeGreaterThan(0);
    const outside = workbench.requests.filter((url) => !url.startsWith(`${workbench.origin}/`));
    expect(outside).toEqual([]);
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});

describe('the workbench over a store with a damaged case file', () => {
  let dataDir: string;
  let workbench: Workbench | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-damaged-'));
  });

  afterAll(async () => {
    await workbench?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the readable cases and says calmly that the damaged file was set aside', async () => {
    const [damaged, ...intact] = await exampleCases();
    if (!damaged) throw new Error('no example cases');
    await (await launchWorkbench({ dataDir })).close();
    const caseFile = await storedCaseFile(dataDir, damaged.id);
    await writeFile(caseFile, '{ "format": "triptych-case", "version": 1, "case": { "id"');

    workbench = await launchWorkbench({ dataDir });
    const caseList = new CaseListScreen(workbench.page);
    await caseList.waitForCases(intact.length);
    expect((await caseList.titles()).sort()).toEqual(intact.map((kase) => kase.title).sort());
    const notice = workbench.page.getByTestId('store-notice');
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe('One file could not be read and was set aside');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(workbench.consoleErrors).toEqual([]);
  });
});

/** The one file the store keeps a case in, found by name so the test does not fix the store's folder layout. */
async function storedCaseFile(dataDir: string, caseId: string): Promise<string> {
  const files = (await readdir(dataDir, { recursive: true }))
    .filter((file) => basename(file, '.json') === caseId && !file.split(sep).includes('backups'))
    .map((file) => join(dataDir, file));
  if (files.length !== 1) throw new Error(`expected one stored file for case "${caseId}", found: ${files.join(', ') || 'none'}`);
  return files[0] as string;
}
