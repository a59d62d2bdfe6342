import { memo, useMemo } from 'react';
import type { Case, Member, Person, RelationalSystem } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import type { CaseCommand } from '../../shared/commands';
import { EditableText } from './EditableText';
import type { RelationDraft } from './RelationDialog';
import { ShowAllRows } from './ShowAllRows';
import { TermPicker } from './TermPicker';
import { feelingOptions, roleOptions, type TermOption } from './termOptions';
import { useFirstRows } from './useFirstRows';

type Edit = (command: CaseCommand, coalesceKey?: string) => string | null;

interface SystemDetailsProps {
  system: SystemId;
  /** The system's part of the case; an edit elsewhere keeps this object, so the column does not re-render. */
  content: RelationalSystem;
  people: readonly Person[];
  customRoles: Case['customRoles'];
  customFeelings: Case['customFeelings'];
  onEdit: Edit;
  onTypingDone: () => void;
  typingKey: (field: string) => string;
  onRefused: (message: string) => void;
  onOpenRelation: (draft: RelationDraft) => void;
}

/** Under one map: each member's roles and feelings, the system's relations in words, and its notes. */
export const SystemDetails = memo(function SystemDetails({
  system,
  content,
  people,
  customRoles,
  customFeelings,
  onEdit,
  onTypingDone,
  typingKey,
  onRefused,
  onOpenRelation,
}: SystemDetailsProps) {
  const { members, relations, notes } = content;
  const roles = useMemo(() => roleOptions(customRoles), [customRoles]);
  const feelings = useMemo(() => feelingOptions(customFeelings), [customFeelings]);
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name ?? personId;
  const roleName = (roleId: string | undefined) => (roleId === undefined ? null : (roles.find((r) => r.id === roleId)?.label ?? roleId));
  const act = (command: CaseCommand) => {
    const refusal = onEdit(command);
    if (refusal !== null) onRefused(refusal);
  };
  const where = SYSTEM_NAMES[system];
  const shownMembers = useFirstRows(members);
  const shownRelations = useFirstRows(relations);
  const memberListId = `members-${system}`;
  const relationListId = `relations-${system}`;

  return (
    <div className="system-details" data-testid={`details-${system}`}>
      <section aria-label={`Members of ${where}`}>
        <h3>Members</h3>
        {members.length === 0 && <p className="muted">Nobody yet. Tick this system for a person under People.</p>}
        <ul className="member-list" id={memberListId}>
          {shownMembers.shown.map((member) => (
            <MemberTerms
              key={member.person}
              system={system}
              member={member}
              name={nameOf(member.person)}
              roles={roles}
              feelings={feelings}
              onEdit={onEdit}
              onRefused={onRefused}
            />
          ))}
        </ul>
        <ShowAllRows rows={shownMembers} noun="members" total={members.length} controls={memberListId} />
      </section>
      <section aria-label={`Relations in ${where}`}>
        <h3>Relations</h3>
        {relations.length === 0 && <p className="muted">None yet.</p>}
        <ul className="relation-list" aria-label={`Relations in ${where}`} id={relationListId}>
          {shownRelations.shown.map((relation) => {
            const self = relation.from === relation.to;
            const words = self ? `${nameOf(relation.from)} toward themself` : `${nameOf(relation.from)} → ${nameOf(relation.to)}`;
            const ends = [roleName(relation.fromRole), self ? null : roleName(relation.toRole)];
            return (
              <li key={relation.id} className="relation" data-testid="relation" data-relation-id={relation.id}>
                <div className="relation-words">
                  <span className="relation-people">{words}</span>
                  {ends.some((end) => end !== null) && (
                    <span className="relation-roles">{ends.map((end) => end ?? '—').join(self ? '' : ' → ')}</span>
                  )}
                  {relation.act && <span className="relation-act">“{relation.act}”</span>}
                </div>
                <div className="relation-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Edit relation ${words}`}
                    onClick={() => onOpenRelation({ system, relationId: relation.id })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Remove relation ${words}`}
                    onClick={() => act({ type: 'remove-relation', system, relationId: relation.id })}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <ShowAllRows rows={shownRelations} noun="relations" total={relations.length} controls={relationListId} />
      </section>
      <EditableText
        label={`Notes on ${where}`}
        multiline
        rows={3}
        value={notes ?? ''}
        onEdit={(text) => onEdit({ type: 'set-system-notes', system, notes: text }, typingKey(`notes:${system}`))}
        onDone={onTypingDone}
        testId={`notes-${system}`}
      />
    </div>
  );
});

interface MemberTermsProps {
  system: SystemId;
  member: Member;
  name: string;
  roles: readonly TermOption[];
  feelings: readonly TermOption[];
  onEdit: Edit;
  onRefused: (message: string) => void;
}

/** One member's roles and feelings; re-renders only when that member (or the vocabulary) changes. */
const MemberTerms = memo(function MemberTerms({ system, member, name, roles, feelings, onEdit, onRefused }: MemberTermsProps) {
  const where = SYSTEM_NAMES[system];
  const act = (command: CaseCommand) => {
    const refusal = onEdit(command);
    if (refusal !== null) onRefused(refusal);
  };
  return (
    <li className="member" data-testid="member" data-person-id={member.person}>
      <p className="member-name">{name}</p>
      <TermPicker
        label={`Roles of ${name} in ${where}`}
        noun="role"
        options={roles}
        selected={member.roles}
        onChange={(ids) => act({ type: 'set-member-roles', system, personId: member.person, roles: ids })}
        testId="member-roles"
      />
      <TermPicker
        label={`Feelings of ${name} in ${where}`}
        noun="feeling"
        options={feelings}
        selected={member.feelings}
        onChange={(ids) => act({ type: 'set-member-feelings', system, personId: member.person, feelings: ids })}
        testId="member-feelings"
      />
    </li>
  );
});
