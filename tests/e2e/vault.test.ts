import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/app/openWorkspace';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { BUILT_RENDERER, launchChromium, launchWorkbench, newWorkbenchContext, openVaultThroughUi, QUICK_KDF_COST, recordPage, type Workbench } from './harness';
import { CaseListScreen } from './pages';

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../resources/examples');
const PASSPHRASE = 'quiet harbour lantern fig';
const NEW_PASSPHRASE = 'copper meadow orbit cellar';
const WRONG_PASSPHRASE_MESSAGE = 'That passphrase does not open this case store.';
const WARNING = 'If you forget your passphrase and lose your recovery key, your cases cannot be recovered — by anyone.';

async function exampleCases(): Promise<Case[]> {
  const names = (await readdir(EXAMPLES_DIR)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => parseCaseFileText(await readFile(join(EXAMPLES_DIR, name), 'utf8'), name).case));
}

/** Every title and name of the example cases: none may stay in a locked page. */
async function exampleTexts(): Promise<string[]> {
  const texts = (await exampleCases()).flatMap((kase) => [kase.title, ...kase.people.map((person) => person.name)]);
  return [...new Set(texts)].filter((text) => text.trim().length >= 3);
}

/** What the page still shows or holds of the case texts: rendered text and the markup itself. */
async function caseTextsInPage(page: Page, texts: string[]): Promise<string[]> {
  const { shown, markup } = await page.evaluate(() => ({ shown: document.body.innerText, markup: document.documentElement.outerHTML }));
  return texts.filter((text) => shown.includes(text) || markup.includes(text));
}

/** Calls a channel through the page's own bridge transport, as the app would. */
function callBridge(page: Page, channel: string, request: unknown = {}): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return page.evaluate(
    ([name, body]) =>
      (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }> }).__triptychTransport(
        name,
        body,
      ),
    [channel, request] as const,
  );
}

