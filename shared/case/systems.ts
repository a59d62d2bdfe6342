/** The three relational systems of a case, in the order analysis.md uses everywhere. */
export const SYSTEM_IDS = ['client', 'therapy', 'supervision'] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

/** How each system is named on screen. */
export const SYSTEM_NAMES: Record<SystemId, string> = {
  client: "Client's world",
  therapy: 'Therapy',
  supervision: 'Supervision',
};

export const PERSON_KINDS = ['client', 'therapist', 'supervisor', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
