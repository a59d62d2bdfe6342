import type { SystemId } from '../case/systems';

/** What repeats: a role, a felt state, or a directed pattern between two roles. */
export type EchoKind = 'pattern' | 'role' | 'feeling';

/** `exact`: the same id; `sasb`: structurally the same SASB code under different role ids. */
export type EchoMatch = 'exact' | 'sasb';

/** Racker: taking the compared person's own position, or the position of their others. */
export type IdentificationKind = 'concordant' | 'complementary';

/** Who identifies with whom in one occurrence (analysis.md, "Identification"); only set fields appear. */
export interface Identification {
  therapist?: IdentificationKind;
  supervisor?: IdentificationKind;
}

/** A person holding the echoed role or feeling in one system. */
export interface HolderOccurrence {
  system: SystemId;
  person: string;
  identification?: Identification;
}

/** One relation carrying the echoed pattern. */
export interface RelationOccurrence {
  system: SystemId;
  relation: string;
  from: string;
  to: string;
  identification?: Identification;
}

/** Plain clinical words for one occurrence, in the same order as the echo's occurrences. */
export interface OccurrenceWording {
  /** The system's name on screen, e.g. "Client's world". */
  system: string;
  /** Who: "Mark", or "Manager → Mark" for a relation. */
  people: string;
  /** The role labels this occurrence rests on (none for a feeling). */
  roles: string[];
  /** Racker's identification in words, when the occurrence has one. */
  identification?: string;
}

/** Plain clinical words for one echo, computed with it so every screen says the same thing. */
export interface EchoWording {
  /** What recurs: "Anxious performer", "Critic → Anxious performer", "other.6 Blame", "Pressured". */
  label: string;
  /** The labels of the roles involved, in library order (empty for a feeling). */
  roles: string[];
  /** The names of the systems it spans, in system order. */
  systems: string[];
  occurrences: OccurrenceWording[];
  /** A tentative summary: an echo is a hypothesis for reflection, not a finding. */
  summary: string;
}

interface EchoCommon {
  /** `kind:match:key`, e.g. `pattern:exact:critic>performer`. */
  id: string;
  match: EchoMatch;
  /** A role id, a feeling id, a SASB code, or `A>B` of either. */
  key: string;
  /** The systems it occurs in, in client, therapy, supervision order. */
  systems: SystemId[];
  /** True when it occurs in all three systems: a full parallel process. */
  parallel: boolean;
  wording: EchoWording;
}

/** A role or feeling present in two or three systems. */
export interface HolderEcho extends EchoCommon {
  kind: 'role' | 'feeling';
  occurrences: HolderOccurrence[];
}

/** A directed role pattern present in two or three systems. */
export interface PatternEcho extends EchoCommon {
  kind: 'pattern';
  occurrences: RelationOccurrence[];
}

/** Something present in two or three systems of one case (analysis.md, "Echoes"). */
export type Echo = HolderEcho | PatternEcho;

/** Every echo of one case, in analysis.md's order. */
export interface CaseAnalysis {
  caseId: string;
  echoes: Echo[];
}
