import { useState } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { CaseMap, type MapPosition } from '../map/CaseMap';
import { useMapScene } from '../map/useMapScenes';
import type { MapHighlight } from '../../shared/scene/highlight';
import { SystemTable } from '../tables/SystemTable';

interface SystemPanelProps {
  kase: Case;
  system: SystemId;
  highlight: MapHighlight | null;
  /** The zoom the three maps share; null lets this map fit itself (focus mode). */
  zoom: number | null;
  onFitZoom: (zoom: number | null) => void;
  focused: boolean;
  onToggleFocus: () => void;
  onRelayout: () => void;
  onAddRelation: () => void;
  onMovePerson: (personId: string, position: MapPosition) => void;
  onConnectPeople: (fromId: string, toId: string) => void;
  onSelectPerson: (personId: string | null) => void;
  selectedPersonId: string | null;
}

/**
 * One of the three panels of a case: the system's name, its tools, and its
 * map or the same map as a table. The map stays mounted while the table
 * shows, so switching back does not redraw or re-lay it out.
 */
export function SystemPanel({
  kase,
  system,
  highlight,
  zoom,
  onFitZoom,
  focused,
  onToggleFocus,
  onRelayout,
  onAddRelation,
  onMovePerson,
  onConnectPeople,
  onSelectPerson,
  selectedPersonId,
}: SystemPanelProps) {
  const [view, setView] = useState<'map' | 'table'>('map');
  const headingId = `system-${system}-heading`;
  const nobody = kase.systems[system].members.length === 0;
  const { scene, ms } = useMapScene(kase, system);

  return (
    <section className="system-panel" aria-labelledby={headingId} data-view={view} data-focused={focused ? 'true' : undefined} data-testid={`system-panel-${system}`}>
      <header className="system-panel-header">
        <h2 id={headingId}>{SYSTEM_NAMES[system]}</h2>
        <div className="system-tools" role="toolbar" aria-label={`${SYSTEM_NAMES[system]} tools`}>
          <div className="view-switch" role="group" aria-label={`Show ${SYSTEM_NAMES[system]} as`}>
            <button type="button" aria-pressed={view === 'map'} onClick={() => setView('map')} data-testid={`view-map-${system}`}>
              Map
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')} data-testid={`view-table-${system}`}>
              Table
            </button>
          </div>
          <button type="button" className="button button-small" onClick={onAddRelation} aria-label={`Add relation in ${SYSTEM_NAMES[system]}`}>
            Add relation
          </button>
        </div>
      </header>
      <div className="system-view" hidden={view !== 'map'}>
        <CaseMap
          scene={scene}
          layoutMs={ms}
          highlight={highlight}
          zoom={zoom}
          onFitZoom={onFitZoom}
          focused={focused}
          onToggleFocus={onToggleFocus}
          onRelayout={onRelayout}
          onMovePerson={onMovePerson}
          onConnectPeople={onConnectPeople}
          onSelectPerson={onSelectPerson}
          selectedPersonId={selectedPersonId}
        />
        {nobody && <p className="map-empty">Nobody is in this system yet.</p>}
      </div>
      {view === 'table' && (
        <div className="system-view system-table-view">
          <SystemTable case={kase} system={system} highlight={highlight} />
        </div>
      )}
    </section>
  );
}
