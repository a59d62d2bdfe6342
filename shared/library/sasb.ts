/**
 * Benjamin's Structural Analysis of Social Behavior (SASB), one-word cluster
 * model. The code is what lets two differently named roles count as
 * structurally the same position (analysis.md, "Role library").
 */
export const SASB_SURFACES = ['other', 'self', 'introject'] as const;
export type SasbSurface = (typeof SASB_SURFACES)[number];

/** A SASB cluster code such as `other.6` or `introject.5`. */
export type SasbCode = `${SasbSurface}.${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

export const SASB_CODE_PATTERN = /^(other|self|introject)\.[1-8]$/;

const CLUSTER_NAMES: Record<SasbSurface, readonly string[]> = {
  other: ['Emancipate', 'Affirm', 'Love', 'Protect', 'Control', 'Blame', 'Attack', 'Ignore'],
  self: ['Separate', 'Disclose', 'Love', 'Trust', 'Submit', 'Sulk', 'Recoil', 'Wall-off'],
  introject: [
    'Self-emancipate',
    'Self-affirm',
    'Self-love',
    'Self-protect',
    'Self-control',
    'Self-blame',
    'Self-attack',
    'Self-neglect',
  ],
};

const SURFACE_NAMES: Record<SasbSurface, string> = {
  other: 'focus on other',
  self: 'focus on self',
  introject: 'treatment of self',
};

/** True when `value` is a well-formed SASB cluster code. */
export function isSasbCode(value: string): value is SasbCode {
  return SASB_CODE_PATTERN.test(value);
}

/** The one-word cluster name of a code, e.g. `other.6` → "Blame". */
export function sasbClusterName(code: SasbCode): string {
  const [surface, cluster] = code.split('.') as [SasbSurface, string];
  return CLUSTER_NAMES[surface][Number(cluster) - 1] ?? code;
}

/** A label a clinician can read, e.g. `other.6` → "other.6 Blame (focus on other)". */
export function sasbLabel(code: SasbCode): string {
  const surface = code.split('.')[0] as SasbSurface;
  return `${code} ${sasbClusterName(code)} (${SURFACE_NAMES[surface]})`;
}

/** Every code, in surface then cluster order: the choices of a SASB picker. */
export const ALL_SASB_CODES: readonly SasbCode[] = SASB_SURFACES.flatMap((surface) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${surface}.${n}` as SasbCode),
);
