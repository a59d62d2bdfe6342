import { useId, useState, type FormEvent } from 'react';
import type { Case } from '../../shared/case/schema';
import { CommandError, newCase, newCaseId } from '../../shared/commands';
import { Dialog } from '../ui/Dialog';

interface NewCaseDialogProps {
  /** Every case id in use, live or in the trash, so the new one is clear of them. */
  takenIds: readonly string[];
  /** Stores the new case; returns why the store refused it, or null. */
  onCreate: (kase: Case) => Promise<string | null>;
  onClose: () => void;
}

/** The short wizard for a new case: its title and who is in it (the supervisor is optional). */
export function NewCaseDialog({ takenIds, onCreate, onClose }: NewCaseDialogProps) {
  const [title, setTitle] = useState('');
  const [clientName, setClientName] = useState('');
  const [therapistName, setTherapistName] = useState('');
  const [supervisorName, setSupervisorName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let kase: Case;
    try {
      kase = newCase({
        id: newCaseId(takenIds),
        title,
        clientName,
        therapistName,
        supervisorName,
        now: new Date().toISOString(),
      });
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      setProblem(error.message);
      return;
    }
    setBusy(true);
    const refusal = await onCreate(kase);
    setBusy(false);
    setProblem(refusal);
  };

  const field = (label: string, value: string, set: (value: string) => void, testId: string, hint?: string, autofocus?: boolean) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        value={value}
        onChange={(event) => set(event.target.value)}
        data-testid={testId}
        data-autofocus={autofocus ? true : undefined}
        autoComplete="off"
        aria-describedby={hint ? `${hintId}-${testId}` : undefined}
      />
      {hint && (
        <span id={`${hintId}-${testId}`} className="field-hint">
          {hint}
        </span>
      )}
    </label>
  );

  return (
    <Dialog title="New case" onClose={onClose} testId="new-case-dialog">
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        {field('Title', title, setTitle, 'new-case-title', 'A short label you will recognise, e.g. "M., 42: work anxiety".', true)}
        {field("Client's name", clientName, setClientName, 'new-case-client', 'A first name or initials is enough.')}
        {field("Therapist's name", therapistName, setTherapistName, 'new-case-therapist')}
        {field("Supervisor's name (optional)", supervisorName, setSupervisorName, 'new-case-supervisor', 'Leave empty if the case is not taken to supervision.')}
        {problem !== null && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Create case
          </button>
        </div>
      </form>
    </Dialog>
  );
}
