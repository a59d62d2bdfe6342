import { useEffect, useState } from 'react';

/**
 * False until the screen has been painted twice, then true: for what sits
 * below the fold, so that a large case's maps (the first thing a clinician
 * looks at) are drawn before the browser lays out long lists nobody can see
 * yet. Two frames, because Cytoscape draws in its own frame callback, which
 * the maps register before this one.
 */
export function useAfterFirstFrames(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setReady(true));
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return ready;
}
