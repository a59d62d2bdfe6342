import type { Person } from '../case/schema';
import { compareCodePoints } from './order';

/**
 * The people of a case numbered 0, 1, 2… in code-point order of their ids, the
 * order occurrences are listed in. Sets of people are then bit sets, and
 * reading a set's bits from low to high lists its people once each and in
 * order, with no sorting per echo (docs/benchmarks.md).
 */
export class PersonOrder {
  private ids: string[];
  // A plain object without prototype rather than a Map: every person a
  // member or relation names is looked up here, and this measured faster.
  private numbers: Record<string, number> = Object.create(null);
  private unknown = false;

  constructor(people: readonly Person[]) {
    const ids: string[] = [];
    for (const person of people) ids.push(person.id);
    this.ids = sortByCodePoint(ids);
    for (let number = 0; number < this.ids.length; number += 1) this.numbers[this.ids[number] as string] = number;
  }

  /** How many people are numbered. */
  get count(): number {
    return this.ids.length;
  }

  /** The number of a person id. */
  numberOf(id: string): number {
    const number = this.numbers[id];
    return number === undefined ? this.addUnknown(id) : number;
  }

  /** The number of a person id, or -1 for an id the case does not list. */
  find(id: string | undefined): number {
    return id === undefined ? -1 : (this.numbers[id] ?? -1);
  }

  /** The person id with a given number. */
  idAt(number: number): string {
    return this.ids[number] as string;
  }

  // A valid case names only its own people. An unknown id is numbered after
  // them for now, rather than stopping the whole analysis; `renumber` puts it
  // in its place once all are known.
  private addUnknown(id: string): number {
    this.unknown = true;
    const number = this.ids.push(id) - 1;
    this.numbers[id] = number;
    return number;
  }

  /**
   * After unknown ids were met: numbers everyone in code-point order again and
   * returns each old number's new one. Undefined when nothing changed.
   */
  renumber(): Int32Array | undefined {
    if (!this.unknown) return undefined;
    this.unknown = false;
    const old = this.numbers;
    this.ids = sortByCodePoint(this.ids);
    this.numbers = Object.create(null);
    const renumbered = new Int32Array(this.ids.length);
    this.ids.forEach((id, number) => {
      this.numbers[id] = number;
      renumbered[old[id] as number] = number;
    });
    return renumbered;
  }
}

/**
 * Sorts ids in code-point order. The built-in sort compares UTF-16 code units,
 * without a call back into JavaScript per comparison, and agrees with
 * code-point order unless a surrogate meets a unit from U+E000 on, which a
 * valid id (A-Z a-z 0-9 _ -) never contains: one pass checks the result, and
 * only a list that fails is sorted again by code point.
 */
function sortByCodePoint(ids: string[]): string[] {
  ids.sort();
  for (let index = 1; index < ids.length; index += 1) {
    if (compareCodePoints(ids[index - 1] as string, ids[index] as string) > 0) return ids.sort(compareCodePoints);
  }
  return ids;
}
