import type { Case } from '../../shared/case/schema';
import { personColour } from '../map/personColours';

const KIND_WORDS = { client: 'client', therapist: 'therapist', supervisor: 'supervisor', other: null } as const;

/** The key to the maps' colours: each person of the case, with their colour and who they are. */
export function PeopleKey({ kase }: { kase: Case }) {
  return (
    <section className="people-key" aria-labelledby="people-key-heading">
      <h2 id="people-key-heading">People</h2>
      <ul>
        {kase.people.map((person) => {
          const kind = KIND_WORDS[person.kind];
          const detail = [kind, person.note].filter((part) => part !== null && part !== undefined && part !== '').join(', ');
          return (
            <li key={person.id}>
              <span className="swatch" style={{ backgroundColor: personColour(kase.people, person.id) }} aria-hidden="true" />
              <span className="person-name">{person.name}</span>
              {detail !== '' && <span className="muted"> · {detail}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
