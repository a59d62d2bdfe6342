import { useMemo } from 'react';
import type { Case } from '../../shared/case/schema';
import type { SystemId } from '../../shared/case/systems';
import { mapScene, type MapScene } from '../../shared/scene/mapScene';

/** One system's scene and how long making it took (arranging a map that was never arranged is the costly part). */
export interface TimedScene {
  scene: MapScene;
  ms: number;
}

/**
 * The scene of one system's map, made again only when what it draws changes:
 * its members and relations, the cast's names, the case's own roles. The
 * highlight is not part of it: the map marks the highlight on its own, so
 * choosing an echo never rebuilds or re-arranges a map.
 */
export function useMapScene(kase: Case, system: SystemId): TimedScene {
  const { people, customRoles } = kase;
  const content = kase.systems[system];
  return useMemo(() => {
    const started = performance.now();
    const scene = mapScene(kase, system);
    return { scene, ms: performance.now() - started };
    // `kase` is read only through the parts listed: an edit elsewhere keeps this map's scene.
  }, [people, customRoles, content, system]);
}
