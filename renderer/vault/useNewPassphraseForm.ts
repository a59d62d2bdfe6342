import { useState, type FormEvent } from 'react';
import { EMPTY_NEW_PASSPHRASE, newPassphraseProblem, type NewPassphrase } from './NewPassphraseFields';

/**
 * The state of a form that chooses a new passphrase: what was typed, the
 * problem to show once the clinician tried to go on, whether the action is
 * running, and why it failed. `act` runs with the chosen passphrase and
 * resolves to an error message, or null when done (the form is then left).
 */
export function useNewPassphraseForm(act: (passphrase: string) => Promise<string | null>) {
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (newPassphraseProblem(passphrase) !== null) return;
    setBusy(true);
    setFailure(null);
    const error = await act(passphrase.first);
    if (error === null) return;
    setFailure(error);
    setBusy(false);
  };

  return { passphrase, setPassphrase, problem: tried ? newPassphraseProblem(passphrase) : null, busy, failure, submit };
}
