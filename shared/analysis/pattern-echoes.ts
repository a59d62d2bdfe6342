import type { Relation } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import { ALL_SASB_CODES } from '../library/sasb';
import { PatternEchoRecord } from './echo-records';
import type { EchoShelves } from './echo-order';
import { recurs } from './holdings';
import { compared, identification } from './identification';
import type { IndexedCase } from './indexed-case';
import { IntList } from './int-list';
import { CLIENT, RELATION_STRIDE, SUPERVISION, SYSTEM_COUNT, THERAPY } from './numbered-case';
import { compareCodePoints } from './order';
import { END } from './pattern-index';
import type { EchoMatch, IdentificationKind, RelationOccurrence } from './types';

const FROM = 1;
const TO = 2;
/** `CA>CB` for every pair of codes, numbered `CA * 24 + CB`: made once, not per echo. */
const CODE_PAIR_KEYS: readonly string[] = ALL_SASB_CODES.flatMap((from) => ALL_SASB_CODES.map((to) => `${from}>${to}`));
/** Up to this many relations, a group is put in id order by insertion, in place; longer ones by Array#sort. */
const SHORT_GROUP = 16;

/** The relation numbers of one echo in one system, put in id order here before they become occurrences. */
const group = new IntList();

/** The pattern echoes of a case, exact and code-level (analysis.md, "Echo kinds" 4 and 5). */
export function addPatternEchoes(indexed: IndexedCase, shelves: EchoShelves): void {
  const { patterns, numbered } = indexed;
  const { vocabulary } = numbered;

  for (let pair = 0; pair < patterns.pairCount; pair += 1) {
    const systems = patterns.pairSystems[pair] as number;
    if (!recurs(systems)) continue;
    const from = vocabulary.roleAt(patterns.pairFromRole[pair] as number).id;
    const to = vocabulary.roleAt(patterns.pairToRole[pair] as number).id;
    shelves.put(patternEcho(indexed, 'exact', `${from}>${to}`, systems, pair, false));
  }

  // Code-level: at least two different role pairs must carry the codes, or it
  // would only repeat an exact echo.
  for (let codePair = 0; codePair < patterns.codePairCount; codePair += 1) {
    const systems = patterns.codePairSystems[codePair] as number;
    if (!recurs(systems) || (patterns.codePairRolePairs[codePair] as number) < 2) continue;
    const key = CODE_PAIR_KEYS[patterns.codePairCodes[codePair] as number] as string;
    shelves.put(patternEcho(indexed, 'sasb', key, systems, patterns.firstPairOfCode[codePair] as number, true));
  }
}

/**
 * One echo from the relations of a role pair (`firstPair` alone) or of every
 * role pair with the same codes (`firstPair` and the pairs chained after it).
 */
function patternEcho(
  indexed: IndexedCase,
  match: EchoMatch,
  key: string,
  systems: number,
  firstPair: number,
  followCodeChain: boolean,
): PatternEchoRecord {
  const { patterns, numbered, cast } = indexed;
  const numbers = numbered.relationNumbers.items;
  const systemIds: SystemId[] = [];
  const occurrences: RelationOccurrence[] = [];
  const carriers: Relation[] = [];
  // Which ends of the echo's relations the client stands at in their world,
  // and the therapist in therapy, as bits (FROM, TO): "concordant wins", so
  // standing at both ends in different relations counts for both.
  let clientEnds = 0;
  let therapistEnds = 0;

  for (let systemNumber = CLIENT; systemNumber <= SUPERVISION; systemNumber += 1) {
    if ((systems & (1 << systemNumber)) === 0) continue;
    const system = SYSTEM_IDS[systemNumber] as SystemId;
    systemIds.push(system);

    group.reset(0);
    for (let pair = firstPair; pair !== END; pair = followCodeChain ? (patterns.nextPairOfCode[pair] as number) : END) {
      const first = patterns.firstRelation[pair * SYSTEM_COUNT + systemNumber] as number;
      for (let relation = first; relation !== END; relation = patterns.nextRelation[relation] as number) group.push(relation);
    }
    sortByRelationId(group, numbered.relations);

    if (systemNumber === CLIENT) clientEnds = endsOf(group, numbers, cast.client);
    if (systemNumber === THERAPY) therapistEnds = endsOf(group, numbers, cast.therapist);
    for (let index = 0; index < group.length; index += 1) {
      const number = group.items[index] as number;
      const relation = numbered.relations[number] as Relation;
      const found = identification(
        systemNumber === CLIENT ? undefined : identify(numbers, number, cast.therapist, (systems & (1 << CLIENT)) !== 0, clientEnds),
        systemNumber === SUPERVISION
          ? identify(numbers, number, cast.supervisor, (systems & (1 << THERAPY)) !== 0, therapistEnds)
          : undefined,
      );
      const { id, from, to } = relation;
      occurrences.push(found === undefined ? { system, relation: id, from, to } : { system, relation: id, from, to, identification: found });
      carriers.push(relation);
    }
  }
  return new PatternEchoRecord(match, key, systemIds, occurrences, carriers, indexed.context);
}

/** The ends (FROM, TO bits) `person` stands at among a group of relations. */
function endsOf(relations: IntList, numbers: Int32Array, person: number): number {
  let ends = 0;
  for (let index = 0; index < relations.length; index += 1) {
    const at = (relations.items[index] as number) * RELATION_STRIDE;
    if (numbers[at + 1] === person) ends |= 1 << FROM;
    if (numbers[at + 2] === person) ends |= 1 << TO;
  }
  return ends;
}

/**
 * The identification of `person` (therapist or supervisor) standing at an end
 * of a relation, against the ends the compared person stands at in the
 * compared system (analysis.md, "Identification"); none when they stand at
 * neither end or the compared system lacks the pattern.
 */
function identify(
  numbers: Int32Array,
  relation: number,
  person: number,
  patternInComparedSystem: boolean,
  comparedEnds: number,
): IdentificationKind | undefined {
  if (person < 0) return undefined;
  const at = relation * RELATION_STRIDE;
  const end = numbers[at + 1] === person ? FROM : numbers[at + 2] === person ? TO : 0;
  if (end === 0) return undefined;
  return compared(patternInComparedSystem, (comparedEnds & (1 << end)) !== 0);
}

/** Puts a group of relation numbers in code-point order of the relations' ids (analysis.md, "Occurrences"). */
function sortByRelationId(numbers: IntList, relations: readonly Relation[]): void {
  const { items, length } = numbers;
  if (length <= 1) return;
  if (length > SHORT_GROUP) {
    const sorted = Array.from(items.subarray(0, length)).sort((a, b) =>
      compareCodePoints((relations[a] as Relation).id, (relations[b] as Relation).id),
    );
    items.set(sorted);
    return;
  }
  for (let index = 1; index < length; index += 1) {
    const number = items[index] as number;
    const id = (relations[number] as Relation).id;
    let at = index - 1;
    while (at >= 0 && compareCodePoints((relations[items[at] as number] as Relation).id, id) > 0) {
      items[at + 1] = items[at] as number;
      at -= 1;
    }
    items[at + 1] = number;
  }
}
