import type { Relation } from '../case/schema';
import type { SystemId } from '../case/systems';
import type { EchoMatch, EchoWording, HolderEcho, HolderOccurrence, PatternEcho, RelationOccurrence } from './types';
import { describeEcho, type WordingContext } from './wording';

const NO_ROLES: readonly string[] = [];

/**
 * A role or feeling echo as `analyzeCase` returns it. The data fields are own
 * properties; `wording` is put into words on first read and then kept, so the
 * command line's JSON and bulk analyses, which never read it, do not pay for
 * the sentences of every echo. Read it where it is needed: spreading an echo
 * copies only the data fields (JSON.stringify includes it, through toJSON).
 */
export class HolderEchoRecord implements HolderEcho {
  readonly id: string;
  readonly kind: 'role' | 'feeling';
  readonly match: EchoMatch;
  readonly key: string;
  readonly systems: SystemId[];
  readonly parallel: boolean;
  readonly occurrences: HolderOccurrence[];
  /** For a code-level role echo, per occurrence the role ids with the code that person holds there, in role-picker order. */
  readonly #rolesHeld: readonly (readonly string[])[] | undefined;
  readonly #context: WordingContext;
  #wording: EchoWording | undefined;

  constructor(
    kind: 'role' | 'feeling',
    match: EchoMatch,
    key: string,
    systems: SystemId[],
    occurrences: HolderOccurrence[],
    rolesHeld: readonly (readonly string[])[] | undefined,
    context: WordingContext,
  ) {
    this.id = `${kind}:${match}:${key}`;
    this.kind = kind;
    this.match = match;
    this.key = key;
    this.systems = systems;
    this.parallel = systems.length === 3;
    this.occurrences = occurrences;
    this.#rolesHeld = rolesHeld;
    this.#context = context;
  }

  /** Plain clinical words for this echo. */
  get wording(): EchoWording {
    // What an occurrence rests on: the echoed role itself, the roles with the echoed code, or nothing for a feeling.
    const same = this.kind === 'feeling' ? NO_ROLES : [this.key];
    const rolesHeld = this.#rolesHeld;
    this.#wording ??= describeEcho(
      {
        kind: this.kind,
        match: this.match,
        key: this.key,
        systems: this.systems,
        parallel: this.parallel,
        occurrences: this.occurrences.map((occurrence, index) => ({
          system: occurrence.system,
          people: [occurrence.person],
          roles: rolesHeld === undefined ? same : (rolesHeld[index] ?? NO_ROLES),
          identification: occurrence.identification,
        })),
      },
      this.#context,
    );
    return this.#wording;
  }

  /** The echo with its wording, for JSON.stringify. */
  toJSON(): HolderEcho {
    const { id, kind, match, key, systems, parallel, occurrences, wording } = this;
    return { id, kind, match, key, systems, parallel, occurrences, wording };
  }
}

/** A pattern echo as `analyzeCase` returns it; `wording` as for HolderEchoRecord. */
export class PatternEchoRecord implements PatternEcho {
  readonly id: string;
  readonly kind = 'pattern';
  readonly match: EchoMatch;
  readonly key: string;
  readonly systems: SystemId[];
  readonly parallel: boolean;
  readonly occurrences: RelationOccurrence[];
  /** The relation of each occurrence, in the same order. */
  readonly #carriers: readonly Relation[];
  readonly #context: WordingContext;
  #wording: EchoWording | undefined;

  constructor(
    match: EchoMatch,
    key: string,
    systems: SystemId[],
    occurrences: RelationOccurrence[],
    carriers: readonly Relation[],
    context: WordingContext,
  ) {
    this.id = `pattern:${match}:${key}`;
    this.match = match;
    this.key = key;
    this.systems = systems;
    this.parallel = systems.length === 3;
    this.occurrences = occurrences;
    this.#carriers = carriers;
    this.#context = context;
  }

  /** Plain clinical words for this echo. */
  get wording(): EchoWording {
    const carriers = this.#carriers;
    this.#wording ??= describeEcho(
      {
        kind: this.kind,
        match: this.match,
        key: this.key,
        systems: this.systems,
        parallel: this.parallel,
        occurrences: this.occurrences.map((occurrence, index) => {
          const relation = carriers[index] as Relation;
          return {
            system: occurrence.system,
            people: [occurrence.from, occurrence.to],
            roles: [relation.fromRole ?? '', relation.toRole ?? ''],
            identification: occurrence.identification,
          };
        }),
      },
      this.#context,
    );
    return this.#wording;
  }

  /** The echo with its wording, for JSON.stringify. */
  toJSON(): PatternEcho {
    const { id, kind, match, key, systems, parallel, occurrences, wording } = this;
    return { id, kind, match, key, systems, parallel, occurrences, wording };
  }
}
