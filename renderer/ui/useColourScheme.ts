import { useEffect, useState } from 'react';

/** The colour scheme the clinician's system asks for, kept current as they switch it. */
export type ColourScheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Follows `prefers-color-scheme`, for what CSS cannot reach (the maps' canvas). */
export function useColourScheme(): ColourScheme {
  const [scheme, setScheme] = useState<ColourScheme>(() => (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'));
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => setScheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return scheme;
}
