import type { Case } from '../case/schema';
import { holdingsOf, type Holdings } from './holdings';
import { castOf, type CastNumbers } from './identification';
import { numberCase, type NumberedCase } from './numbered-case';
import { patternIndexOf, type PatternIndex } from './pattern-index';
import { WordingContext } from './wording';

/** Everything the echo search reads about one case, indexed by number. Valid until the next analysis starts. */
export interface IndexedCase {
  numbered: NumberedCase;
  holdings: Holdings;
  patterns: PatternIndex;
  cast: CastNumbers;
  /** Names and labels for the echoes' wording, which is put into words only when read. */
  context: WordingContext;
}

/** Numbers and indexes one case: one pass over its members and relations, then passes over integers only. */
export function indexCase(kase: Case): IndexedCase {
  const numbered = numberCase(kase);
  return {
    numbered,
    holdings: holdingsOf(numbered),
    patterns: patternIndexOf(numbered),
    cast: castOf(kase, numbered.people),
    context: new WordingContext(numbered.vocabulary, kase.people),
  };
}
