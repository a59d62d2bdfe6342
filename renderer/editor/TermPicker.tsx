import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { matchTerms, type TermOption } from './termOptions';

interface TermPickerProps {
  /** What is being chosen, for whom: "Roles of Owen in Therapy". */
  label: string;
  /** "role" or "feeling", for the buttons' names. */
  noun: string;
  options: readonly TermOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  testId?: string;
}

const MAX_SHOWN = 12;

/**
 * The chosen roles (or feelings) as removable chips, and a type-ahead field
 * to add one (the ARIA 1.2 combobox pattern): typing filters the library,
 * the arrows move through it, Enter adds, Escape closes. Each suggestion shows
 * the role's description and SASB code, which is what a clinician chooses by.
 */
export function TermPicker({ label, noun, options, selected, onChange, testId }: TermPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const suggestions = useMemo(
    () => matchTerms(options.filter((option) => !selected.includes(option.id)), query).slice(0, MAX_SHOWN),
    [options, selected, query],
  );
  const shown = open && suggestions.length > 0;
  const activeOption = shown ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;

  const add = (option: TermOption) => {
    onChange([...selected, option.id]);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((index) => Math.min(index + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && activeOption) {
      event.preventDefault();
      add(activeOption);
    } else if (event.key === 'Escape' && open) {
      // Closing the suggestions is this Escape's whole job; a dialog around us must not close too.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="term-picker" data-testid={testId}>
      <ul className="chips" aria-label={label}>
        {selected.map((termId) => {
          const option = byId.get(termId);
          const name = option?.label ?? termId;
          return (
            <li key={termId} className={option?.custom ? 'chip chip-custom' : 'chip'} title={option?.description}>
              <span>{name}</span>
              {option?.sasb && <span className="chip-code">{option.sasb.split(' ')[0]}</span>}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${noun} ${name}`}
                onClick={() => onChange(selected.filter((other) => other !== termId))}
              >
                ×
              </button>
            </li>
          );
        })}
        {selected.length === 0 && <li className="chips-empty">None yet</li>}
      </ul>
      <div className="combobox">
        <label htmlFor={id} className="visually-hidden">
          {`Add ${noun} to ${label}`}
        </label>
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-option-${activeOption.id}` : undefined}
          placeholder={`Add a ${noun}…`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={`${noun} suggestions`} className="combobox-list" hidden={!shown}>
          {shown &&
            suggestions.map((option) => (
              <li
                key={option.id}
                id={`${id}-option-${option.id}`}
                role="option"
                aria-selected={option === activeOption}
                className="combobox-option"
                // mousedown, not click: the field must keep the focus (and the list stay open) through the pick.
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(option);
                }}
              >
                <span className="option-label">
                  {option.label}
                  {option.sasb && <span className="option-code"> · {option.sasb}</span>}
                </span>
                {option.description && <span className="option-description">{option.description}</span>}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
