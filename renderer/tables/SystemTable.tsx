import type { Case } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { BUILT_IN_FEELINGS } from '../../shared/library/feelings';
import { roleLabelsOf } from '../../shared/library/relationLabel';
import type { MapHighlight } from '../../shared/scene/highlight';
import './tables.css';

interface SystemTableProps {
  case: Case;
  system: SystemId;
  /** The selected echo's part of this system; its rows are marked "Highlighted". */
  highlight: MapHighlight | null;
}

/**
 * The map of one system in words, for the keyboard and screen readers and for
 * anyone who reads a table faster than a picture: its people with their
 * roles and feelings, then its relations. The rows the selected echo rests on
 * say "Highlighted" in their own column (not by colour alone).
 */
export function SystemTable({ case: kase, system, highlight }: SystemTableProps) {
  const { members, relations } = kase.systems[system];
  const names = new Map(kase.people.map((person) => [person.id, person.name]));
  const roles = roleLabelsOf(kase);
  const feelings = new Map([...BUILT_IN_FEELINGS, ...kase.customFeelings].map((feeling) => [feeling.id, feeling.label]));
  const systemName = SYSTEM_NAMES[system];
  const nameOf = (id: string) => names.get(id) ?? id;
  const roleOf = (id: string | undefined) => (id === undefined ? '' : (roles.get(id) ?? id));
  const list = (labels: readonly string[]) => (labels.length === 0 ? '—' : labels.join(', '));
  const mark = (on: boolean) => ({
    'data-highlighted': on ? 'true' : 'false',
    className: on ? 'system-row system-row-highlighted' : 'system-row',
    style: on && highlight ? { borderInlineStartColor: highlight.colour } : undefined,
  });

  return (
    <div className="system-table" data-testid={`table-${system}`}>
      <table>
        <caption>{`${systemName}: people`}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Roles</th>
            <th scope="col">Feelings</th>
            <th scope="col">Selected echo</th>
          </tr>
        </thead>
        <tbody>
          {members.length === 0 && (
            <tr>
              <td colSpan={4}>Nobody is in this system yet.</td>
            </tr>
          )}
          {members.map((member) => {
            const on = highlight?.personIds.has(member.person) ?? false;
            return (
              <tr key={member.person} data-person-id={member.person} {...mark(on)}>
                <th scope="row">{nameOf(member.person)}</th>
                <td>{list(member.roles.map((role) => roleOf(role)))}</td>
                <td>{list(member.feelings.map((feeling) => feelings.get(feeling) ?? feeling))}</td>
                <td>{on ? 'Highlighted' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <table>
        <caption>{`${systemName}: relations`}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">What happens</th>
            <th scope="col">Roles</th>
            <th scope="col">Selected echo</th>
          </tr>
        </thead>
        <tbody>
          {relations.length === 0 && (
            <tr>
              <td colSpan={5}>No relations in this system yet.</td>
            </tr>
          )}
          {relations.map((relation) => {
            const on = highlight?.relationIds.has(relation.id) ?? false;
            const roleText = [roleOf(relation.fromRole), roleOf(relation.toRole)].filter((label) => label !== '').join(' → ');
            return (
              <tr key={relation.id} data-relation-id={relation.id} {...mark(on)}>
                <td>{nameOf(relation.from)}</td>
                <td>{relation.from === relation.to ? 'themself' : nameOf(relation.to)}</td>
                <td>{relation.act ?? ''}</td>
                <td>{roleText === '' ? '—' : roleText}</td>
                <td>{on ? 'Highlighted' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
