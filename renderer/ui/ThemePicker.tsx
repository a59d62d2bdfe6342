import type { ThemeChoice } from './theme';

/** The app bar's theme choice: follow the system, or always light, or always dark. */
export function ThemePicker({ choice, onChoose }: { choice: ThemeChoice; onChoose: (choice: ThemeChoice) => void }) {
  return (
    <label className="app-bar-field">
      <span>Theme</span>
      <select value={choice} onChange={(event) => onChoose(event.target.value as ThemeChoice)} data-testid="theme-choice">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
