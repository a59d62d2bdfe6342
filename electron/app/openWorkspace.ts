import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { createCaseHandlers, type WorkspaceMode } from '../handlers/caseHandlers';
import { openCaseStore, type CaseStore } from '../store/caseStore';
import type { DocumentCodec } from '../store/codec';
import { DEFAULT_EXAMPLES_DIR, seedExamplesIfFirstOpen } from '../store/examples';

export interface OpenWorkspaceOptions {
  dataDir: string;
  mode: WorkspaceMode;
  /** Offer the example cases on a store's first open. */
  seedExamples: boolean;
  examplesDir?: string;
  codec?: DocumentCodec;
  /** Where unexpected errors go; their details never cross the bridge. */
  logInternalError?: (error: unknown) => void;
}

/** An open case store and the one function every transport sends requests through. */
export interface Workspace {
  store: CaseStore;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * The single entry the Electron main process, the browser-mode server and the
 * e2e harness all call: open the store (taking its lock), seed the examples
 * on first open if asked, and bind the contract's channels to the store.
 */
export async function openWorkspace(options: OpenWorkspaceOptions): Promise<Workspace> {
  const log = options.logInternalError ?? console.error;
  const store = await openCaseStore({ dataDir: options.dataDir, codec: options.codec });
  try {
    if (options.seedExamples) {
      const outcome = await seedExamplesIfFirstOpen(store, options.examplesDir ?? DEFAULT_EXAMPLES_DIR);
      // A refused example is a defect in Triptych's own files, not the user's doing.
      for (const { fileName, message } of outcome.refused) log(new Error(`Example case ${fileName} was not imported:\n${message}`));
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store, dispatch: createDispatch(createCaseHandlers(store, options.mode), log), close: () => store.close() };
}