async function unlockThroughUi(page: Page, passphrase: string): Promise<void> {
  const unlock = page.getByTestId('unlock');
  await unlock.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('first run, lock and unlock, at the real scrypt cost', () => {
  let dataDir: string;
  let workbench: Workbench;
  let texts: string[];
  let recoveryKey = '';

  beforeAll(async () => {
    texts = await exampleTexts();
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-vault-'));
    workbench = await launchWorkbench({ dataDir, openVault: false, kdfCost: 'real' });
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sets up a passphrase on first run, with a live strength hint and the plain warning, and shows the recovery key once', async () => {
    const { page } = workbench;
    const firstRun = page.getByTestId('first-run');
    await firstRun.getByRole('heading', { name: 'Protect your cases' }).waitFor();
    expect(await firstRun.textContent()).toContain(WARNING);
    expect(await callBridge(page, 'cases:list')).toMatchObject({ ok: false, error: { code: 'locked' } });

    const passphrase = firstRun.getByLabel('Passphrase', { exact: true });
    const strength = page.getByTestId('passphrase-strength');
    await passphrase.fill('password2024');
    await expect.poll(() => strength.getAttribute('data-score')).toBe('0');
    expect(await strength.textContent()).toMatch(/first anyone would try/);
    await passphrase.fill(PASSPHRASE);
    await expect.poll(() => strength.getAttribute('data-score')).toMatch(/[34]/);

    await firstRun.getByLabel('Type it again').fill(`${PASSPHRASE}!`);
    await firstRun.getByRole('button', { name: 'Protect my cases' }).click();
    expect(await firstRun.getByRole('alert').textContent()).toMatch(/not the same/);
    await firstRun.getByLabel('Type it again').fill(PASSPHRASE);
    await firstRun.getByRole('button', { name: 'Protect my cases' }).click();

    const sheet = page.getByTestId('recovery-key-sheet');
    recoveryKey = ((await sheet.getByTestId('recovery-key').innerText()).match(/[0-9A-Z]{4}/g) ?? []).join('-');
    expect(recoveryKey).toMatch(/^(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(await sheet.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    const goOn = sheet.getByRole('button', { name: 'Continue' });
    expect(await goOn.isDisabled()).toBe(true);
    await sheet.getByLabel('I have written it down').check();
    await goOn.click();

    await new CaseListScreen(page).waitForCases(3);
    const groups = recoveryKey.split('-');
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(groups[0]);
    await page.reload();
    await new CaseListScreen(page).waitForCases(3);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(groups.slice(0, 3).join(''));

    const keystore = JSON.parse(await readFile(join(dataDir, 'keystore.json'), 'utf8')) as { passphrase: { kdf: { logN: number } } };
    expect(keystore.passphrase.kdf.logN).toBe(17);
  });

  it('Lock now takes every case text off the page, and the bridge refuses case calls until unlocked', async () => {
    const { page } = workbench;
    const caseList = new CaseListScreen(page);
    expect((await caseTextsInPage(page, texts)).length).toBeGreaterThan(0);
    await caseList.open((await exampleCases())[0]?.title ?? '');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByTestId('unlock').getByRole('heading', { name: 'Triptych is locked' }).waitFor();
    expect(await caseTextsInPage(page, texts)).toEqual([]);
    for (const channel of ['cases:list', 'store:status', 'analysis:caseload']) {
      expect(await callBridge(page, channel)).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    expect(await callBridge(page, 'cases:get', { id: (await exampleCases())[0]?.id })).toMatchObject({ ok: false, error: { code: 'locked' } });

    const started = Date.now();
    await unlockThroughUi(page, PASSPHRASE);
    await caseList.waitForCases(3);
    console.info(`vault e2e: unlock at N = 2^17 through the UI took ${Date.now() - started} ms`);
  });

  it('says clearly when the passphrase is wrong, and stays locked', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+L');
    const unlock = page.getByTestId('unlock');
    await unlock.waitFor();
    expect(await caseTextsInPage(page, texts)).toEqual([]);
    await unlockThroughUi(page, 'quiet harbour lantern fog');
    expect(await unlock.getByTestId('unlock-error').textContent()).toBe(WRONG_PASSPHRASE_MESSAGE);
    expect(await unlock.getByLabel('Passphrase', { exact: true }).inputValue()).toBe('');
    expect(await callBridge(page, 'cases:list')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await caseTextsInPage(page, texts)).toEqual([]);
  });

  it('unlocks with the recovery key and a new passphrase, which then opens the store', async () => {
    const { page } = workbench;
    const unlock = page.getByTestId('unlock');
    await unlock.getByRole('button', { name: 'Use recovery key' }).click();
    await unlock.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await unlock.getByLabel('New passphrase').fill(NEW_PASSPHRASE);
    await unlock.getByLabel('Type it again').fill(NEW_PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    await new CaseListScreen(page).waitForCases(3);

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockThroughUi(page, PASSPHRASE);
    expect(await unlock.getByTestId('unlock-error').textContent()).toBe(WRONG_PASSPHRASE_MESSAGE);
    await unlockThroughUi(page, NEW_PASSPHRASE);
    await new CaseListScreen(page).waitForCases(3);
    expect(workbench.consoleErrors).toEqual([]);
    expect(workbench.requests.filter((url) => !url.startsWith(`${workbench.origin}/`))).toEqual([]);
  });
});

describe('the security settings', () => {
  let dataDir: string;
  let workbench: Workbench;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-vault-settings-'));
    workbench = await launchWorkbench({ dataDir, openVault: false });
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the cases unencrypted only after a warning, then protects them with a passphrase', async () => {
    const { page } = workbench;
    const firstRun = page.getByTestId('first-run');
    await firstRun.getByRole('button', { name: 'Keep my cases unencrypted' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Keep your cases unencrypted?' });
    expect(await confirm.textContent()).toMatch(/anyone who can read its files/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await firstRun.getByRole('button', { name: 'Keep my cases unencrypted' }).click();
    await confirm.getByRole('button', { name: 'Keep them unencrypted' }).click();
    await new CaseListScreen(page).waitForCases(3);
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);
    expect(await page.getByText('Not encrypted').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Security' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Type it again').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Protect with passphrase' }).click();
    const sheet = page.getByTestId('recovery-key-sheet');
    await sheet.getByLabel('I have written it down').check();
    await sheet.getByRole('button', { name: 'Continue' }).click();
    await new CaseListScreen(page).waitForCases(3);
    const magic = (await readFile(join(dataDir, 'index.json'))).subarray(0, 8).toString('ascii');
    expect(magic).toBe('TRIPTYCH');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockThroughUi(page, PASSPHRASE);
    await new CaseListScreen(page).waitForCases(3);
  });

  it('changes the passphrase and the auto-lock minutes', async () => {
    const { page } = workbench;
    await page.getByRole('button', { name: 'Security' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    await dialog.getByLabel('Lock after this many minutes without use').fill('25');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Triptych now locks after 25 minutes without use.').waitFor();
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual({ autoLockMinutes: 25 });

    await dialog.getByLabel('Current passphrase').fill('not my passphrase');
    await dialog.getByLabel('New passphrase').fill(NEW_PASSPHRASE);
    await dialog.getByLabel('Type it again').fill(NEW_PASSPHRASE);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe(WRONG_PASSPHRASE_MESSAGE);
    await dialog.getByLabel('Current passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    await dialog.getByText('Passphrase changed.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.keyboard.press('Control+L');
    await unlockThroughUi(page, NEW_PASSPHRASE);
    await new CaseListScreen(page).waitForCases(3);
  });

  it('locks by itself after the idle minutes, taking the cases off the page', async () => {
    const { page } = workbench;
    // The page's clock is faked from here, so idle minutes pass at once.
    await page.clock.install();
    await page.reload();
    await new CaseListScreen(page).waitForCases(3);
    await page.clock.fastForward('24:00');
    expect(await page.getByTestId('unlock').count()).toBe(0);
    await page.clock.fastForward('02:00');
    await page.getByTestId('unlock').getByText('Triptych locked itself after 25 minutes without use.').waitFor();
    expect(await caseTextsInPage(page, await exampleTexts())).toEqual([]);
    expect(await callBridge(page, 'cases:list')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('browser mode', () => {
  let dataDir: string;
  let workspace: Awaited<ReturnType<typeof openWorkspace>>;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-vault-web-'));
    workspace = await openWorkspace({ dataDir, mode: 'browser', seedExamples: true, firstRun: 'ask', kdfCostForTests: QUICK_KDF_COST });
    server = await startWebServer({ dispatch: workspace.dispatch, rendererDir: BUILT_RENDERER });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await workspace?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the same first-run, lock and unlock screens through the local server', async () => {
    const page = await (await newWorkbenchContext(browser)).newPage();
    const record = recordPage(page);
    await page.goto(server.url);
    await page.getByTestId('first-run').waitFor();
    await openVaultThroughUi(page, PASSPHRASE);
    await new CaseListScreen(page).waitForCases(3);
    expect(await page.locator('html').getAttribute('data-bridge')).toBe('browser');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByTestId('unlock').waitFor();
    expect(await caseTextsInPage(page, await exampleTexts())).toEqual([]);
    expect(workspace.vaultState()).toBe('locked');
    await page.reload();
    await unlockThroughUi(page, PASSPHRASE);
    await new CaseListScreen(page).waitForCases(3);
    expect(record.consoleErrors).toEqual([]);
  });
});
