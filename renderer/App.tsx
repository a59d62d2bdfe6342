import { useState } from 'react';
import { SYSTEM_IDS, SYSTEM_NAMES } from '../shared/case/systems';
import type { TriptychBridge } from '../shared/ipc/bridge';
import { CaseListScreen } from './screens/CaseListScreen';
import { CaseScreen } from './screens/CaseScreen';

type Screen = { name: 'case-list'; returningFrom: string | null } | { name: 'case'; caseId: string };

/** The workbench: the case list, or one open case. */
export function App({ bridge }: { bridge: TriptychBridge }) {
  const [screen, setScreen] = useState<Screen>({ name: 'case-list', returningFrom: null });

  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">Triptych</span>
        <span className="app-tagline">{SYSTEM_IDS.map((system) => SYSTEM_NAMES[system]).join(' · ')}</span>
      </header>
      {screen.name === 'case-list' ? (
        <CaseListScreen
          bridge={bridge}
          returningFrom={screen.returningFrom}
          onOpenCase={(caseId) => setScreen({ name: 'case', caseId })}
        />
      ) : (
        <CaseScreen
          bridge={bridge}
          caseId={screen.caseId}
          onBack={() => setScreen({ name: 'case-list', returningFrom: screen.caseId })}
        />
      )}
    </div>
  );
}
