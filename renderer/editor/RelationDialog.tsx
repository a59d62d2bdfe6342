import { useId, useState, type FormEvent } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { newRelationId, type CaseCommand } from '../../shared/commands';
import { Dialog } from '../ui/Dialog';
import { roleOptions } from './termOptions';

/** What the relation form starts from: a system, and, for a drawn or edited relation, its ends. */
export interface RelationDraft {
  system: SystemId;
  from?: string;
  to?: string;
  /** Set when editing an existing relation. */
  relationId?: string;
}

interface RelationDialogProps {
  kase: Case;
  draft: RelationDraft;
  /** Applies the edit; returns why it was refused, or null. */
  onEdit: (command: CaseCommand) => string | null;
  onClose: () => void;
}

/**
 * Adds or edits a relation with the keyboard alone: which system, who acts
 * toward whom, what they do in words, and the role each takes. A relation of
 * a person to themself has a role at one end only.
 */
export function RelationDialog({ kase, draft, onEdit, onClose }: RelationDialogProps) {
  const existing = draft.relationId === undefined ? undefined : kase.systems[draft.system].relations.find((r) => r.id === draft.relationId);
  const [system, setSystem] = useState<SystemId>(draft.system);
  const membersOf = (id: SystemId) =>
    kase.systems[id].members.flatMap((member) => kase.people.find((person) => person.id === member.person) ?? []);
  const members = membersOf(system);
  const [from, setFrom] = useState(existing?.from ?? draft.from ?? members[0]?.id ?? '');
  const [to, setTo] = useState(existing?.to ?? draft.to ?? members[1]?.id ?? members[0]?.id ?? '');
  const [act, setAct] = useState(existing?.act ?? '');
  const [fromRole, setFromRole] = useState(existing?.fromRole ?? '');
  const [toRole, setToRole] = useState(existing?.toRole ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const roles = roleOptions(kase.customRoles);
  const self = from === to;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const roleOrNull = (role: string) => (role === '' ? null : role);
    const command: CaseCommand = existing
      ? {
          type: 'update-relation',
          system,
          relationId: existing.id,
          changes: { from, to, act, fromRole: roleOrNull(fromRole), toRole: self ? null : roleOrNull(toRole) },
        }
      : {
          type: 'add-relation',
          system,
          relation: {
            id: newRelationId(kase),
            from,
            to,
            ...(act.trim() === '' ? {} : { act }),
            ...(fromRole === '' ? {} : { fromRole }),
            ...(self || toRole === '' ? {} : { toRole }),
          },
        };
    const refusal = onEdit(command);
    if (refusal === null) onClose();
    else setProblem(refusal);
  };

  const roleSelect = (label: string, value: string, onChange: (value: string) => void, disabled = false) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={disabled ? '' : value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
        <option value="">No role</option>
        <optgroup label="Role library">
          {roles
            .filter((role) => !role.custom)
            .map((role) => (
              <option key={role.id} value={role.id}>
                {role.sasb ? `${role.label} (${role.sasb})` : role.label}
              </option>
            ))}
        </optgroup>
        {roles.some((role) => role.custom) && (
          <optgroup label="Roles of this case">
            {roles
              .filter((role) => role.custom)
              .map((role) => (
                <option key={role.id} value={role.id}>
                  {role.sasb ? `${role.label} (${role.sasb})` : role.label}
                </option>
              ))}
          </optgroup>
        )}
      </select>
    </label>
  );

  const personSelect = (label: string, value: string, onChange: (value: string) => void, testId: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {members.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Dialog title={existing ? 'Edit relation' : 'Add relation'} onClose={onClose} testId="relation-dialog">
      <form className="dialog-form" onSubmit={submit} aria-describedby={`${id}-hint`}>
        <p id={`${id}-hint`} className="muted">
          Who acts toward whom, in {SYSTEM_NAMES[system]}. Choose the same person twice for how someone treats themself.
        </p>
        <label className="field">
          <span className="field-label">System</span>
          <select
            value={system}
            disabled={existing !== undefined}
            onChange={(event) => {
              const next = event.target.value as SystemId;
              const people = membersOf(next);
              setSystem(next);
              setFrom(people[0]?.id ?? '');
              setTo(people[1]?.id ?? people[0]?.id ?? '');
            }}
            data-testid="relation-system"
            data-autofocus={draft.from === undefined ? true : undefined}
          >
            {SYSTEM_IDS.map((systemId) => (
              <option key={systemId} value={systemId}>
                {SYSTEM_NAMES[systemId]}
              </option>
            ))}
          </select>
        </label>
        <div className="field-pair">
          {personSelect('From', from, setFrom, 'relation-from')}
          {personSelect(self ? 'To (themself)' : 'To', to, setTo, 'relation-to')}
        </div>
        <label className="field">
          <span className="field-label">What happens, in words</span>
          <input
            type="text"
            value={act}
            onChange={(event) => setAct(event.target.value)}
            placeholder="e.g. reviews his work line by line"
            data-testid="relation-act"
            data-autofocus={draft.from === undefined ? undefined : true}
          />
        </label>
        <div className="field-pair">
          {roleSelect(`Role of ${members.find((p) => p.id === from)?.name ?? 'the first person'}`, fromRole, setFromRole)}
          {roleSelect(
            self ? 'Role at the other end (none for a relation to oneself)' : `Role of ${members.find((p) => p.id === to)?.name ?? 'the second person'}`,
            toRole,
            setToRole,
            self,
          )}
        </div>
        {members.length === 0 && <p className="field-problem">Nobody is in {SYSTEM_NAMES[system]} yet; add people to it first.</p>}
        {problem !== null && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={members.length === 0}>
            {existing ? 'Save relation' : 'Add relation'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
