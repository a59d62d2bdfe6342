import { useId } from 'react';
import { isLongEnough, MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../shared/security/passphraseStrength';

/** A passphrase being chosen: typed once, then again to catch a typo. */
export interface NewPassphrase {
  first: string;
  second: string;
}

export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { first: '', second: '' };

const SCORE_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/** What stops this passphrase from being used, in words, or null when it can be. */
export function newPassphraseProblem({ first, second }: NewPassphrase): string | null {
  if (!isLongEnough(first)) return `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are strong and easy to remember.`;
  if (first !== second) return 'The two passphrases are not the same. Type the same passphrase in both fields.';
  return null;
}

interface NewPassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  /** The first field's label, e.g. "Passphrase" or "New passphrase". */
  label: string;
  /** Shown once the clinician tried to go on. */
  problem: string | null;
  disabled: boolean;
  autoFocus?: boolean;
}

/** The two passphrase fields and the live strength hint under them. */
export function NewPassphraseFields({ value, onChange, label, problem, disabled, autoFocus = false }: NewPassphraseFieldsProps) {
  const hintId = useId();
  const problemId = useId();
  const strength = passphraseStrength(value.first);
  const describedBy = problem === null ? hintId : `${hintId} ${problemId}`;
  return (
    <div className="vault-fields">
      <label className="field">
        <span className="field-label">{label}</span>
        <input
          type="password"
          className="vault-input"
          autoComplete="new-password"
          spellCheck={false}
          value={value.first}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={problem !== null && !isLongEnough(value.first)}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...value, first: event.target.value })}
        />
      </label>
      <div className="vault-strength" id={hintId} aria-live="polite" data-testid="passphrase-strength" data-score={value.first === '' ? '' : strength.score}>
        <meter min={0} max={4} low={2} high={3} optimum={4} value={value.first === '' ? 0 : strength.score} aria-label="Passphrase strength" />
        <span>
          {value.first === '' ? strength.hint : `${SCORE_WORDS[strength.score]}. ${strength.score >= 3 ? '' : strength.hint}`.trim()}
        </span>
      </div>
      <label className="field">
        <span className="field-label">Type it again</span>
        <input
          type="password"
          className="vault-input"
          autoComplete="new-password"
          spellCheck={false}
          value={value.second}
          disabled={disabled}
          aria-invalid={problem !== null && value.first !== value.second}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(event) => onChange({ ...value, second: event.target.value })}
        />
      </label>
      {problem !== null && (
        <p className="field-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
