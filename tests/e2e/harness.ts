import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openWorkspace } from '../../electron/app/openWorkspace';
import type { ScryptCost } from '../../electron/crypto/kdf';
import { SECURITY_HEADERS } from '../../electron/security/csp';
import type { BridgeTransport } from '../../shared/ipc/bridge';
import { MenuCommandSchema, type MenuCommand } from '../../shared/ipc/menuCommands';
import { serveFolder, type StaticServer } from './staticServer';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/presentation/printHandout';

/** Where `npx electron-vite build` puts the renderer. */
export const BUILT_RENDERER = resolve(import.meta.dirname, '../../out/renderer');

/** A window size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** The size the tests see the workbench at, and the main pictures in docs/screenshots are taken at (`npm run screenshots`). */
export const WORKBENCH_VIEWPORT: Viewport = { width: 1400, height: 900 };

/** What a page did while a test watched it. */
export interface PageRecord {
  /** Console errors and uncaught page errors, in order. */
  consoleErrors: string[];
  /** The URL of every request the page made, in order. */
  requests: string[];
}

/** A running workbench: the built renderer in headless Chromium, backed by a real store. */
export interface Workbench extends PageRecord {
  page: Page;
  /** `http://127.0.0.1:<port>`: every request the page makes should start with it. */
  origin: string;
  close(): Promise<void>;
}

/** Throws the instruction a developer needs when the renderer has not been built. */
export function requireBuiltRenderer(): void {
  if (!existsSync(resolve(BUILT_RENDERER, 'index.html'))) {
    throw new Error(`The built renderer is missing (${BUILT_RENDERER}/index.html). Run \`npx electron-vite build\` first.`);
  }
}

/** Starts Debian's Chromium (or CHROME_PATH) headless, with no traffic of its own. */
export function launchChromium(): Promise<Browser> {
  // The printer's flags: no Chromium traffic of its own, so every request a test sees comes from the page.
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A fresh browser profile at the screenshot size, in a fixed locale and time
 * zone so dates on screen (and so the screenshots) do not depend on the machine.
 */
export async function newWorkbenchContext(browser: Browser, viewport: Viewport = WORKBENCH_VIEWPORT): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, colorScheme: 'light', locale: 'en-GB', timezoneId: 'UTC' });
  // Run by tsx (npm run screenshots) rather than vitest, esbuild's keepNames wraps
  // named functions inside the functions handed to the page in __name(…), which
  // the page lacks; give it one that does nothing.
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  return context;
}

/** Starts recording every request and every console or page error of `page`. */
export function recordPage(page: Page): PageRecord {
  const record: PageRecord = { consoleErrors: [], requests: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`${error.name}: ${error.message}`));
  return record;
}

/** The passphrase the harness protects and unlocks every e2e store with. */
export const TEST_PASSPHRASE = 'harness orchard kettle violin';

/**
 * scrypt's cost for the e2e stores: low, so each setup and unlock takes
 * milliseconds. vault.test.ts runs the app's real cost once.
 */
export const QUICK_KDF_COST: ScryptCost = { logN: 10, r: 8, p: 1 };

/** How a test starts the workbench. */
export interface LaunchOptions {
  dataDir: string;
  /** The passphrase to set up a new store with, or to unlock an existing one; TEST_PASSPHRASE by default. */
  passphrase?: string;
  /** false leaves the first-run or unlock screen for the test to drive; by default the harness goes through it. */
  openVault?: boolean;
  /** The scrypt cost of new wraps: QUICK_KDF_COST by default, 'real' for the app's own. */
  kdfCost?: ScryptCost | 'real';
  /** The page's size: WORKBENCH_VIEWPORT by default. */
  viewport?: Viewport;
}

/**
 * Starts the workbench the way the e2e tests see it: the built renderer
 * (out/renderer) served from a loopback port with the app's CSP, opened in
 * Debian's Chromium, talking through the same contract-generated bridge the
 * app uses to the real handlers over a real store in `dataDir` (seeded with
 * the example cases when empty). Only Electron's transport is left out.
 *
 * The store is encrypted, as a clinician's would be: a new `dataDir` goes
 * through the first-run screen (passphrase, recovery key) and an existing one
 * through the unlock screen, both through the UI, before this returns.
 */
