import type { Case } from '../case/schema';
import type { CommandOf } from './caseCommand';
import { CommandError } from './commandError';
import { findMember, withMember, withSystem } from './caseParts';

/** Saves where a member sits on a system's map. */
export function movePerson(kase: Case, { system, personId, position }: CommandOf<'move-person'>): Case {
  const { x, y } = position;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new CommandError('invalid', 'A position on the map needs finite x and y coordinates.');
  }
  findMember(kase, system, personId);
  return withSystem(
    kase,
    system,
    withMember(kase.systems[system], personId, (member) =>
      member.position?.x === x && member.position.y === y ? member : { ...member, position: { x, y } },
    ),
  );
}

/** Forgets every saved position in a system, so its map is laid out afresh. */
export function resetLayout(kase: Case, { system }: CommandOf<'reset-layout'>): Case {
  const current = kase.systems[system];
  if (!current.members.some((m) => m.position !== undefined)) return kase;
  const members = current.members.map((member) => {
    if (member.position === undefined) return member;
    const { position: _forgotten, ...rest } = member;
    return rest;
  });
  return withSystem(kase, system, { ...current, members });
}
