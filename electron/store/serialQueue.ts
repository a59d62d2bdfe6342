/**
 * Runs tasks one at a time in the order they were queued, so two saves to the
 * same store never interleave their file operations.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues `task` behind every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // A failed task must not block the ones behind it; its caller sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
