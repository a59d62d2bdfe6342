import type { Person } from '../case/schema';
import { compareCodePoints } from './order';

/**
 * The people of a case numbered in code-point order of their ids, the order
 * occurrences are listed in. A long holder list is put in order by these
 * numbers: a numeric sort, not a string comparison per pair.
 */
export class PersonOrder {
  private readonly ids: string[];
  private readonly ranks = new Map<string, number>();

  constructor(people: readonly Person[]) {
    this.ids = people.map((person) => person.id).sort(compareCodePoints);
    this.ids.forEach((id, rank) => this.ranks.set(id, rank));
  }

  /** The number of a person id. */
  rankOf(id: string): number {
    // A valid case names only its own people; an unknown id is numbered after
    // them rather than stopping the whole analysis.
    let rank = this.ranks.get(id);
    if (rank === undefined) {
      rank = this.ids.push(id) - 1;
      this.ranks.set(id, rank);
    }
    return rank;
  }

  /** The person id with a given number. */
  idAt(rank: number): string {
    return this.ids[rank] as string;
  }
}
