import { useMemo } from 'react';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';
import { CaseMap } from '../map/CaseMap';
import { systemMapElements } from '../map/elements';

interface SystemPanelProps {
  kase: Case;
  system: SystemId;
  layoutRequest: number;
}

/** One of the three panels of a case: the system's name, its map, and the same map in words. */
export function SystemPanel({ kase, system, layoutRequest }: SystemPanelProps) {
  const elements = useMemo(() => systemMapElements(kase, system), [kase, system]);
  const headingId = `system-${system}-heading`;
  const names = elements.nodes.map((node) => node.data.label);
  const nameOf = new Map(elements.nodes.map((node) => [node.data.id, node.data.label]));
  const relationCount = elements.edges.length === 1 ? '1 relation' : `${elements.edges.length} relations`;
  const description =
    names.length === 0
      ? `${SYSTEM_NAMES[system]} map: nobody is in this system yet`
      : `${SYSTEM_NAMES[system]} map: ${names.join(', ')}; ${relationCount}`;

  return (
    <section className="system-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{SYSTEM_NAMES[system]}</h2>
      <CaseMap elements={elements} layoutRequest={layoutRequest} description={description} testId={`map-${system}`} />
      {names.length === 0 && <p className="map-empty">Nobody is in this system yet.</p>}
      <ul className="visually-hidden" aria-label={`${SYSTEM_NAMES[system]} relations`}>
        {elements.edges.map((edge) => (
          <li key={edge.data.id}>
            {edge.data.source === edge.data.target
              ? `${nameOf.get(edge.data.source)} toward themself`
              : `${nameOf.get(edge.data.source)} toward ${nameOf.get(edge.data.target)}`}
            {edge.data.label === '' ? '' : `: ${edge.data.label}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
