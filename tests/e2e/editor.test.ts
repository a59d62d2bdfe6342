import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorkbench, type Workbench } from './harness';
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
    workbench.page.setDefaultTimeout(5000);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Closes the page and opens the same data folder again, as a restart does. */
  async function reopen(): Promise<CaseScreen> {
    await workbench.close();
    workbench = await launchWorkbench({ dataDir });
    workbench.page.setDefaultTimeout(5000);
    const list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    return list.open(TITLE);
  }

  it('creates a case with the wizard, with its three people in the systems they belong to', async () => {
    const list = new CaseListScreen(workbench.page);
    await list.rows().first().waitFor();
    screen = await list.newCase({ title: TITLE, client: 'Ana', therapist: 'Tom', supervisor: 'Sue' });
    expect(await screen.counts('client')).toEqual({ nodes: 1, edges: 0 });
    expect(await screen.counts('therapy')).toEqual({ nodes: 2, edges: 0 });
    expect(await screen.counts('supervision')).toEqual({ nodes: 2, edges: 0 });
  });

  it('adds a person, a relation with the form, and roles and feelings with the type-ahead', async () => {
    await screen.addPerson('Professor', 'other', ['client']);
    expect(await screen.counts('client')).toEqual({ nodes: 2, edges: 0 });

    await screen.addRelation(
      { system: 'client', from: 'p1', to: 'client', act: 'marks her essays in red', fromRole: 'critic', toRole: 'performer' },
      NAMES,
    );
    expect(await screen.counts('client')).toEqual({ nodes: 2, edges: 1 });
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
    expect(await screen.counts('therapy')).toEqual({ nodes: 2, edges: 1 });
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
    expect(await screen.counts('supervision')).toEqual({ nodes: 2, edges: 1 });
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
    expect(await screen.counts('client')).toEqual({ nodes: 3, edges: 0 });
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

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
