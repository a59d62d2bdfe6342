import type { Case } from '../case/schema';
import { SYSTEM_IDS } from '../case/systems';
import { arrangeSystem } from '../scene/arrangement';
import { createNameReplacer, nameTerms } from './nameReplacer';
import { pseudonymsFor } from './pseudonyms';

/** A case with every name replaced, and the label each person got. */
export interface DeidentifiedCase {
  case: Case;
  /** The neutral label of each person, by person id: "Client", "Mother", "A. B.". */
  pseudonyms: Record<string, string>;
}

/**
 * The case as it may leave the app: each person's name becomes a neutral
 * label (see pseudonymsFor), and the cast's names are replaced wherever they
 * appear in free text (title, summary, person notes, system notes, relation
 * acts, custom role and feeling labels; see createNameReplacer for the
 * rules). Ids are kept, so an analysis of either case has the same echo ids
 * and highlights still match; nothing made from a de-identified case prints
 * an id. Everyone keeps the place they have on screen (written into the
 * copy), so a de-identified handout or presentation is the same picture with
 * other names, not a layout of its own. Pure: the case passed in is not changed.
 */
export function deidentifyCase(kase: Case): DeidentifiedCase {
  const pseudonyms = pseudonymsFor(kase.people);
  const replace = createNameReplacer(nameTerms(kase.people, pseudonyms));
  const copy = structuredClone(kase);

  copy.title = replace(copy.title);
  if (copy.summary !== undefined) copy.summary = replace(copy.summary);
  for (const person of copy.people) {
    person.name = pseudonyms[person.id] as string;
    if (person.note !== undefined) person.note = replace(person.note);
  }
  for (const id of SYSTEM_IDS) {
    const system = copy.systems[id];
    const places = arrangeSystem(kase, id);
    for (const member of system.members) member.position ??= places.get(member.person);
    if (system.notes !== undefined) system.notes = replace(system.notes);
    for (const relation of system.relations) if (relation.act !== undefined) relation.act = replace(relation.act);
  }
  for (const role of copy.customRoles) role.label = replace(role.label);
  for (const feeling of copy.customFeelings) feeling.label = replace(feeling.label);
  return { case: copy, pseudonyms };
}