export async function launchWorkbench({
  dataDir,
  passphrase = TEST_PASSPHRASE,
  openVault = true,
  kdfCost = QUICK_KDF_COST,
  viewport = WORKBENCH_VIEWPORT,
}: LaunchOptions): Promise<Workbench> {
  requireBuiltRenderer();
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => failures.push(error));
    cleanups.length = 0;
    if (failures.length > 0) throw new AggregateError(failures, 'The workbench did not close cleanly');
  };

  try {
    const workspace = await openWorkspace({
      dataDir,
      mode: 'test',
      seedExamples: true,
      firstRun: 'ask',
      ...(kdfCost === 'real' ? {} : { kdfCostForTests: kdfCost }),
    });
    cleanups.push(() => workspace.close());

    const server: StaticServer = await serveFolder(BUILT_RENDERER, SECURITY_HEADERS);
    cleanups.push(() => server.close());

    const browser = await launchChromium();
    cleanups.push(() => browser.close());

    const page = await (await newWorkbenchContext(browser, viewport)).newPage();
    const record = recordPage(page);

    // Installed before the page loads, so the renderer finds it when it picks its transport.
    // Requests and replies cross as JSON text, as over Electron's IPC: Playwright
    // would otherwise copy a large case field by field, at about 70 ms for a
    // case of 150 people, which is the harness's time, not the app's.
    // ('' stands for no request at all, which JSON cannot spell.)
    const transport = async (channel: string, requestText: string): Promise<string> =>
      JSON.stringify(await workspace.dispatch(channel as Parameters<BridgeTransport>[0], requestText === '' ? undefined : (JSON.parse(requestText) as unknown)));
    await page.exposeFunction('__triptychTransportText', transport);
    await page.addInitScript(() => {
      const page = window as unknown as { __triptychTransportText: (channel: string, requestText: string) => Promise<string>; __triptychTransport: unknown };
      page.__triptychTransport = async (channel: string, request: unknown) =>
        JSON.parse(await page.__triptychTransportText(channel, request === undefined ? '' : JSON.stringify(request))) as unknown;
    });
    await installMenuStandIn(page);
    await page.goto(`${server.origin}/`);
    if (openVault) await openVaultThroughUi(page, passphrase);

    return { page, origin: server.origin, ...record, close: closeAll };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

/**
 * Goes through whichever screen the vault gate shows, as a clinician would:
 * first run (passphrase twice, then the recovery key confirmed as written
 * down) or unlock. Returns once the app is on screen.
 */
export async function openVaultThroughUi(page: Page, passphrase: string = TEST_PASSPHRASE): Promise<void> {
  const firstRun = page.getByTestId('first-run');
  const unlock = page.getByTestId('unlock');
  const opened = page.locator('.vault-controls');
  await firstRun.or(unlock).or(opened).waitFor();
  if (await firstRun.isVisible()) {
    await firstRun.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await firstRun.getByLabel('Type it again').fill(passphrase);
    await firstRun.getByRole('button', { name: 'Protect my cases' }).click();
    const sheet = page.getByTestId('recovery-key-sheet');
    await sheet.getByLabel('I have written it down').check();
    await sheet.getByRole('button', { name: 'Continue' }).click();
  } else if (await unlock.isVisible()) {
    await unlock.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
  }
  await opened.waitFor();
}

/**
 * Gives the page the preload's `triptychMenu.onMenuCommand`, backed by a test
 * hook instead of Electron's IPC, so a test can choose a menu item with
 * fireMenuCommand. Like the preload, it delivers only known commands.
 */
async function installMenuStandIn(page: Page): Promise<void> {
  await page.addInitScript((commands: readonly string[]) => {
    const listeners = new Set<(command: string) => void>();
    const page = window as unknown as { triptychMenu: unknown; __triptychFireMenuCommand: (value: unknown) => void };
    page.triptychMenu = Object.freeze({
      onMenuCommand: (listener: (command: string) => void) => {
        const own = (command: string) => listener(command);
        listeners.add(own);
        return () => {
          listeners.delete(own);
        };
      },
    });
    page.__triptychFireMenuCommand = (value: unknown) => {
      if (typeof value !== 'string' || !commands.includes(value)) return;
      for (const listener of [...listeners]) listener(value);
    };
  }, MenuCommandSchema.options);
}

/** Chooses an application-menu item, as the main process does when the clinician clicks it. */
export async function fireMenuCommand(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((value) => (window as unknown as { __triptychFireMenuCommand: (value: unknown) => void }).__triptychFireMenuCommand(value), command);
}
