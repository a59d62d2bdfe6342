import type { Case } from '../case/schema';
import { SYSTEM_NAMES } from '../case/systems';
import type { CaseCommand } from './caseCommand';
import { KIND_WORDS } from './caseParts';
import { CommandError } from './commandError';

/**
 * What an edit does, in a few words for the Undo and Redo menu items:
 * "Rename Owen", "Add relation", "Move Nadia". `kase` is the case the edit
 * applies to, so a removed person or role is still named by its label.
 */
export function describeCommand(command: CaseCommand, kase: Case): string {
  const name = (personId: string) => kase.people.find((p) => p.id === personId)?.name ?? 'person';
  const roleLabel = (roleId: string) => kase.customRoles.find((r) => r.id === roleId)?.label ?? roleId;
  switch (command.type) {
    case 'set-title':
      return 'Edit title';
    case 'set-summary':
      return 'Edit summary';
    case 'set-system-notes':
      return `Edit ${SYSTEM_NAMES[command.system]} notes`;
    case 'add-person':
      return `Add ${command.person.name.trim() || 'person'}`;
    case 'rename-person':
      return `Rename ${name(command.personId)}`;
    case 'set-person-kind':
      return command.kind === 'other'
        ? `Make ${name(command.personId)} another person`
        : `Make ${name(command.personId)} ${KIND_WORDS[command.kind]}`;
    case 'set-person-note':
      return `Edit note on ${name(command.personId)}`;
    case 'remove-person':
      return `Remove ${name(command.personId)}`;
    case 'add-member':
      return `Add ${name(command.personId)} to ${SYSTEM_NAMES[command.system]}`;
    case 'remove-member':
      return `Remove ${name(command.personId)} from ${SYSTEM_NAMES[command.system]}`;
    case 'set-member-roles':
      return `Change roles of ${name(command.personId)}`;
    case 'set-member-feelings':
      return `Change feelings of ${name(command.personId)}`;
    case 'add-relation':
      return 'Add relation';
    case 'update-relation':
      return 'Edit relation';
    case 'remove-relation':
      return 'Remove relation';
    case 'add-custom-role':
      return `Add role ${command.role.label.trim()}`;
    case 'update-custom-role':
      return `Edit role ${roleLabel(command.roleId)}`;
    case 'remove-custom-role':
      return `Remove role ${roleLabel(command.roleId)}`;
    case 'add-custom-feeling':
      return `Add feeling ${command.feeling.label.trim()}`;
    case 'remove-custom-feeling':
      return `Remove feeling ${kase.customFeelings.find((f) => f.id === command.feelingId)?.label ?? command.feelingId}`;
    case 'move-person':
      return `Move ${name(command.personId)}`;
    case 'reset-layout':
      return `Reset ${SYSTEM_NAMES[command.system]} layout`;
    default:
      return unknownCommand(command);
  }
}

/**
 * Ends an exhaustive switch over commands: a command type added without its
 * case is a compile error there, and a malformed command at run time is refused.
 */
export function unknownCommand(command: never): never {
  const type = (command as { type?: unknown } | null)?.type;
  throw new CommandError('invalid', `Triptych does not know the edit ${JSON.stringify(type ?? null)}; nothing was changed.`);
}
