import type { Core, EventObject, NodeSingular } from 'cytoscape';

const GHOST_TARGET = 'ghost:target';
const GHOST_EDGE = 'ghost:edge';

/** How the edge-drawing gesture learns when it may start and reports a finished drag. */
export interface ConnectGestureOptions {
  /** True while presses on a person should draw a relation rather than move the person (connect mode). */
  connectMode: () => boolean;
  /** A press on `fromPersonId` was released on `toPersonId` (the same id for a relation to themself). */
  onConnect: (fromPersonId: string, toPersonId: string) => void;
  /** Whether people may be dragged to move them when no relation is being drawn. */
  movable: () => boolean;
}

/** The live gesture: `refresh` re-reads connect mode; `dispose` removes every listener it added. */
export interface ConnectGesture {
  refresh(): void;
  /** True while a relation is being drawn or was just finished by this tap (so the tap does not also select). */
  busy(): boolean;
  dispose(): void;
}

/**
 * Drawing a relation in a map: press on a person with Shift held (or in
 * connect mode), drag (a dashed ghost edge follows the pointer) and release
 * on another person, or on the same one for their stance toward themself.
 * While armed, people cannot be grabbed and the map cannot be panned, so the
 * drag draws instead of moving someone.
 */
export function attachConnectGesture(cy: Core, options: ConnectGestureOptions): ConnectGesture {
  let shiftHeld = false;
  let source: NodeSingular | null = null;
  let justFinished = false;
  const armed = () => shiftHeld || options.connectMode();
  const refresh = () => {
    if (source === null) cy.autoungrabify(armed() || !options.movable());
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Shift') return;
    shiftHeld = event.type === 'keydown';
    refresh();
  };
  const onBlur = () => {
    shiftHeld = false;
    refresh();
  };

  const start = (event: EventObject) => {
    justFinished = false;
    const pressed = event.target as Core | NodeSingular;
    if (pressed === cy || !(pressed as NodeSingular).isNode()) return;
    const withShift = (event.originalEvent as MouseEvent | undefined)?.shiftKey === true;
    if (!(armed() || withShift) || (pressed as NodeSingular).hasClass('ghost')) return;
    const from = pressed as NodeSingular;
    source = from;
    cy.userPanningEnabled(false);
    cy.autoungrabify(true);
    cy.batch(() => {
      from.addClass('connect-source');
      cy.add({ group: 'nodes', data: { id: GHOST_TARGET }, position: { ...event.position }, classes: 'ghost' });
      cy.add({ group: 'edges', data: { id: GHOST_EDGE, source: from.id(), target: GHOST_TARGET }, classes: 'ghost' });
    });
  };
  const follow = (event: EventObject) => {
    if (source === null) return;
    cy.getElementById(GHOST_TARGET).position({ ...event.position });
  };
  const finish = (event: EventObject) => {
    if (source === null) return;
    const from = source;
    source = null;
    cy.batch(() => {
      cy.getElementById(GHOST_EDGE).remove();
      cy.getElementById(GHOST_TARGET).remove();
      from.removeClass('connect-source');
    });
    cy.userPanningEnabled(true);
    refresh();
    const target = event.target as Core | NodeSingular;
    justFinished = true;
    if (target === cy || !(target as NodeSingular).isNode() || (target as NodeSingular).hasClass('ghost')) return;
    options.onConnect(String(from.data('personId')), String((target as NodeSingular).data('personId')));
  };

  const win = cy.container()?.ownerDocument.defaultView ?? window;
  win.addEventListener('keydown', onKey);
  win.addEventListener('keyup', onKey);
  win.addEventListener('blur', onBlur);
  cy.on('tapstart', start);
  cy.on('tapdrag', follow);
  cy.on('tapend', finish);
  refresh();

  return {
    refresh,
    busy: () => source !== null || justFinished,
    dispose: () => {
      win.removeEventListener('keydown', onKey);
      win.removeEventListener('keyup', onKey);
      win.removeEventListener('blur', onBlur);
      cy.off('tapstart', start);
      cy.off('tapdrag', follow);
      cy.off('tapend', finish);
    },
  };
}
