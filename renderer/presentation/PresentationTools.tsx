import { useEffect, useRef, useState } from 'react';
import type { Case } from '../../shared/case/schema';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { ExportDialog } from './ExportDialog';
import { PresentationMode } from './PresentationMode';

interface PresentationToolsProps {
  bridge: TriptychBridge;
  kase: Case;
  /** Saves the case now (the autosave's flush); resolves false when it could not be saved. */
  saveNow: () => Promise<boolean>;
}

/**
 * The case header's Present and Export… buttons and what they open. Neither
 * edits the case: presenting and exporting only read it.
 */
export function PresentationTools({ bridge, kase, saveNow }: PresentationToolsProps) {
  const [presenting, setPresenting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const presentRef = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(false);

  // Back from the presentation, the clinician is where they left: on the Present button.
  useEffect(() => {
    if (wasPresenting.current && !presenting) presentRef.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);

  return (
    <div className="presentation-toolbar" role="group" aria-label="Present and export">
      <button ref={presentRef} type="button" className="button" onClick={() => setPresenting(true)} data-testid="present">
        Present
      </button>
      <button type="button" className="button" onClick={() => setExporting(true)} data-testid="export">
        Export…
      </button>
      {presenting && <PresentationMode kase={kase} onLeave={() => setPresenting(false)} />}
      {exporting && <ExportDialog bridge={bridge} kase={kase} saveNow={saveNow} onClose={() => setExporting(false)} />}
    </div>
  );
}
