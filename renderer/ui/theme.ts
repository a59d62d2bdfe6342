import { useEffect, useState } from 'react';

/** What the clinician chose in the app bar: follow the system, or a fixed scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'triptych.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The remembered choice; a preference of this browser profile, never case data. */
export function storedThemeChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return CHOICES.find((choice) => choice === value) ?? 'system';
  } catch {
    return 'system';
  }
}

/**
 * Marks the page with the scheme in force (`<html data-theme>`), which the
 * stylesheet and the maps' canvas read; 'system' resolves through the media query.
 */
export function applyThemeChoice(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.themeChoice = choice;
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/** The theme choice, remembered across starts and kept applied while the system scheme changes. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(storedThemeChoice);
  useEffect(() => {
    applyThemeChoice(choice);
    try {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage can be disabled; the choice still holds until the window closes.
    }
    if (choice !== 'system') return;
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => applyThemeChoice('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [choice]);
  return [choice, setChoice];
}
