import type { Echo } from '../../shared/analysis/types';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';

/** One step of a presentation: a system's map shown large, or one echo across all three maps. */
export type PresentationStep = { kind: 'system'; system: SystemId } | { kind: 'echo'; echoId: string };

/** The steps of a presentation, in order: the client's world, the therapy, the supervision, then each echo. */
export function presentationSteps(echoes: readonly Echo[]): PresentationStep[] {
  return [
    ...SYSTEM_IDS.map((system): PresentationStep => ({ kind: 'system', system })),
    ...echoes.map((echo): PresentationStep => ({ kind: 'echo', echoId: echo.id })),
  ];
}

/** What a key press does in presentation mode, or null for a key it leaves alone. */
export type PresentationMove = 'next' | 'previous' | 'first' | 'last' | 'leave' | 'toggle-pseudonyms';

/**
 * The keys of presentation mode, as presentation software uses them: arrows,
 * Space and Page Down move on; Shift+Space, the back arrows and Page Up go
 * back; Home and End jump; Escape leaves; P switches names and pseudonyms.
 * A key held with Ctrl, Alt or Meta is the browser's or the system's.
 */
export function presentationMove(key: string, modifiers: { shift: boolean; ctrl: boolean; alt: boolean; meta: boolean }): PresentationMove | null {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return modifiers.shift ? 'previous' : 'next';
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    case 'p':
    case 'P':
      return 'toggle-pseudonyms';
    default:
      return null;
  }
}

/** The step a move lands on, kept within the presentation (no wrap-around: the end stays the end). */
export function stepAfter(index: number, move: 'next' | 'previous' | 'first' | 'last', count: number): number {
  const last = Math.max(0, count - 1);
  if (move === 'first') return 0;
  if (move === 'last') return last;
  return Math.min(last, Math.max(0, index + (move === 'next' ? 1 : -1)));
}

/** "3 of 9". */
export function stepCounter(index: number, count: number): string {
  return `${index + 1} of ${count}`;
}
