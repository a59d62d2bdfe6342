import { useEffect, useId, useRef, useState } from 'react';

interface EditableTextProps {
  label: string;
  value: string;
  /** Applies the text as an edit; returns why it was refused, or null. */
  onEdit: (text: string) => string | null;
  /** Called when the clinician leaves the field, which ends one coalesced run of typing. */
  onDone?: () => void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Hides the label visually (the surrounding heading or row names the field); screen readers still get it. */
  hideLabel?: boolean;
  className?: string;
  testId?: string;
}

/**
 * A text field bound to the case through edits. What the clinician types
 * stays on screen even while the case refuses it (an empty name, say): the
 * field shows why beside it, and the case keeps its last valid value.
 * When the case changes from outside (undo, redo) the field follows it.
 */
export function EditableText({
  label,
  value,
  onEdit,
  onDone,
  multiline = false,
  rows = 3,
  placeholder,
  hideLabel = false,
  className,
  testId,
}: EditableTextProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const lastValue = useRef(value);
  const id = useId();
  const problemId = `${id}-problem`;

  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    setDraft(value);
    setProblem(null);
  }, [value]);

  const change = (text: string) => {
    setDraft(text);
    setProblem(onEdit(text));
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': problem !== null,
    'aria-describedby': problem === null ? undefined : problemId,
    'data-testid': testId,
    onBlur: () => {
      onDone?.();
      // A refused draft would otherwise sit there looking saved.
      if (problem !== null) {
        setDraft(value);
        setProblem(null);
      }
    },
  };

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => change(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => change(event.target.value)} />
      )}
      {problem !== null && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
