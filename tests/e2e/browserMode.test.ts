import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/app/openWorkspace';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { BUILT_RENDERER, launchChromium, newWorkbenchContext, recordPage, requireBuiltRenderer } from './harness';
import { CaseListScreen } from './pages';

// Browser mode (`npm run web`): the same built renderer served by the real
// web server, so the page picks its fetch transport and carries the token.
describe('the workbench in browser mode', () => {
  let dataDir: string;
  let workspace: Awaited<ReturnType<typeof openWorkspace>>;
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltRenderer();
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-web-'));
    workspace = await openWorkspace({ dataDir, mode: 'browser', seedExamples: true , firstRun: 'unprotected' });
    server = await startWebServer({ dispatch: workspace.dispatch, rendererDir: BUILT_RENDERER });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await workspace?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the cases through the local server, hides the token from the address, and survives a reload', async () => {
    const page = await (await newWorkbenchContext(browser)).newPage();
    const record = recordPage(page);
    await page.goto(server.url);
    const caseList = new CaseListScreen(page);
    await caseList.waitForCases(3);
    expect(await page.locator('html').getAttribute('data-bridge')).toBe('browser');
    expect(page.url()).toBe(`${server.origin}/`);
    expect(page.url()).not.toContain(server.token);

    await page.reload();
    await caseList.waitForCases(3);

    expect(record.requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    expect(record.requests.some((url) => url.includes(server.token))).toBe(false);
    expect(record.consoleErrors).toEqual([]);
  });

  it('says how to get in when the page is opened without its access key', async () => {
    const page = await (await newWorkbenchContext(browser)).newPage();
    await page.goto(`${server.origin}/`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('opened without its access key');
    await expect(page.getByTestId('case-row').count()).resolves.toBe(0);
  });
});
