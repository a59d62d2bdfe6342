import { useCallback, useEffect, useRef, useState } from 'react';
import type { TriptychBridge } from '../shared/ipc/bridge';
import { CaseListScreen } from './caselist/CaseListScreen';
import { CaseloadScreen } from './caseload/CaseloadScreen';
import { CaseScreen, type LeaveGuard } from './screens/CaseScreen';
import { HelpPanel } from './ui/HelpPanel';
import { isTypingTarget } from './ui/keyboard';
import { ThemePicker } from './ui/ThemePicker';
import { useThemeChoice } from './ui/theme';
import { useMenuCommand } from './ui/useMenuCommand';

type Screen = { name: 'case-list'; returningFrom: string | null } | { name: 'case'; caseId: string } | { name: 'caseload' };

/** The workbench: the app bar (navigation, theme, help), and the case list or one open case. */
export function App({ bridge }: { bridge: TriptychBridge }) {
  const [screen, setScreen] = useState<Screen>({ name: 'case-list', returningFrom: null });
  const [theme, setTheme] = useThemeChoice();
  const [helpOpen, setHelpOpen] = useState(false);
  const leaveGuard = useRef<LeaveGuard | null>(null);

  const registerLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    leaveGuard.current = guard;
  }, []);

  // Every way off the case screen saves first; a refused save keeps the clinician there to see why.
  const go = async (next: Screen) => {
    if (leaveGuard.current && !(await leaveGuard.current())) return;
    setScreen(next);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const help = event.key === 'F1' || (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target));
      if (!help) return;
      event.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useMenuCommand('show-shortcuts', () => setHelpOpen(true));

  const onCaseList = screen.name === 'case-list';

  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">Triptych</span>
        <nav className="app-nav" aria-label="Main">
          <button
            type="button"
            className="app-nav-item"
            aria-current={onCaseList ? 'page' : undefined}
            onClick={() => void go({ name: 'case-list', returningFrom: screen.name === 'case' ? screen.caseId : null })}
          >
            Cases
          </button>
          <button
            type="button"
            className="app-nav-item"
            aria-current={screen.name === 'caseload' ? 'page' : undefined}
            onClick={() => void go({ name: 'caseload' })}
          >
            Caseload
          </button>
        </nav>
        <div className="app-bar-end">
          <ThemePicker choice={theme} onChoose={setTheme} />
          <button type="button" className="button button-icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setHelpOpen(true)}>
            ?
          </button>
        </div>
      </header>
      {screen.name === 'case-list' && (
        <CaseListScreen
          bridge={bridge}
          returningFrom={screen.returningFrom}
          onOpenCase={(caseId) => setScreen({ name: 'case', caseId })}
        />
      )}
      {screen.name === 'caseload' && <CaseloadScreen bridge={bridge} onOpenCase={(caseId) => setScreen({ name: 'case', caseId })} />}
      {screen.name === 'case' && (
        <CaseScreen
          bridge={bridge}
          caseId={screen.caseId}
          registerLeaveGuard={registerLeaveGuard}
          onBack={() => setScreen({ name: 'case-list', returningFrom: screen.caseId })}
        />
      )}
      {helpOpen && <HelpPanel onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
