import type { Case } from '../../shared/case/schema';
import type { BridgeResult } from '../../shared/ipc/result';

/** Where the open case stands against the store, as the case header shows it. */
export type SaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; reason: string };

/** How long after the last edit the case is saved: long enough to gather a burst of typing. */
export const SAVE_DELAY_MS = 400;

type SaveCall = (kase: Case) => Promise<BridgeResult<{ case: Case }>>;

/**
 * Saves one open case to the store, trustworthily: shortly after the last
 * edit, never two saves in flight, and always ending on the latest state
 * (each round sends whatever is newest when it starts). A refused save keeps
 * the edits in memory and on screen and reports the store's reason; the next
 * edit or a retry tries again.
 *
 * It compares cases by identity: the history hands out the same object for
 * the same state, so undoing back to what was saved needs no save at all.
 */
export class CaseSaver {
  private latest: Case;
  private saved: Case;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private draining: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved' };
  /** When the store last stamped this case; kept apart from the case so undo keeps its identities. */
  savedAt: string;

  constructor(
    initial: Case,
    private readonly save: SaveCall,
    private readonly onStatus: (status: SaveStatus) => void,
  ) {
    this.latest = initial;
    this.saved = initial;
    this.savedAt = initial.updatedAt;
  }

  /** Takes the case now on screen and saves it after SAVE_DELAY_MS of quiet. */
  update(kase: Case): void {
    if (kase === this.latest) return;
    this.latest = kase;
    this.clearTimer();
    if (this.draining) return; // the running round picks up the newest state when it finishes
    if (this.latest === this.saved) {
      this.report({ state: 'saved' });
      return;
    }
    if (this.status.state !== 'failed') this.report({ state: 'pending' });
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves now whatever is not saved yet; resolves true when the store holds the latest state. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    await this.draining;
    return this.latest === this.saved;
  }

  /** True when `kase` is what the store holds (by identity, see above). */
  holds(kase: Case): boolean {
    return kase === this.saved;
  }

  /** True while something on screen is not yet in the store. */
  hasUnsavedEdits(): boolean {
    return this.latest !== this.saved || this.draining !== null;
  }

  /** Stops the timer; a save already in flight still finishes. */
  dispose(): void {
    this.clearTimer();
  }

  private async drain(): Promise<void> {
    while (this.latest !== this.saved) {
      const sending = this.latest;
      this.report({ state: 'saving' });
      const result = await this.save(sending);
      if (!result.ok) {
        this.report({ state: 'failed', reason: result.error.message });
        return;
      }
      this.saved = sending;
      this.savedAt = result.value.case.updatedAt;
    }
    this.report({ state: 'saved' });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private report(status: SaveStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}
