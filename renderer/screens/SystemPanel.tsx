import { useState } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { CaseMap, type MapPosition } from '../map/CaseMap';
import type { MapHighlight } from '../map/mapHighlight';

interface SystemPanelProps {
  kase: Case;
  system: SystemId;
  highlight: MapHighlight | null;
  layoutRequest: number;
  onRelayout: () => void;
  onAddRelation: () => void;
  onMovePerson: (personId: string, position: MapPosition) => void;
  onConnectPeople: (fromId: string, toId: string) => void;
  onSelectPerson: (personId: string | null) => void;
  selectedPersonId: string | null;
}

/** One of the three panels of a case: the system's name, its tools, and its map. */
export function SystemPanel({
  kase,
  system,
  highlight,
  layoutRequest,
  onRelayout,
  onAddRelation,
  onMovePerson,
  onConnectPeople,
  onSelectPerson,
  selectedPersonId,
}: SystemPanelProps) {
  const [view] = useState<'map'>('map');
  const headingId = `system-${system}-heading`;
  const nobody = kase.systems[system].members.length === 0;

  return (
    <section className="system-panel" aria-labelledby={headingId} data-view={view}>
      <header className="system-panel-header">
        <h2 id={headingId}>{SYSTEM_NAMES[system]}</h2>
        <div className="system-tools" role="toolbar" aria-label={`${SYSTEM_NAMES[system]} tools`}>
          <button type="button" className="button button-small" onClick={onAddRelation} aria-label={`Add relation in ${SYSTEM_NAMES[system]}`}>
            Add relation
          </button>
          <button type="button" className="button button-small" onClick={onRelayout} aria-label={`Re-layout ${SYSTEM_NAMES[system]}`}>
            Re-layout
          </button>
        </div>
      </header>
      <CaseMap
        case={kase}
        system={system}
        highlight={highlight}
        layoutRequest={layoutRequest}
        onMovePerson={onMovePerson}
        onConnectPeople={onConnectPeople}
        onSelectPerson={onSelectPerson}
        selectedPersonId={selectedPersonId}
      />
      {nobody && <p className="map-empty">Nobody is in this system yet.</p>}
    </section>
  );
}
