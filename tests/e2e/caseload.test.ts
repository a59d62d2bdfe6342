import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeCaseFile } from '../../shared/case/parse';
import { CaseSchema, type Case } from '../../shared/case/schema';
import { CaseloadView } from './echoPages';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen } from './pages';

const SCREENSHOTS_DIR = resolve(import.meta.dirname, '../../docs/screenshots');

/** A small case of Dr Rivera's in which she reassures the client as a rescuer. */
function riveraCase(id: string, title: string, client: string): Case {
  return CaseSchema.parse({
    id,
    title,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    people: [
      { id: 'c', name: client, kind: 'client' },
      { id: 't', name: 'Dr Rivera', kind: 'therapist' },
    ],
    systems: {
      client: { members: [{ person: 'c', feelings: ['anxious'] }], relations: [] },
      therapy: {
        members: [{ person: 'c' }, { person: 't', feelings: ['over-responsible'] }],
        relations: [{ id: 'r1', from: 't', to: 'c', fromRole: 'rescuer', act: 'reassures before the worry is said' }],
      },
      supervision: { members: [], relations: [] },
    },
  });
}

describe('the caseload view', () => {
  let dataDir: string;
  let workbench: Workbench;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-caseload-'));
    workbench = await launchWorkbench({ dataDir });
    await new CaseListScreen(workbench.page).waitForCases(3);
    // Through the same bridge the import button uses.
    for (const kase of [riveraCase('rivera-a', 'A., 29: the late arrivals', 'Ana'), riveraCase('rivera-b', 'B., 52: the empty evenings', 'Ben')]) {
      const result = await workbench.page.evaluate(
        ([fileName, text]) =>
          (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean }> }).__triptychTransport(
            'cases:import',
            { fileName, text },
          ),
        [`${kase.id}.json`, serializeCaseFile(kase)] as const,
      );
      expect(result.ok).toBe(true);
    }
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

    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    await workbench.page.mouse.move(1, 1);
    await workbench.page.screenshot({ path: join(SCREENSHOTS_DIR, 'caseload.png'), fullPage: true });

    await links.filter({ hasText: 'B., 52: the empty evenings' }).click();
    await workbench.page.getByRole('heading', { level: 1, name: 'B., 52: the empty evenings' }).waitFor();
  });

  it('logs no console error', () => {
    expect(workbench.consoleErrors).toEqual([]);
  });
});
