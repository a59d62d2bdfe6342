import { useState, type FormEvent } from 'react';
import type { Case } from '../../shared/case/schema';
import { newCustomFeelingId, newCustomRoleId, type CaseCommand } from '../../shared/commands';
import { ALL_SASB_CODES, SASB_SURFACES, sasbLabel, type SasbCode } from '../../shared/library/sasb';

interface CustomTermsPanelProps {
  kase: Case;
  onEdit: (command: CaseCommand) => string | null;
  onRefused: (message: string) => void;
}

const SURFACE_GROUPS: Record<(typeof SASB_SURFACES)[number], string> = {
  other: 'Focus on the other',
  self: 'Focus on oneself (reacting to the other)',
  introject: 'How one treats oneself',
};

/** The case's own roles (with an optional SASB code, picked by cluster name) and feelings. */
export function CustomTermsPanel({ kase, onEdit, onRefused }: CustomTermsPanelProps) {
  const [roleLabel, setRoleLabel] = useState('');
  const [sasb, setSasb] = useState<SasbCode | ''>('');
  const [feelingLabel, setFeelingLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const addRole = (event: FormEvent) => {
    event.preventDefault();
    const role = { id: newCustomRoleId(roleLabel, kase), label: roleLabel, ...(sasb === '' ? {} : { sasb }) };
    const refusal = onEdit({ type: 'add-custom-role', role });
    setProblem(refusal);
    if (refusal === null) {
      setRoleLabel('');
      setSasb('');
    }
  };
  const addFeeling = (event: FormEvent) => {
    event.preventDefault();
    const refusal = onEdit({ type: 'add-custom-feeling', feeling: { id: newCustomFeelingId(feelingLabel, kase), label: feelingLabel } });
    setProblem(refusal);
    if (refusal === null) setFeelingLabel('');
  };
  const remove = (command: CaseCommand) => {
    const refusal = onEdit(command);
    if (refusal !== null) onRefused(refusal);
  };

  return (
    <section className="editor-section custom-terms" aria-labelledby="custom-terms-heading">
      <h2 id="custom-terms-heading">Roles and feelings of this case</h2>
      <p className="muted">For what the libraries do not name. A custom role with a SASB code takes part in echoes like a built-in one.</p>
      <div className="custom-columns">
        <div>
          <h3>Roles</h3>
          <ul className="term-list" aria-label="Custom roles">
            {kase.customRoles.map((role) => (
              <li key={role.id}>
                <span className="term-name">{role.label}</span>
                <span className="muted">{role.sasb ? sasbLabel(role.sasb) : 'no SASB code'}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Delete role ${role.label}`}
                  onClick={() => remove({ type: 'remove-custom-role', roleId: role.id })}
                >
                  Delete
                </button>
              </li>
            ))}
            {kase.customRoles.length === 0 && <li className="muted">None yet</li>}
          </ul>
          <form className="inline-form" onSubmit={addRole} aria-label="Define a role">
            <label className="field">
              <span className="field-label">Role name</span>
              <input type="text" value={roleLabel} onChange={(event) => setRoleLabel(event.target.value)} data-testid="custom-role-label" />
            </label>
            <label className="field">
              <span className="field-label">SASB code (optional)</span>
              <select value={sasb} onChange={(event) => setSasb(event.target.value as SasbCode | '')} data-testid="custom-role-sasb">
                <option value="">No code</option>
                {SASB_SURFACES.map((surface) => (
                  <optgroup key={surface} label={SURFACE_GROUPS[surface]}>
                    {ALL_SASB_CODES.filter((code) => code.startsWith(`${surface}.`)).map((code) => (
                      <option key={code} value={code}>
                        {sasbLabel(code)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              Define role
            </button>
          </form>
        </div>
        <div>
          <h3>Feelings</h3>
          <ul className="term-list" aria-label="Custom feelings">
            {kase.customFeelings.map((feeling) => (
              <li key={feeling.id}>
                <span className="term-name">{feeling.label}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Delete feeling ${feeling.label}`}
                  onClick={() => remove({ type: 'remove-custom-feeling', feelingId: feeling.id })}
                >
                  Delete
                </button>
              </li>
            ))}
            {kase.customFeelings.length === 0 && <li className="muted">None yet</li>}
          </ul>
          <form className="inline-form" onSubmit={addFeeling} aria-label="Define a feeling">
            <label className="field">
              <span className="field-label">Feeling</span>
              <input type="text" value={feelingLabel} onChange={(event) => setFeelingLabel(event.target.value)} data-testid="custom-feeling-label" />
            </label>
            <button type="submit" className="button">
              Define feeling
            </button>
          </form>
        </div>
      </div>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
