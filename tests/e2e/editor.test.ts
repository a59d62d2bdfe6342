import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorkbench, type Workbench } from './harness';
import { EchoPanelView } from './echoPages';
import { CaseListScreen, CaseScreen } from './pages';

const TITLE = 'A., 34: exam anxiety';
const NAMES: Record<string, string> = { client: 'Ana', therapist: 'Tom', supervisor: 'Sue', p1: 'Professor' };

describe('editing a case', () => {
  let dataDir: string;
  let workbench: Workbench;
  let screen: CaseScreen;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-editor-'));
    workbench = await launchWorkbench({ dataDir });
    workbench.page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Closes the page and opens the same data folder again, as a restart does. */
  async function reopen(): Promise<CaseScreen> {
    await workbench.close();
    workbench = await launchWorkbench({ dataDir });
    workbench.page.setDefaultTimeout(30_000);
    const list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    return list.open(TITLE);
  }

  it('creates a case with the wizard, with its three people in the systems they belong to', async () => {
    const list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    screen = await list.newCase({ title: TITLE, client: 'Ana', therapist: 'Tom', supervisor: 'Sue' });
    await expect.poll(() => screen.counts('client')).toEqual({ nodes: 1, edges: 0 });
    await expect.poll(() => screen.counts('therapy')).toEqual({ nodes: 2, edges: 0 });
    await expect.poll(() => screen.counts('supervision')).toEqual({ nodes: 2, edges: 0 });
  });

  it('adds a person, a relation with the form, and roles and feelings with the type-ahead', async () => {
    await screen.addPerson('Professor', 'other', ['client']);
    await expect.poll(() => screen.counts('client')).toEqual({ nodes: 2, edges: 0 });

    await screen.addRelation(
      { system: 'client', from: 'p1', to: 'client', act: 'marks her essays in red', fromRole: 'critic', toRole: 'performer' },
      NAMES,
    );
    await expect.poll(() => screen.counts('client')).toEqual({ nodes: 2, edges: 1 });
    const relation = screen.details('client').getByTestId('relation');
    expect(await relation.textContent()).toContain('Professor → Ana');
    expect(await relation.textContent()).toContain('Critic → Anxious performer');

    await screen.pickTerm('role', 'Ana', 'client', 'anxious p');
    await screen.pickTerm('feeling', 'Ana', 'client', 'anx');
    expect(await screen.terms('role', 'Ana', 'client')).toEqual(['Anxious performer']);
    expect(await screen.terms('feeling', 'Ana', 'client')).toEqual(['Anxious']);
  });

  it('shows the description and SASB code of each suggested role', async () => {
    const field = workbench.page.getByRole('combobox', { name: "Add role to Roles of Tom in Therapy" });
    await field.fill('crit');
    const option = workbench.page.getByRole('option', { name: /^Critic/ });
    expect(await option.textContent()).toContain('other.6 Blame (focus on other)');
    expect(await option.textContent()).toContain('Finds fault and points out what is wrong.');
    await field.press('Escape');
    await field.fill('');
  });

  it('draws a relation by dragging from one person to another with Shift held, then asks for the roles', async () => {
    await screen.drag('therapy', 'therapist', { personId: 'client' }, { shift: true });
    const dialog = workbench.page.getByRole('dialog', { name: 'Add relation' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('relation-from').inputValue()).toBe('therapist');
    expect(await dialog.getByTestId('relation-to').inputValue()).toBe('client');
    await screen.fillRelation(dialog, { from: 'therapist', to: 'client', act: 'checks her homework', fromRole: 'evaluator', toRole: 'performer' }, NAMES);
    await dialog.getByRole('button', { name: 'Add relation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => screen.counts('therapy')).toEqual({ nodes: 2, edges: 1 });
  });

  it('creates a relation with the keyboard alone', async () => {
    const { page } = workbench;
    await page.getByRole('button', { name: 'Add relation in Supervision' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add relation' });
    await dialog.waitFor();
    // The system is focused first; Tab to From (Sue is second), then To, then the words.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('relation-system');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pushes for a faster pace');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => screen.counts('supervision')).toEqual({ nodes: 2, edges: 1 });
    expect(await screen.details('supervision').getByTestId('relation').textContent()).toContain('Sue → Tom');
  });

  it('undoes and redoes a sequence of mixed edits, returning exactly to each earlier state', async () => {
    const { page } = workbench;
    const states = [await screen.hash()];
    const record = async () => {
      await expect.poll(() => screen.hash()).not.toBe(states.at(-1));
      states.push(await screen.hash());
    };

    await screen.rename('Professor', 'Prof. K');
    await record();
    await page.getByTestId('case-summary').fill('Struggles before every exam.');
    await page.getByTestId('case-summary').blur();
    await record();
    await screen.pickTerm('role', 'Tom', 'therapy', 'evalu');
    await record();
    await screen.details('client').getByRole('button', { name: /^Remove relation/ }).click();
    await record();
    await screen.addPerson('Mother', 'other', ['client', 'therapy']);
    await record();

    expect(await page.getByTestId('undo').textContent()).toBe('Undo Add Mother');

    // Undo by the shortcut, away from any text field, then by the button.
    await page.getByRole('heading', { level: 1 }).focus();
    for (let step = states.length - 2; step >= 0; step--) {
      if (step % 2 === 0) await page.keyboard.press('Control+z');
      else await page.getByTestId('undo').click();
      await screen.waitForHash(states[step] as string);
    }
    expect(await page.getByTestId('redo').textContent()).toBe('Redo Rename Professor');
    for (let step = 1; step < states.length; step++) {
      if (step % 2 === 0) await page.keyboard.press('Control+Shift+z');
      else await page.getByTestId('redo').click();
      await screen.waitForHash(states[step] as string);
    }
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);
  });

  it('leaves Ctrl+Z to a text field while typing in it', async () => {
    const { page } = workbench;
    const notes = page.getByTestId('notes-therapy');
    await notes.focus();
    await page.keyboard.type('Quiet');
    await expect.poll(() => page.getByTestId('undo').textContent()).toBe('Undo Edit Therapy notes');
    await page.keyboard.press('Control+z');
    // Had the case's Undo run, the notes step would be gone and "Add Mother" next in line.
    expect(await page.getByTestId('undo').textContent()).toBe('Undo Edit Therapy notes');
    await notes.blur();
  });

  it('keeps edits and moved positions after a restart on the same data folder', async () => {
    await screen.drag('client', 'client', { dx: 60, dy: 40 }, { shift: false });
    await expect.poll(() => workbench.page.getByTestId('undo').textContent()).toMatch(/^Undo Move/);
    await screen.waitForSaved();
    const saved = await screen.hash();
    screen = await reopen();
    expect(await screen.hash()).toBe(saved);
    await expect.poll(() => screen.counts('client')).toEqual({ nodes: 3, edges: 0 });
    expect(await workbench.page.getByTestId('case-summary').inputValue()).toBe('Struggles before every exam.');
  });

  it('loses nothing when the tab is closed right after an edit', async () => {
    const { page } = workbench;
    await page.getByTestId('case-summary').fill('Struggles before every exam. Sleeps badly.');
    const edited = await screen.hash();
    // No waiting for the autosave: closing starts the save at once and holds
    // the tab (the beforeunload prompt, which a clinician would answer Stay
    // to) until it is in the store; then the tab closes without asking.
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => prompts).toEqual(['beforeunload']);
    await screen.waitForSaved();
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(prompts).toEqual(['beforeunload']);

    screen = await reopen();
    expect(await screen.hash()).toBe(edited);
  });

  it('re-lays out a map and can take that back', async () => {
    const before = await screen.hash();
    await workbench.page.getByRole('button', { name: "Re-layout Client's world" }).click();
    await expect.poll(() => screen.hash()).not.toBe(before);
    expect(await workbench.page.getByTestId('undo').textContent()).toMatch(/^Undo /);
    await workbench.page.getByTestId('undo').click();
    await screen.waitForHash(before);
  });

  it('defines a custom role with a SASB code chosen by its cluster name, and offers it in the type-ahead', async () => {
    const { page } = workbench;
    const form = page.getByRole('form', { name: 'Define a role' });
    await form.getByLabel('Role name').fill('Martyr');
    const sasb = form.getByLabel('SASB code (optional)');
    expect(await sasb.locator('option', { hasText: 'other.6 Blame (focus on other)' }).count()).toBe(1);
    await sasb.selectOption('self.6');
    await form.getByRole('button', { name: 'Define role' }).click();
    expect(await page.getByRole('list', { name: 'Custom roles' }).textContent()).toContain('self.6 Sulk (focus on self)');

    const field = page.getByRole('combobox', { name: 'Add role to Roles of Tom in Therapy' });
    await field.fill('mart');
    const option = page.getByRole('option', { name: /^Martyr/ });
    expect(await option.textContent()).toContain('self.6 Sulk (focus on self)');
    await field.press('Enter');
    expect(await screen.terms('role', 'Tom', 'therapy')).toContain('Martyr');
  });

  it('removes a person only after asking, and Ctrl+Y brings back what Undo took', async () => {
    const { page } = workbench;
    const before = await screen.hash();
    await page.getByRole('button', { name: 'Remove Mother' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove Mother?' });
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await screen.hash()).toBe(before);
    await page.getByRole('button', { name: 'Remove Mother' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => screen.counts('therapy')).toEqual({ nodes: 2, edges: 1 });
    const removed = await screen.hash();
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('Control+z');
    await screen.waitForHash(before);
    await page.keyboard.press('Control+y');
    await screen.waitForHash(removed);
  });

  it('edits a relation in words, keeping its system', async () => {
    const { page } = workbench;
    await page.getByRole('button', { name: 'Edit relation Sue → Tom' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit relation' });
    expect(await dialog.getByTestId('relation-system').isDisabled()).toBe(true);
    await dialog.getByTestId('relation-act').fill('asks for a faster pace, kindly');
    await dialog.getByRole('button', { name: 'Save relation' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await screen.details('supervision').getByTestId('relation').textContent()).toContain('asks for a faster pace, kindly');
    expect(await page.getByTestId('undo').textContent()).toMatch(/^Undo /);
  });

  it('shows a map as a table and back, keeping the map as it was', async () => {
    const { page } = workbench;
    const nodes = await screen.counts('client');
    await page.getByTestId('view-table-client').click();
    expect(await page.getByTestId('view-table-client').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => screen.map('client').isVisible()).toBe(false);
    expect(await screen.details('client').isVisible()).toBe(true);
    expect(await page.locator('.system-table-view table').count()).toBeGreaterThan(0);
    await page.getByTestId('view-map-client').click();
    await expect.poll(() => screen.map('client').isVisible()).toBe(true);
    expect(await screen.counts('client')).toEqual(nodes);
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});

describe('an example case with an echo selected', () => {
  let dataDir: string;
  let workbench: Workbench;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-echo-shots-'));
    workbench = await launchWorkbench({ dataDir });
    workbench.page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('highlights the echo in the maps, in the light and the dark theme', async () => {
    const { page } = workbench;
    const list = new CaseListScreen(page);
    await list.rows().first().waitFor();
    const title = (await list.titles()).find((candidate) => candidate.length > 0) ?? '';
    const screen = await list.open(title);
    await new EchoPanelView(page).open();
    // A case opens on its strongest echo, the first listed.
    const echo = page.getByRole('listbox', { name: 'Echoes across the three systems' }).getByRole('option').first();
    await expect.poll(() => echo.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => screen.map('client').getAttribute('data-highlighted-count')).not.toBe('0');

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
  });

  it('lists only the echoes of a person clicked in a map', async () => {
    const { page } = workbench;
    const screen = new CaseScreen(page);
    const all = await page.getByRole('listbox', { name: 'Echoes across the three systems' }).getByRole('option').count();
    await screen.map('client').scrollIntoViewIfNeeded();
    await screen.nextFrames();
    const [personId, centre] = Object.entries(await screen.nodePositions('client'))[0] ?? [];
    if (!personId || !centre) throw new Error('nobody is drawn in the client map');
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => screen.map('client').getAttribute('data-selected-person')).toBe(personId);
    await page.getByTestId('echo-filter').waitFor();
    const filtered = await page.getByRole('listbox', { name: 'Echoes across the three systems' }).getByRole('option').count();
    expect(filtered).toBeLessThanOrEqual(all);
  });

  it('remembers the theme choice across a reload', async () => {
    await workbench.page.reload();
    await expect.poll(() => workbench.page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await workbench.page.getByLabel('Theme').inputValue()).toBe('dark');
    await workbench.page.getByLabel('Theme').selectOption('system');
    await expect.poll(() => workbench.page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('lists every keyboard shortcut in the help panel (F1), and Escape closes it', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const does of ['Undo the last edit', 'Redo', 'Move through the echoes', 'Clear the selection', 'draw a relation']) {
      expect(text).toContain(does);
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
