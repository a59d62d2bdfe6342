import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseFileText } from '../../shared/case/parse';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen } from './pages';

describe('the case list', () => {
  let dataDir: string;
  let workbench: Workbench;
  let list: CaseListScreen;
  let exampleCount: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-caselist-'));
    workbench = await launchWorkbench({ dataDir });
    list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    exampleCount = await list.rows().count();
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a case without a supervisor and lists it first, as the most recently changed', async () => {
    const screen = await list.newCase({ title: 'J., 19: first year away', client: 'Jonas', therapist: 'Mira' });
    await expect.poll(() => screen.counts('supervision')).toEqual({ nodes: 0, edges: 0 });
    await screen.back();
    await list.waitForCases(exampleCount + 1);
    expect((await list.titles())[0]).toBe('J., 19: first year away');
  });

  it('finds cases by title and by the name of a person in them', async () => {
    await list.search('first year');
    await list.waitForCases(1);
    await list.search('jonas');
    await list.waitForCases(1);
    expect(await list.titles()).toEqual(['J., 19: first year away']);
    await list.search('nobody by this name');
    await list.waitForCases(0);
    expect(await workbench.page.getByText('No case matches').count()).toBe(1);
    await list.search('');
    await list.waitForCases(exampleCount + 1);
  });

  it('refuses a wizard without a client name and says why', async () => {
    const { page } = workbench;
    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await dialog.getByLabel('Title').fill('Nameless');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe("The client's name cannot be empty.");
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await list.waitForCases(exampleCount + 1);
  });

  it('duplicates a case', async () => {
    await list.rowAction('Duplicate', 'J., 19: first year away');
    await list.waitForCases(exampleCount + 2);
    expect(await list.titles()).toContain('J., 19: first year away (copy)');
  });

  it('deletes into the trash with Undo, and restores from the trash', async () => {
    const { page } = workbench;
    await list.rowAction('Delete', 'J., 19: first year away (copy)');
    await list.waitForCases(exampleCount + 1);
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await list.waitForCases(exampleCount + 2);

    await list.rowAction('Delete', 'J., 19: first year away (copy)');
    await list.waitForCases(exampleCount + 1);
    const trash = await list.showTrash();
    await trash.getByRole('button', { name: 'Restore J., 19: first year away (copy)' }).click();
    await list.waitForCases(exampleCount + 2);
    expect(await trash.getByText('The trash is empty.').count()).toBe(1);
  });

  it('empties the trash only after asking', async () => {
    const { page } = workbench;
    await list.rowAction('Delete', 'J., 19: first year away (copy)');
    await list.waitForCases(exampleCount + 1);
    const trash = await list.showTrash();
    await trash.getByRole('button', { name: 'Empty trash' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Empty the trash?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await trash.getByTestId('trash-row').count()).toBe(1);
    await trash.getByRole('button', { name: 'Empty trash' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await trash.getByText('The trash is empty.').waitFor();
  });

  it('shows the case-format error of an invalid file, naming the path, and changes nothing', async () => {
    const { page } = workbench;
    const titles = await list.titles();
    const broken = {
      format: 'triptych-case',
      version: 1,
      case: { id: 'broken', title: 'Broken', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', people: [], systems: {} },
    };
    await list.importFile({ name: 'broken.json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByRole('alertdialog', { name: 'This file could not be imported' });
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('broken.json: not a valid case file');
    expect(message).toMatch(/at case\.people/);
    await alert.getByRole('button', { name: 'OK' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await list.titles()).toEqual(titles);
  });

  it('exports a case and imports it back as an equal case', async () => {
    const download = await list.exportCase('J., 19: first year away');
    const exportedPath = await download.path();
    const exportedText = await readFile(exportedPath, 'utf8');
    const exported = parseCaseFileText(exportedText, download.suggestedFilename()).case;
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    await list.importFile({ name: download.suggestedFilename(), buffer: Buffer.from(exportedText) });
    await list.waitForCases(exampleCount + 2);
    await workbench.page.getByTestId('toast').getByText('Imported').waitFor();
    const imported = workbench.page.locator(`[data-testid="case-row"]:not([data-case-id="${exported.id}"])`, {
      hasText: 'J., 19: first year away',
    });
    const importedId = (await imported.getAttribute('data-case-id')) ?? '';
    expect(importedId).not.toBe(exported.id);

    const again = await list.exportCase('J., 19: first year away');
    // The same title twice: the first Export button belongs to whichever row is listed first.
    const texts = [exportedText, await readFile(await again.path(), 'utf8')];
    const cases = texts.map((text) => parseCaseFileText(text, 'case.json').case);
    const [first, second] = cases.map(({ id: _id, createdAt: _created, updatedAt: _updated, ...rest }) => rest);
    expect(second).toEqual(first);
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
