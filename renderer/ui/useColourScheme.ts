import { useEffect, useState } from 'react';

/** The colour scheme in force on the page, kept current as the clinician or their system switches it. */
export type ColourScheme = 'light' | 'dark';

function currentScheme(): ColourScheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/**
 * Follows `<html data-theme>` (set by the theme choice, which itself follows
 * `prefers-color-scheme` by default), for what CSS cannot reach (the maps' canvas).
 */
export function useColourScheme(): ColourScheme {
  const [scheme, setScheme] = useState<ColourScheme>(currentScheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setScheme(currentScheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    setScheme(currentScheme());
    return () => observer.disconnect();
  }, []);
  return scheme;
}
