import type { Core } from 'cytoscape';
import { useEffect, useState, type MouseEvent } from 'react';
import type { MapScene } from '../../shared/scene/mapScene';

const WIDTH = 132;
const HEIGHT = 96;

interface MapOverviewProps {
  cy: Core | null;
  scene: MapScene;
}

interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where the view is in a large map: the whole scene in miniature (people as
 * dots in their colours) with the part on screen outlined. Shown while part of
 * the map is out of view; a click there brings that part to the middle.
 */
export function MapOverview({ cy, scene }: MapOverviewProps) {
  const [extent, setExtent] = useState<Extent | null>(null);

  useEffect(() => {
    if (!cy) return;
    let frame = 0;
    const update = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const { x1, y1, x2, y2 } = cy.extent();
        setExtent({ x1, y1, x2, y2 });
      });
    };
    update();
    cy.on('viewport resize', update);
    return () => {
      cancelAnimationFrame(frame);
      cy.off('viewport resize', update);
    };
  }, [cy]);

  const { bounds } = scene;
  if (!cy || !extent || scene.people.length === 0) return null;
  const wholeInView = extent.x1 <= bounds.x && extent.y1 <= bounds.y && extent.x2 >= bounds.x + bounds.width && extent.y2 >= bounds.y + bounds.height;
  if (wholeInView) return null;

  const scale = Math.min(WIDTH / Math.max(bounds.width, 1), HEIGHT / Math.max(bounds.height, 1));
  const toX = (x: number) => (x - bounds.x) * scale + (WIDTH - bounds.width * scale) / 2;
  const toY = (y: number) => (y - bounds.y) * scale + (HEIGHT - bounds.height * scale) / 2;
  const view = {
    x: Math.max(0, toX(extent.x1)),
    y: Math.max(0, toY(extent.y1)),
    x2: Math.min(WIDTH, toX(extent.x2)),
    y2: Math.min(HEIGHT, toY(extent.y2)),
  };
  const centreOn = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - (WIDTH - bounds.width * scale) / 2) / scale + bounds.x;
    const y = (event.clientY - box.top - (HEIGHT - bounds.height * scale) / 2) / scale + bounds.y;
    cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
  };

  return (
    <svg
      className="map-overview"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label="Overview of the whole map; the outlined part is on screen"
      data-testid={`map-overview-${scene.system}`}
      onClick={centreOn}
    >
      {scene.people.map((person) => (
        <circle key={person.personId} cx={toX(person.centre.x)} cy={toY(person.centre.y)} r={2.5} fill={person.colour} />
      ))}
      <rect x={view.x} y={view.y} width={Math.max(2, view.x2 - view.x)} height={Math.max(2, view.y2 - view.y)} className="map-overview-view" />
    </svg>
  );
}
