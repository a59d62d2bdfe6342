import { analyzeCaseload } from '../../shared/analysis/index';
import type { CaseChannel, ResponseOf } from '../../shared/ipc/contract';
import type { Handlers } from '../ipc/handlers';
import type { CaseStore } from '../store/caseStore';
import { createPresentationHandlers, printWithChromium, type HandoutPrinter } from './presentationHandlers';

/** How the Node side is being run: the Electron app, the browser-mode server, or a test harness. */
export type WorkspaceMode = ResponseOf<'store:status'>['mode'];

/** The handlers of every channel that needs an open case store (the vault's are in vaultHandlers.ts). */
export type CaseHandlers = Pick<Handlers, CaseChannel>;

/**
 * Binds every case channel of the IPC contract to the case store. Requests arrive
 * already parsed by the dispatch wrapper, and whatever is returned is parsed
 * again against the contract there, so these stay one line each. Handouts
 * are printed with `printPdf` (Chromium through playwright-core unless the
 * caller passes another printer).
 */
export function createCaseHandlers(store: CaseStore, mode: WorkspaceMode, printPdf: HandoutPrinter = printWithChromium): CaseHandlers {
  return {
    ...createPresentationHandlers(store, { printPdf }),
    'store:status': async () => ({ dataDir: store.dataDir, mode, quarantined: store.quarantined() }),
    'cases:list': async () => ({ cases: await store.list() }),
    'cases:get': async ({ id }) => ({ case: await store.get(id) }),
    'cases:create': async (request) => ({ case: await store.create(request.case) }),
    'cases:save': async (request) => ({ case: await store.save(request.case) }),
    'cases:duplicate': async ({ id }) => ({ case: await store.duplicate(id) }),
    'cases:trash': async ({ id }) => {
      await store.trash(id);
      return {};
    },
    'cases:list-trash': async () => ({ cases: await store.listTrash() }),
    'cases:restore': async ({ id }) => ({ case: await store.restore(id) }),
    'cases:empty-trash': async () => ({ removed: await store.emptyTrash() }),
    'cases:import': async ({ text, fileName }) => ({ case: await store.importCaseFile(text, fileName) }),
    'cases:export': async ({ id }) => store.exportCaseFile(id),
    'analysis:caseload': async () => caseloadView(store),
  };
}

/** Every live case through the caseload analysis, in the case list's order, with the titles the view links by. */
async function caseloadView(store: CaseStore): Promise<ResponseOf<'analysis:caseload'>> {
  const cases = await Promise.all((await store.list()).map((summary) => store.get(summary.id)));
  const { therapists } = analyzeCaseload(cases);
  return {
    therapists: therapists.map(({ name, caseIds, recurring }) => ({
      name,
      caseIds,
      recurring: recurring.map(({ kind, key, caseIds: holdingCaseIds, share, wording }) => ({
        kind,
        key,
        label: wording.label,
        caseIds: holdingCaseIds,
        share,
        summary: wording.summary,
      })),
    })),
    caseTitles: Object.fromEntries(cases.map((kase) => [kase.id, kase.title])),
  };
}
