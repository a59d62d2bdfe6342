import type { Page } from 'playwright-core';
import { serializeCaseFile } from '../../shared/case/parse';
import { CaseSchema, type Case } from '../../shared/case/schema';

/** A small case of Dr Rivera's in which she reassures the client as a rescuer. */
export function riveraCase(id: string, title: string, client: string): Case {
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

/** Two of Dr Rivera's cases in which she is the rescuer: a role recurring across her caseload. */
export function riveraCases(): Case[] {
  return [riveraCase('rivera-a', 'A., 29: the late arrivals', 'Ana'), riveraCase('rivera-b', 'B., 52: the empty evenings', 'Ben')];
}

/** Imports a case into the workbench's store through the same bridge the import button uses; true when the store took it. */
export async function importThroughBridge(page: Page, kase: Case): Promise<boolean> {
  const result = await page.evaluate(
    ([fileName, text]) =>
      (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean }> }).__triptychTransport(
        'cases:import',
        { fileName, text },
      ),
    [`${kase.id}.json`, serializeCaseFile(kase)] as const,
  );
  return result.ok;
}
