/** A felt state a person reports or notices in a relational system. */
export interface FeelingDefinition {
  id: string;
  label: string;
}

const FEELING_IDS = [
  'pressured',
  'inadequate',
  'helpless',
  'over-responsible',
  'criticised',
  'anxious',
  'ashamed',
  'bored',
  'urgent',
  'confused',
  'self-doubting',
  'resentful',
  'depleted',
  'frustrated',
  'stuck',
  'constrained',
  'defensive',
  'guilty',
  'angry',
  'hopeless',
] as const;

function capitalise(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The built-in feeling library of analysis.md, in its order. */
export const BUILT_IN_FEELINGS: readonly FeelingDefinition[] = FEELING_IDS.map((id) => ({
  id,
  label: capitalise(id),
}));

export const BUILT_IN_FEELING_IDS: ReadonlySet<string> = new Set(FEELING_IDS);
