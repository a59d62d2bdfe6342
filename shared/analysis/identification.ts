import type { Relation } from '../case/schema';
import type { SystemId } from '../case/systems';
import type { Identification, IdentificationKind } from './types';

/** The three people whose positions Racker's identification compares. */
export interface CaseCast {
  client: string | undefined;
  therapist: string | undefined;
  supervisor: string | undefined;
}

/** Who holds a key in each system, in system order; `undefined` where nobody does. */
export type HolderPresence = readonly (readonly string[] | undefined)[];
/** The relations carrying a pattern in each system, in system order; `undefined` where none do. */
export type PatternPresence = readonly (readonly Relation[] | undefined)[];

const CLIENT_SYSTEM = 0;
const THERAPY_SYSTEM = 1;

/**
 * The identification of a person holding a role or feeling (analysis.md): the
 * therapist in therapy or supervision against the client in the client's
 * world; the supervisor in supervision against the therapist in therapy.
 */
export function holderIdentification(
  system: SystemId,
  person: string,
  presence: HolderPresence,
  cast: CaseCast,
): Identification | undefined {
  if (system !== 'client' && person === cast.therapist) {
    const kind = compareHolders(presence[CLIENT_SYSTEM], cast.client);
    if (kind !== undefined) return { therapist: kind };
  }
  if (system === 'supervision' && person === cast.supervisor) {
    const kind = compareHolders(presence[THERAPY_SYSTEM], cast.therapist);
    if (kind !== undefined) return { supervisor: kind };
  }
  return undefined;
}

function compareHolders(
  compared: readonly string[] | undefined,
  comparedPerson: string | undefined,
): IdentificationKind | undefined {
  // Absent when the compared system lacks the key; an entry exists only where someone holds it.
  if (compared === undefined) return undefined;
  return comparedPerson !== undefined && compared.includes(comparedPerson) ? 'concordant' : 'complementary';
}

/** The ends of a pattern a person stands at somewhere in one system. */
interface Ends {
  from: boolean;
  to: boolean;
}

/**
 * Identification for pattern occurrences of one echo. The compared person's
 * ends are worked out once per echo and system, so an echo with many
 * relations costs one pass over them, not one per pair.
 */
export class PatternIdentifier {
  private clientEnds: Ends | undefined;
  private therapistEnds: Ends | undefined;

  constructor(
    private readonly presence: PatternPresence,
    private readonly cast: CaseCast,
  ) {}

  /** The identification of the therapist and supervisor standing at an end of `relation` in `system`. */
  identify(system: SystemId, relation: Relation): Identification | undefined {
    const { therapist, supervisor } = this.cast;
    let identification: Identification | undefined;
    if (system !== 'client' && therapist !== undefined) {
      const end = endOf(relation, therapist);
      const compared = this.presence[CLIENT_SYSTEM];
      if (end !== undefined && compared !== undefined) {
        this.clientEnds ??= endsOf(compared, this.cast.client);
        identification = { therapist: this.clientEnds[end] ? 'concordant' : 'complementary' };
      }
    }
    if (system === 'supervision' && supervisor !== undefined) {
      const end = endOf(relation, supervisor);
      const compared = this.presence[THERAPY_SYSTEM];
      if (end !== undefined && compared !== undefined) {
        this.therapistEnds ??= endsOf(compared, therapist);
        const kind: IdentificationKind = this.therapistEnds[end] ? 'concordant' : 'complementary';
        identification = identification === undefined ? { supervisor: kind } : { ...identification, supervisor: kind };
      }
    }
    return identification;
  }
}

function endOf(relation: Relation, person: string): keyof Ends | undefined {
  if (relation.from === person) return 'from';
  if (relation.to === person) return 'to';
  return undefined;
}

// Standing at both ends in different relations counts for both, so the same
// end is always found: "concordant wins" (analysis.md).
function endsOf(relations: readonly Relation[], person: string | undefined): Ends {
  const ends: Ends = { from: false, to: false };
  if (person === undefined) return ends;
  for (const relation of relations) {
    if (relation.from === person) ends.from = true;
    if (relation.to === person) ends.to = true;
  }
  return ends;
}
