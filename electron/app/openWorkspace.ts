import { CHANNELS, isVaultChannel, type CaseChannel } from '../../shared/ipc/contract';
import type { ScryptCost } from '../crypto/kdf';
import { createCaseHandlers, type CaseHandlers, type WorkspaceMode } from '../handlers/caseHandlers';
import type { HandoutPrinter } from '../handlers/presentationHandlers';
import { createVaultHandlers } from '../handlers/vaultHandlers';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import type { CaseStore } from '../store/caseStore';
import { DEFAULT_EXAMPLES_DIR, seedExamplesIfFirstOpen } from '../store/examples';
import { createIdleTimer } from './idleTimer';
import { openLockableStore, type FirstRun, type VaultState } from './lockableStore';
import { readSettings, writeSettings } from './settings';

export interface OpenWorkspaceOptions {
  dataDir: string;
  mode: WorkspaceMode;
  /** Offer the example cases on a store's first open. */
  seedExamples: boolean;
  examplesDir?: string;
  /**
   * What a folder with no case store yet becomes: 'ask' (the default) waits
   * for the clinician's choice on the first-run screen; 'unprotected' makes
   * the explicit choice up front, for tests that are not about encryption.
   */
  firstRun?: FirstRun;
  /** Lowers scrypt's cost for tests only (see VaultOptions); the app never passes it. */
  kdfCostForTests?: ScryptCost;
  /** How long one auto-lock minute lasts; only tests shorten it. */
  minuteMsForTests?: number;
  /** Where unexpected errors go; their details never cross the bridge. */
  logInternalError?: (error: unknown) => void;
  /** Prints handouts to PDF; Chromium through playwright-core when omitted (the desktop app can pass Electron's printToPDF). */
  printHandoutPdf?: HandoutPrinter;
}

/** The case store behind its lock, and the one function every transport sends requests through. */
export interface Workspace {
  dispatch: Dispatch;
  /** Where the store stands: new, unprotected, locked or unlocked. */
  vaultState(): VaultState;
  /** The open case store, for tests that arrange cases directly; throws 'locked' while there is none. */
  readonly store: CaseStore;
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

/**
 * The single entry the Electron main process, the browser-mode server and the
 * e2e harness all call. The case store opens at once when it needs no
 * passphrase, otherwise only after first-run set-up or unlock; until then
 * every case channel answers 'locked' and only the vault's channels work.
 * Examples are seeded on a store's first open if asked, and a main-process
 * backstop locks the store after the auto-lock minutes pass with no bridge call.
 */
export async function openWorkspace(options: OpenWorkspaceOptions): Promise<Workspace> {
  const log = options.logInternalError ?? console.error;
  const minuteMs = options.minuteMsForTests ?? MINUTE_MS;
  let settings = await readSettings(options.dataDir);

  const seed = async (store: CaseStore) => {
    if (!options.seedExamples) return;
    const outcome = await seedExamplesIfFirstOpen(store, options.examplesDir ?? DEFAULT_EXAMPLES_DIR);
    // A refused example is a defect in Triptych's own files, not the user's doing.
    for (const { fileName, message } of outcome.refused) log(new Error(`Example case ${fileName} was not imported:\n${message}`));
  };
  const lockable = await openLockableStore({
    dataDir: options.dataDir,
    firstRun: options.firstRun ?? 'ask',
    vault: options.kdfCostForTests === undefined ? {} : { kdfCostForTests: options.kdfCostForTests },
    onOpened: seed,
  });

  const idle = createIdleTimer(settings.autoLockMinutes * minuteMs, () => {
    if (lockable.state === 'unlocked') lockable.lock().catch(log);
  });
  const vaultHandlers = createVaultHandlers({
    store: lockable,
    autoLockMinutes: () => settings.autoLockMinutes,
    setAutoLockMinutes: async (minutes) => {
      settings = { ...settings, autoLockMinutes: minutes };
      await writeSettings(lockable.dataDir, settings);
      idle.setDelay(minutes * minuteMs);
    },
  });

  // One set of case handlers per opened store, so a lock leaves none pointing at the closed one.
  const caseHandlers = new WeakMap<CaseStore, CaseHandlers>();
  const handlersOf = (store: CaseStore) => {
    let handlers = caseHandlers.get(store);
    if (handlers === undefined) {
      handlers = createCaseHandlers(store, options.mode, options.printHandoutPdf);
      caseHandlers.set(store, handlers);
    }
    return handlers;
  };
  const caseHandler = (channel: CaseChannel) => (request: unknown) =>
    lockable.use((store) => (handlersOf(store)[channel] as (request: unknown) => Promise<unknown>)(request));
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, isVaultChannel(channel) ? vaultHandlers[channel] : caseHandler(channel)]),
  ) as Handlers;
  const dispatchRequest = createDispatch(handlers, log);

  return {
    dispatch: (channel, request) => {
      idle.touch();
      return dispatchRequest(channel, request);
    },
    vaultState: () => lockable.state,
    get store() {
      return lockable.openStore();
    },
    close: async () => {
      idle.stop();
      await lockable.close();
    },
  };
}
