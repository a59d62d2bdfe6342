import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireMenuCommand, launchWorkbench, type Workbench } from './harness';
import { CaseListScreen, type CaseScreen } from './pages';

/**
 * The desktop app's menu, chosen the way the main process does it (a command
 * on the page's menu API; see electron/main/appMenu.ts), reaching the same
 * actions as the keys.
 */
describe('the application menu', () => {
  let dataDir: string;
  let workbench: Workbench;
  let screen: CaseScreen;
  let name: string;
  let renamed: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-menu-'));
    workbench = await launchWorkbench({ dataDir });
    workbench.page.setDefaultTimeout(30_000);
    const list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    const title = (await list.titles()).find((candidate) => candidate.length > 0) ?? '';
    screen = await list.open(title);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The name field of the first person listed, whatever they are called now. */
  const firstNameField = () => workbench.page.getByTestId('person-row').first().getByRole('textbox', { name: /^Name of / });

  it('Edit > Undo takes back a case edit and Edit > Redo puts it back', async () => {
    const { page } = workbench;
    name = await firstNameField().inputValue();
    renamed = `${name} (renamed)`;
    await screen.rename(name, renamed);
    await expect.poll(() => page.getByTestId('undo').textContent()).toBe(`Undo Rename ${name}`);

    await page.getByRole('heading', { level: 1 }).focus();
    await fireMenuCommand(page, 'undo');
    await expect.poll(() => firstNameField().inputValue()).toBe(name);
    expect(await page.getByTestId('redo').textContent()).toBe(`Redo Rename ${name}`);

    await fireMenuCommand(page, 'redo');
    await expect.poll(() => firstNameField().inputValue()).toBe(renamed);
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);
  });

  it('in a text field, Edit > Undo takes back the typing there, as Ctrl+Z does, and leaves earlier case edits alone', async () => {
    const { page } = workbench;
    const notes = page.getByTestId('notes-therapy');
    const before = await notes.inputValue();
    await notes.focus();
    await page.keyboard.type('Quiet');
    await expect.poll(() => notes.inputValue()).toContain('Quiet');
    const typed = await notes.inputValue();

    await fireMenuCommand(page, 'undo');
    await expect.poll(() => notes.inputValue()).not.toBe(typed);
    // Chromium takes typing back in steps, so part or all of "Quiet" is gone, nothing before it.
    const undone = await notes.inputValue();
    expect(undone.length).toBeLessThan(typed.length);
    expect(undone.length).toBeGreaterThanOrEqual(before.length);
    expect(await firstNameField().inputValue()).toBe(renamed);
    // Had the case's Undo run, the notes step would be gone and the rename next in line.
    expect(await page.getByTestId('undo').textContent()).toBe('Undo Edit Therapy notes');

    await fireMenuCommand(page, 'redo');
    await expect.poll(() => notes.inputValue()).toBe(typed);

    // The field's own undo, by the key: the menu did the same.
    await page.keyboard.press('Control+z');
    await expect.poll(() => notes.inputValue()).toBe(undone);
    expect(await firstNameField().inputValue()).toBe(renamed);
    await notes.blur();
  });

  it('Help > Keyboard shortcuts opens the list of shortcuts', async () => {
    const { page } = workbench;
    await fireMenuCommand(page, 'show-shortcuts');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Undo the last edit');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('outside a case too, Edit > Undo and Redo take back and restore typing in a text field (the case-list search)', async () => {
    const { page } = workbench;
    // Typed only once the list has loaded and the field has the focus: on a busy
    // machine the keys could otherwise land before the list is on screen.
    const list = await screen.back();
    await list.rows().first().waitFor();
    const search = page.getByRole('searchbox', { name: 'Search cases by title or name' });
    await search.focus();
    await expect.poll(() => search.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Owen');
    await expect.poll(() => search.inputValue()).toBe('Owen');
    await fireMenuCommand(page, 'undo');
    await expect.poll(async () => (await search.inputValue()).length).toBeLessThan(4);
    expect('Owen'.startsWith(await search.inputValue())).toBe(true);
    await fireMenuCommand(page, 'redo');
    await expect.poll(() => search.inputValue()).toBe('Owen');
    await search.fill('');
  });

  it('View > Lock now locks Triptych, as the Lock button does', async () => {
    const { page } = workbench;
    await fireMenuCommand(page, 'lock');
    await page.getByTestId('unlock').getByRole('heading', { name: 'Triptych is locked' }).waitFor();
    expect(await page.getByTestId('person-row').count()).toBe(0);
    expect(workbench.consoleErrors).toEqual([]);
  });
});
