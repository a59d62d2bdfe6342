import { memo, useState, type FormEvent } from 'react';
import type { Case, Person } from '../../shared/case/schema';
import { PERSON_KINDS, SYSTEM_IDS, SYSTEM_NAMES, type PersonKind, type SystemId } from '../../shared/case/systems';
import { nextId, type CaseCommand } from '../../shared/commands';
import { personColour } from '../../shared/scene/palette';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EditableText } from './EditableText';
import { ShowAllRows } from './ShowAllRows';
import { useFirstRows } from './useFirstRows';

/** How a kind reads in a list of choices. */
export const KIND_NAMES: Record<PersonKind, string> = {
  client: 'Client',
  therapist: 'Therapist',
  supervisor: 'Supervisor',
  other: 'Someone else',
};

interface PeoplePanelProps {
  people: Case['people'];
  /** The three systems, for who is a member of which; an edit elsewhere keeps this object. */
  systems: Case['systems'];
  onEdit: (command: CaseCommand, coalesceKey?: string) => string | null;
  /** Ends a run of typing, so the next keystrokes start a new undo step. */
  onTypingDone: () => void;
  typingKey: (field: string) => string;
  /** Reports a refused edit that has no field of its own to show it beside. */
  onRefused: (message: string) => void;
}

/** Who is in the case: add, rename, re-kind, note and remove people, and put them in or take them out of each system. */
export const PeoplePanel = memo(function PeoplePanel({ people, systems, onEdit, onTypingDone, typingKey, onRefused }: PeoplePanelProps) {
  const [removing, setRemoving] = useState<Person | null>(null);
  const shownPeople = useFirstRows(people);

  const act = (command: CaseCommand) => {
    const refusal = onEdit(command);
    if (refusal !== null) onRefused(refusal);
  };

  return (
    <section className="editor-section people-panel" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul className="people-list" aria-label="People of this case" id="people-list">
        {shownPeople.shown.map((person) => (
          <li key={person.id} className="person-row" data-testid="person-row" data-person-id={person.id}>
            <span className="swatch" style={{ backgroundColor: personColour(people, person.id) }} aria-hidden="true" />
            <EditableText
              label={`Name of ${person.name}`}
              hideLabel
              value={person.name}
              onEdit={(name) => onEdit({ type: 'rename-person', personId: person.id, name }, typingKey(`name:${person.id}`))}
              onDone={onTypingDone}
              className="person-name-field"
              testId="person-name"
            />
            <label className="field person-kind">
              <span className="visually-hidden">{`${person.name} is`}</span>
              <select
                value={person.kind}
                onChange={(event) => act({ type: 'set-person-kind', personId: person.id, kind: event.target.value as PersonKind })}
              >
                {PERSON_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_NAMES[kind]}
                  </option>
                ))}
              </select>
            </label>
            <EditableText
              label={`Note on ${person.name}`}
              hideLabel
              placeholder="Note (e.g. line manager)"
              value={person.note ?? ''}
              onEdit={(note) => onEdit({ type: 'set-person-note', personId: person.id, note }, typingKey(`note:${person.id}`))}
              onDone={onTypingDone}
              className="person-note-field"
            />
            <fieldset className="person-systems">
              <legend className="visually-hidden">{`Systems ${person.name} is in`}</legend>
              {SYSTEM_IDS.map((system) => {
                const member = systems[system].members.some((m) => m.person === person.id);
                return (
                  <label key={system} className="check">
                    <input
                      type="checkbox"
                      checked={member}
                      onChange={() =>
                        act(
                          member
                            ? { type: 'remove-member', system, personId: person.id }
                            : { type: 'add-member', system, personId: person.id },
                        )
                      }
                    />
                    <span>{SYSTEM_NAMES[system]}</span>
                  </label>
                );
              })}
            </fieldset>
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Remove ${person.name}`}
              onClick={() => setRemoving(person)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ShowAllRows rows={shownPeople} noun="people" total={people.length} controls="people-list" />
      <AddPersonForm people={people} onEdit={onEdit} />
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          message={`${removing.name} and every relation they take part in will be removed from all three maps. You can undo this.`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null);
            act({ type: 'remove-person', personId: removing.id });
          }}
        />
      )}
    </section>
  );
});

function AddPersonForm({ people, onEdit }: { people: Case['people']; onEdit: PeoplePanelProps['onEdit'] }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PersonKind>('other');
  const [systems, setSystems] = useState<SystemId[]>(['client']);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same ids newPersonId gives (p1, p2, …), from the people alone.
    const id = nextId('p', people.map((person) => person.id));
    const refusal = onEdit({ type: 'add-person', person: { id, name, kind }, systems });
    setProblem(refusal);
    if (refusal === null) setName('');
  };

  return (
    <form className="add-person" onSubmit={submit} aria-label="Add a person">
      <label className="field">
        <span className="field-label">Name</span>
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} data-testid="new-person-name" />
      </label>
      <label className="field">
        <span className="field-label">Who they are</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as PersonKind)} data-testid="new-person-kind">
          {PERSON_KINDS.map((option) => (
            <option key={option} value={option}>
              {KIND_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="person-systems">
        <legend className="field-label">In</legend>
        {SYSTEM_IDS.map((system) => (
          <label key={system} className="check">
            <input
              type="checkbox"
              checked={systems.includes(system)}
              onChange={(event) =>
                setSystems(event.target.checked ? [...systems, system] : systems.filter((other) => other !== system))
              }
            />
            <span>{SYSTEM_NAMES[system]}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button-primary">
        Add person
      </button>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
