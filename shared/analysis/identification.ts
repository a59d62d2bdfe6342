import type { Case } from '../case/schema';
import type { Identification, IdentificationKind } from './types';
import type { PersonOrder } from './person-order';

/** The numbers (PersonOrder) of the three people Racker's identification compares; -1 for one the case lacks. */
export interface CastNumbers {
  client: number;
  therapist: number;
  supervisor: number;
}

/** The first person of each kind of the cast, numbered. */
export function castOf(kase: Case, people: PersonOrder): CastNumbers {
  let client: string | undefined;
  let therapist: string | undefined;
  let supervisor: string | undefined;
  for (const { id, kind } of kase.people) {
    if (kind === 'client') client ??= id;
    else if (kind === 'therapist') therapist ??= id;
    else if (kind === 'supervisor') supervisor ??= id;
  }
  return { client: people.find(client), therapist: people.find(therapist), supervisor: people.find(supervisor) };
}

/**
 * analysis.md, "Identification": `concordant` when the compared person holds
 * the key in the compared system, `complementary` when only others do there,
 * and none when the compared system lacks the key.
 */
export function compared(keyInComparedSystem: boolean, comparedPersonHoldsIt: boolean): IdentificationKind | undefined {
  if (!keyInComparedSystem) return undefined;
  return comparedPersonHoldsIt ? 'concordant' : 'complementary';
}

/** An occurrence's identification; undefined when neither person identifies, so the field is left out. */
export function identification(
  therapist: IdentificationKind | undefined,
  supervisor: IdentificationKind | undefined,
): Identification | undefined {
  if (therapist === undefined) return supervisor === undefined ? undefined : { supervisor };
  return supervisor === undefined ? { therapist } : { therapist, supervisor };
}
