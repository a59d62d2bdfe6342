import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';

/**
 * `kase` with every saved map position copied into a fresh object, for the
 * maps only. Cytoscape keeps the position object it is given and moves it in
 * place as a node is dragged or laid out; handed the case's own object, it
 * would silently change a case the edit history holds as an earlier state,
 * and a drag back onto a saved spot would look like no change at all.
 */
export function mapSafeCase(kase: Case): Case {
  const systems = { ...kase.systems };
  for (const system of SYSTEM_IDS) {
    const current = kase.systems[system];
    if (!current.members.some((member) => member.position !== undefined)) continue;
    systems[system] = {
      ...current,
      members: current.members.map((member) => (member.position ? { ...member, position: { ...member.position } } : member)),
    };
  }
  return { ...kase, systems };
}
