import type { Case } from '../case/schema';
import { SYSTEM_IDS, type SystemId } from '../case/systems';
import type { CaseCommand } from '../commands';
import { arrangeSystem } from './arrangement';

/**
 * Once a map has been arranged, every person's place is kept: when an edit
 * touches a map some of whose people stand where the automatic layout put
 * them, their places as drawn before the edit are written into the case, so
 * a drag, a new person or a new relation moves nobody else (the layout would
 * otherwise lay the changed map out anew). Re-layout is the one edit that
 * forgets places on purpose.
 */
export function keepArrangement(before: Case, after: Case, command: CaseCommand): Case {
  if (command.type === 'reset-layout') return after;
  let systems = after.systems;
  for (const system of SYSTEM_IDS) {
    const unchanged = before.systems[system] === after.systems[system] && before.customRoles === after.customRoles && samePeopleDrawn(before, after, system);
    const beforeMembers = before.systems[system].members;
    if (unchanged || beforeMembers.every((member) => member.position !== undefined)) continue;
    const drawn = arrangeSystem(before, system);
    const content = after.systems[system];
    let changed = false;
    const members = content.members.map((member) => {
      const position = member.position === undefined ? drawn.get(member.person) : undefined;
      if (position === undefined) return member;
      changed = true;
      return { ...member, position: { ...position } };
    });
    if (changed) systems = { ...systems, [system]: { ...content, members } };
  }
  return systems === after.systems ? after : { ...after, systems };
}

/** Whether the people of one map are the same objects before and after (an edit to someone not in the map leaves it alone). */
function samePeopleDrawn(before: Case, after: Case, system: SystemId): boolean {
  if (before.people === after.people) return true;
  const then = new Map(before.people.map((person) => [person.id, person]));
  const now = new Map(after.people.map((person) => [person.id, person]));
  return after.systems[system].members.every((member) => then.get(member.person) === now.get(member.person));
}
