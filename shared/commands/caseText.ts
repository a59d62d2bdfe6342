import type { Case } from '../case/schema';
import { SYSTEM_NAMES } from '../case/systems';
import type { CommandOf } from './caseCommand';
import { LIMITS, optionalFreeText, trimmedText, withOptional } from './fieldRules';
import { withSystem } from './caseParts';

/** Sets the case title, trimmed. */
export function setTitle(kase: Case, { title }: CommandOf<'set-title'>): Case {
  const next = trimmedText(title, 'The title', LIMITS.title);
  return next === kase.title ? kase : { ...kase, title: next };
}

/** Sets the case summary; an empty summary is stored as none. */
export function setSummary(kase: Case, { summary }: CommandOf<'set-summary'>): Case {
  const next = optionalFreeText(summary, 'The summary');
  if ((kase.summary ?? '') === (next ?? '')) return kase;
  return withOptional(kase, 'summary', next);
}

/** Sets one system's notes; empty notes are stored as none. */
export function setSystemNotes(kase: Case, { system, notes }: CommandOf<'set-system-notes'>): Case {
  const next = optionalFreeText(notes, `The notes on ${SYSTEM_NAMES[system]}`);
  const current = kase.systems[system];
  if ((current.notes ?? '') === (next ?? '')) return kase;
  return withSystem(kase, system, withOptional(current, 'notes', next));
}
