import { compareCodePoints } from './order';
import type { Echo, EchoKind, EchoMatch } from './types';

const KIND_ORDER: Record<EchoKind, number> = { pattern: 0, role: 1, feeling: 2 };
const MATCH_ORDER: Record<EchoMatch, number> = { exact: 0, sasb: 1 };
const SHELVES = 2 * 3 * 2;
/** A shelf up to this long is kept in order as echoes arrive; a longer one (a very large case) is sorted once at the end. */
const SHORT_SHELF = 32;

/**
 * Puts echoes in analysis.md's order: number of systems (3 before 2), kind
 * (pattern, role, feeling), match (exact, sasb), then key by code point. Each
 * echo goes on the shelf of its first three criteria as it is found, in key
 * order, so keys are compared only within a shelf, a handful of echoes each,
 * and nothing is sorted at the end (docs/benchmarks.md).
 */
export class EchoShelves {
  private readonly shelves: (Echo[] | undefined)[] = new Array<Echo[] | undefined>(SHELVES).fill(undefined);

  /** Adds an echo. */
  put(echo: Echo): void {
    const shelf = (3 - echo.systems.length) * 6 + KIND_ORDER[echo.kind] * 2 + MATCH_ORDER[echo.match];
    const echoes = this.shelves[shelf];
    if (echoes === undefined) {
      this.shelves[shelf] = [echo];
      return;
    }
    let at = echoes.length;
    echoes.push(echo);
    if (at >= SHORT_SHELF) return;
    while (at > 0 && compareCodePoints((echoes[at - 1] as Echo).key, echo.key) > 0) {
      echoes[at] = echoes[at - 1] as Echo;
      at -= 1;
    }
    echoes[at] = echo;
  }

  /** Every echo added, in order. */
  inOrder(): Echo[] {
    const ordered: Echo[] = [];
    for (const echoes of this.shelves) {
      if (echoes === undefined) continue;
      if (echoes.length > SHORT_SHELF) echoes.sort(byKey);
      for (const echo of echoes) ordered.push(echo);
    }
    return ordered;
  }
}

function byKey(a: Echo, b: Echo): number {
  return compareCodePoints(a.key, b.key);
}
