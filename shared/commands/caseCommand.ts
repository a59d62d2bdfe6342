import type { Relation } from '../case/schema';
import type { PersonKind, SystemId } from '../case/systems';
import type { SasbCode } from '../library/sasb';

/** One edit a clinician can make to a case; applyCommand turns it into the next case. */
export type CaseCommand =
  | { type: 'set-title'; title: string }
  | { type: 'set-summary'; summary: string }
  | { type: 'set-system-notes'; system: SystemId; notes: string }
  | { type: 'add-person'; person: { id: string; name: string; kind: PersonKind; note?: string }; systems: SystemId[] }
  | { type: 'rename-person'; personId: string; name: string }
  | { type: 'set-person-kind'; personId: string; kind: PersonKind }
  | { type: 'set-person-note'; personId: string; note: string }
  | { type: 'remove-person'; personId: string }
  | { type: 'add-member'; system: SystemId; personId: string }
  | { type: 'remove-member'; system: SystemId; personId: string }
  | { type: 'set-member-roles'; system: SystemId; personId: string; roles: string[] }
  | { type: 'set-member-feelings'; system: SystemId; personId: string; feelings: string[] }
  | { type: 'add-relation'; system: SystemId; relation: Relation }
  | {
      type: 'update-relation';
      system: SystemId;
      relationId: string;
      changes: { from?: string; to?: string; fromRole?: string | null; toRole?: string | null; act?: string };
    }
  | { type: 'remove-relation'; system: SystemId; relationId: string }
  | { type: 'add-custom-role'; role: { id: string; label: string; sasb?: SasbCode } }
  | { type: 'update-custom-role'; roleId: string; label?: string; sasb?: SasbCode | null }
  | { type: 'remove-custom-role'; roleId: string }
  | { type: 'add-custom-feeling'; feeling: { id: string; label: string } }
  | { type: 'remove-custom-feeling'; feelingId: string }
  | { type: 'move-person'; system: SystemId; personId: string; position: { x: number; y: number } }
  | { type: 'reset-layout'; system: SystemId };

/** The command of one type, e.g. `CommandOf<'add-person'>`. */
export type CommandOf<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;
