import { useId, useState, type FormEvent } from 'react';
import type { ScenePerson } from '../../shared/scene/mapScene';

interface FindPersonProps {
  people: readonly ScenePerson[];
  systemName: string;
  /** The person found: the map centres on them and selects them. */
  onFound: (personId: string) => void;
}

/**
 * Find a person in a large map: type part of a name (the names of the map
 * are offered as you type), Enter centres the map on them and selects them.
 * Says so when nobody matches rather than doing nothing.
 */
export function FindPerson({ people, systemName, onFound }: FindPersonProps) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const listId = useId();

  const find = (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim().toLocaleLowerCase();
    if (wanted === '') return;
    const found =
      people.find((person) => person.name.toLocaleLowerCase() === wanted) ?? people.find((person) => person.name.toLocaleLowerCase().includes(wanted));
    setMissing(found === undefined);
    if (found) onFound(found.personId);
  };

  return (
    <form className="map-find" role="search" onSubmit={find}>
      <input
        type="search"
        list={listId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
        placeholder="Find a person"
        aria-label={`Find a person in ${systemName}`}
        aria-invalid={missing}
        title={missing ? 'Nobody of that name is in this map' : 'Type a name, then Enter'}
      />
      <datalist id={listId}>
        {people.map((person) => (
          <option key={person.personId} value={person.name} />
        ))}
      </datalist>
      {missing && (
        <span className="visually-hidden" role="status">
          Nobody of that name is in this map
        </span>
      )}
    </form>
  );
}
