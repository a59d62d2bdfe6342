import type { SasbCode } from './sasb';

/** Karpman drama-triangle positions, shown as a hint beside a role. */
export type KarpmanRole = 'rescuer' | 'persecutor' | 'victim';

/** A role a person can hold or be pulled into in a relational system. */
export interface RoleDefinition {
  id: string;
  label: string;
  sasb?: SasbCode;
  karpman?: KarpmanRole;
  /** One sentence a clinician sees in the role picker. */
  description: string;
}

/** The built-in role library of analysis.md, in its order. */
export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { id: 'autonomy-giver', label: 'Autonomy-giver', sasb: 'other.1', description: 'Lets the other go their own way and trusts them to decide.' },
  { id: 'affirmer', label: 'Affirmer', sasb: 'other.2', description: 'Listens with warmth and accepts the other as they are.' },
  { id: 'nurturer', label: 'Nurturer', sasb: 'other.3', description: 'Offers closeness, care and tenderness.' },
  { id: 'rescuer', label: 'Rescuer', sasb: 'other.4', karpman: 'rescuer', description: 'Steps in to protect, fix or reassure, often before being asked.' },
  { id: 'controller', label: 'Controller', sasb: 'other.5', karpman: 'persecutor', description: 'Takes charge and tells the other what to do.' },
  { id: 'evaluator', label: 'Evaluator', sasb: 'other.5', description: 'Checks, grades or judges whether the other is doing it right.' },
  { id: 'authority', label: 'Authority figure', sasb: 'other.5', description: 'Holds the power to set the rules and the standard.' },
  { id: 'critic', label: 'Critic', sasb: 'other.6', karpman: 'persecutor', description: 'Finds fault and points out what is wrong.' },
  { id: 'devaluer', label: 'Devaluer', sasb: 'other.6', karpman: 'persecutor', description: 'Belittles the other or questions their worth or competence.' },
  { id: 'attacker', label: 'Attacker', sasb: 'other.7', karpman: 'persecutor', description: 'Hurts, threatens or punishes.' },
  { id: 'neglecter', label: 'Unavailable other', sasb: 'other.8', description: 'Is absent, distracted or emotionally out of reach.' },
  { id: 'defier', label: 'Defier', sasb: 'self.1', description: 'Asserts separateness and goes their own way.' },
  { id: 'discloser', label: 'Discloser', sasb: 'self.2', description: 'Opens up and says what they think and feel.' },
  { id: 'idealiser', label: 'Idealiser', sasb: 'self.3', description: 'Looks up to the other and seeks closeness with them.' },
  { id: 'reassurance-seeker', label: 'Reassurance-seeker', sasb: 'self.4', description: 'Leans on the other for reassurance and guidance.' },
  { id: 'appeaser', label: 'Appeaser', sasb: 'self.5', description: 'Gives in and goes along to keep the peace.' },
  { id: 'performer', label: 'Anxious performer', sasb: 'self.5', description: 'Works hard to meet the standard and earn approval.' },
  { id: 'victim', label: 'Victim', sasb: 'self.6', karpman: 'victim', description: 'Feels wronged and helpless and sulks or protests.' },
  { id: 'recoiler', label: 'Fearful recoiler', sasb: 'self.7', description: 'Shrinks back in fear, on guard.' },
  { id: 'withdrawer', label: 'Withdrawn / waiting', sasb: 'self.8', description: 'Walls off, goes quiet and waits for the other to move.' },
  { id: 'self-protector', label: 'Self-protecting', sasb: 'introject.4', description: 'Looks after themself and keeps themself safe.' },
  { id: 'self-controller', label: 'Perfectionist', sasb: 'introject.5', description: 'Holds themself to exacting standards and tight control.' },
  { id: 'self-critic', label: 'Self-critic', sasb: 'introject.6', description: 'Blames and judges themself harshly.' },
  { id: 'self-attacker', label: 'Self-attacker', sasb: 'introject.7', description: 'Turns anger and punishment on themself.' },
  { id: 'self-neglecter', label: 'Self-neglecting', sasb: 'introject.8', description: 'Ignores their own needs and feelings.' },
];

export const BUILT_IN_ROLE_IDS: ReadonlySet<string> = new Set(BUILT_IN_ROLES.map((role) => role.id));
