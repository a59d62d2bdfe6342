import type { Case } from '../case/schema';
import type { CaseCommand } from './caseCommand';
import { setSummary, setSystemNotes, setTitle } from './caseText';
import { unknownCommand } from './describe';
import { movePerson, resetLayout } from './layout';
import { addMember, removeMember, setMemberFeelings, setMemberRoles } from './members';
import { addPerson, removePerson, renamePerson, setPersonKind, setPersonNote } from './people';
import { addRelation, removeRelation, updateRelation } from './relations';
import { addCustomFeeling, addCustomRole, removeCustomFeeling, removeCustomRole, updateCustomRole } from './vocabulary';

export type { CaseCommand, CommandOf } from './caseCommand';
export { CommandError, type CommandErrorCode } from './commandError';
export { describeCommand } from './describe';

/**
 * Applies one edit to a valid case and returns the next case, valid by every
 * rule of case-format.md, or throws CommandError and changes nothing. Pure:
 * the input is never mutated, parts the edit does not touch keep their
 * identity, and an edit that changes nothing returns the very same case, so
 * the edit history can skip it (issue 4 item 2).
 */
export function applyCommand(kase: Case, command: CaseCommand): Case {
  switch (command.type) {
    case 'set-title':
      return setTitle(kase, command);
    case 'set-summary':
      return setSummary(kase, command);
    case 'set-system-notes':
      return setSystemNotes(kase, command);
    case 'add-person':
      return addPerson(kase, command);
    case 'rename-person':
      return renamePerson(kase, command);
    case 'set-person-kind':
      return setPersonKind(kase, command);
    case 'set-person-note':
      return setPersonNote(kase, command);
    case 'remove-person':
      return removePerson(kase, command);
    case 'add-member':
      return addMember(kase, command);
    case 'remove-member':
      return removeMember(kase, command);
    case 'set-member-roles':
      return setMemberRoles(kase, command);
    case 'set-member-feelings':
      return setMemberFeelings(kase, command);
    case 'add-relation':
      return addRelation(kase, command);
    case 'update-relation':
      return updateRelation(kase, command);
    case 'remove-relation':
      return removeRelation(kase, command);
    case 'add-custom-role':
      return addCustomRole(kase, command);
    case 'update-custom-role':
      return updateCustomRole(kase, command);
    case 'remove-custom-role':
      return removeCustomRole(kase, command);
    case 'add-custom-feeling':
      return addCustomFeeling(kase, command);
    case 'remove-custom-feeling':
      return removeCustomFeeling(kase, command);
    case 'move-person':
      return movePerson(kase, command);
    case 'reset-layout':
      return resetLayout(kase, command);
    default:
      return unknownCommand(command);
  }
}
