/**
 * A list of 32-bit integers that keeps its storage from one analysis to the
 * next. The engine's working tables live in a few of these, owned by the
 * module that fills them: allocating fresh typed arrays for every case cost
 * more than a small case's whole analysis saves (docs/benchmarks.md). The
 * analysis is synchronous and calls no outside code, so no two analyses ever
 * share one at the same time; nothing returned to the caller points into one.
 */
export class IntList {
  items = new Int32Array(256);
  length = 0;

  /** Empties the list and makes room for `capacity` items without growing. */
  reset(capacity: number): void {
    this.length = 0;
    if (this.items.length < capacity) this.items = new Int32Array(Math.max(capacity, this.items.length * 2));
  }

  /** Empties the list and gives it `size` items set to `value`. */
  fill(size: number, value: number): Int32Array {
    this.reset(size);
    this.items.fill(value, 0, size);
    this.length = size;
    return this.items;
  }

  /** Adds one item at the end. */
  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length] = value;
    this.length += 1;
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
