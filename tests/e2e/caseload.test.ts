import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughBridge, riveraCases } from './caseloadCases';
import { CaseloadView } from './echoPages';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen } from './pages';

describe('the caseload view', () => {
  let dataDir: string;
  let workbench: Workbench;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-caseload-'));
    workbench = await launchWorkbench({ dataDir });
    await new CaseListScreen(workbench.page).waitForCases(3);
    // Through the same bridge the import button uses.
    for (const kase of riveraCases()) expect(await importThroughBridge(workbench.page, kase)).toBe(true);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("shows a role recurring across two of one therapist's cases, linking to both", async () => {
    const caseload = new CaseloadView(workbench.page);
    await caseload.open();
    const rescuer = caseload.holding('Dr Rivera', 'rescuer');
    await rescuer.waitFor();
    expect(await rescuer.textContent()).toContain("Rescuer in 2 of 2 cases: may be your own material rather than each client's.");
    const links = rescuer.getByRole('button');
    expect(await links.allTextContents()).toEqual(expect.arrayContaining(['A., 29: the late arrivals', 'B., 52: the empty evenings']));
    await expect(caseload.holding('Dr Rivera', 'over-responsible').count()).resolves.toBe(1);

    await links.filter({ hasText: 'B., 52: the empty evenings' }).click();
    await workbench.page.getByRole('heading', { level: 1, name: 'B., 52: the empty evenings' }).waitFor();
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
