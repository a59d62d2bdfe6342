import { useId, useMemo, useState } from 'react';
import { analyzeCase } from '../../shared/analysis/index';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES } from '../../shared/case/systems';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { BUNDLED_PROMPTS } from '../../shared/presentation/bundledPrompts';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { echoHighlights } from '../../shared/scene/highlight';
import { omittedNote } from '../../shared/presentation/handoutFit';
import { renderHandout, type HandoutPages, type Paper } from '../../shared/presentation/handoutHtml';
import { renderMapImage, type MapImageTarget } from '../../shared/presentation/mapImage';
import { HIGHLIGHT_COLOURS } from '../../shared/scene/palette';
import { Dialog } from '../ui/Dialog';
import { bytesFromBase64, downloadFile } from './downloadFile';
import { HandoutPreview } from './HandoutPreview';
import { pngFromSvg, pngPixelSize } from './mapPicture';

type ExportFormat = 'pdf' | 'png' | 'svg';

interface ExportDialogProps {
  bridge: TriptychBridge;
  kase: Case;
  /** Saves the case now; resolves false when it could not be saved (the handout is printed from the stored case). */
  saveNow: () => Promise<boolean>;
  onClose: () => void;
}

const FORMATS: readonly { value: ExportFormat; label: string }[] = [
  { value: 'pdf', label: 'PDF handout' },
  { value: 'png', label: 'PNG picture of the maps' },
  { value: 'svg', label: 'SVG picture of the maps' },
];
const MAX_ECHOES = HIGHLIGHT_COLOURS.length;
const IMAGE_COLOUR = HIGHLIGHT_COLOURS[0] as string;

/**
 * Everything that leaves the app from a case screen: a PDF handout, or a
 * picture of one map or all three (PNG at 2x or 3x, or SVG), each with a
 * preview of exactly what will be saved. De-identify is on by default, so
 * sharing safely takes no extra step and sharing names takes a deliberate one.
 */
export function ExportDialog({ bridge, kase, saveNow, onClose }: ExportDialogProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [deidentify, setDeidentify] = useState(true);
  const [paper, setPaper] = useState<Paper>('A4');
  const [pages, setPages] = useState<HandoutPages>(3);
  const [target, setTarget] = useState<MapImageTarget>('all');
  const [scale, setScale] = useState<2 | 3>(2);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const shown = useMemo(() => (deidentify ? deidentifyCase(kase).case : kase), [kase, deidentify]);
  const echoes = useMemo(() => analyzeCase(shown).echoes, [shown]);
  const [handoutEchoIds, setHandoutEchoIds] = useState<string[]>(() => echoes.slice(0, MAX_ECHOES).map((echo) => echo.id));
  const [imageEchoId, setImageEchoId] = useState<string>(() => echoes[0]?.id ?? '');

  const handout = useMemo(
    () =>
      format === 'pdf'
        ? renderHandout({ kase, deidentify, paper, pages, selectedEchoIds: handoutEchoIds, date: localDate(new Date()), prompts: BUNDLED_PROMPTS })
        : null,
    [format, kase, deidentify, paper, pages, handoutEchoIds],
  );
  const image = useMemo(() => {
    if (format === 'pdf') return null;
    const echo = echoes.find((candidate) => candidate.id === imageEchoId);
    if (echo === undefined) return renderMapImage(shown, target);
    return renderMapImage(shown, target, {
      highlights: echoHighlights(shown, echo, IMAGE_COLOUR),
      legend: [{ colour: IMAGE_COLOUR, label: echo.wording.label }],
    });
  }, [format, shown, echoes, imageEchoId, target]);

  const toggleHandoutEcho = (echoId: string, on: boolean) =>
    setHandoutEchoIds((ids) => (on ? [...ids, echoId].slice(0, MAX_ECHOES) : ids.filter((idOf) => idOf !== echoId)));

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (format === 'pdf') await saveHandout();
      else if (image !== null) {
        const name = `map-${target === 'all' ? 'all-three' : target}-${kase.id}${deidentify ? '-deidentified' : ''}`;
        if (format === 'svg') downloadFile(`${name}.svg`, new Blob([image.svg], { type: 'image/svg+xml' }));
        else downloadFile(`${name}@${scale}x.png`, await pngFromSvg(image.svg, image, scale));
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const saveHandout = async () => {
    if (!(await saveNow())) {
      setProblem('The latest changes to this case are not saved yet, and the handout is printed from the saved case. Try again once the case is saved.');
      return;
    }
    const result = await bridge.printHandout({ caseId: kase.id, deidentify, paper, pages, selectedEchoIds: handoutEchoIds });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    downloadFile(result.value.fileName, new Blob([bytesFromBase64(result.value.pdfBase64)], { type: 'application/pdf' }));
  };

  const pixels = image !== null && format === 'png' ? pngPixelSize(image, scale) : null;

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog" describedBy={`${id}-about`}>
      <div className="export-dialog">
        <div className="export-options">
          <p id={`${id}-about`} className="field-hint">
            The preview shows exactly what will be saved.
          </p>
          <fieldset className="field">
            <legend className="field-label">What to export</legend>
            {FORMATS.map((option) => (
              <label key={option.value} className="check">
                <input type="radio" name={`${id}-format`} value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
                {option.label}
              </label>
            ))}
          </fieldset>

          <label className="check export-switch">
            <input type="checkbox" role="switch" checked={deidentify} onChange={(event) => setDeidentify(event.target.checked)} data-testid="export-deidentify" />
            De-identify (names replaced by neutral labels)
          </label>
          {!deidentify && <p className="notice export-warning">Names will be included. Keep this within the clinical team.</p>}

          {format === 'pdf' ? (
            <>
              <div className="field-pair">
                <label className="field">
                  <span className="field-label">Paper</span>
                  <select value={paper} onChange={(event) => setPaper(event.target.value as Paper)}>
                    <option value="A4">A4</option>
                    <option value="Letter">Letter</option>
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">Pages, at most</span>
                  <select value={pages} onChange={(event) => setPages(Number(event.target.value) as HandoutPages)}>
                    <option value={1}>1</option>
                    <option value={2}>2</option>
                    <option value={3}>3</option>
                  </select>
                </label>
              </div>
              {handout !== null && (
                <p className="field-hint" data-testid="handout-fit">
                  Takes {handout.fit.sheets.length} {handout.fit.sheets.length === 1 ? 'page' : 'pages'}.{' '}
                  {handout.fit.omitted.length > 0 && `${omittedNote(handout.fit.omitted)}${pages < 3 ? ' Allow more pages to make room.' : ''}`}
                </p>
              )}
              <fieldset className="field">
                <legend className="field-label">Echoes to highlight and ask about (up to {MAX_ECHOES})</legend>
                {echoes.length === 0 && <p className="field-hint">This case has no echoes yet.</p>}
                {echoes.length > 0 && handoutEchoIds.length === 0 && <p className="field-hint">None chosen: the first {MAX_ECHOES} are used.</p>}
                <ul className="export-echoes">
                  {echoes.map((echo) => {
                    const chosen = handoutEchoIds.includes(echo.id);
                    return (
                      <li key={echo.id}>
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={chosen}
                            disabled={!chosen && handoutEchoIds.length >= MAX_ECHOES}
                            onChange={(event) => toggleHandoutEcho(echo.id, event.target.checked)}
                            data-echo-id={echo.id}
                          />
                          {echo.wording.label}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            </>
          ) : (
            <>
              <label className="field">
                <span className="field-label">Which map</span>
                <select value={target} onChange={(event) => setTarget(event.target.value as MapImageTarget)} data-testid="export-target">
                  <option value="all">All three side by side</option>
                  {SYSTEM_IDS.map((system) => (
                    <option key={system} value={system}>
                      {SYSTEM_NAMES[system]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Highlight an echo</span>
                <select value={imageEchoId} onChange={(event) => setImageEchoId(event.target.value)} data-testid="export-echo">
                  <option value="">None</option>
                  {echoes.map((echo) => (
                    <option key={echo.id} value={echo.id}>
                      {echo.wording.label}
                    </option>
                  ))}
                </select>
              </label>
              {format === 'png' && (
                <fieldset className="field">
                  <legend className="field-label">Resolution</legend>
                  {([2, 3] as const).map((value) => (
                    <label key={value} className="check">
                      <input type="radio" name={`${id}-scale`} value={value} checked={scale === value} onChange={() => setScale(value)} />
                      {value}x
                    </label>
                  ))}
                  {pixels && (
                    <p className="field-hint" data-testid="export-pixels">
                      {pixels.width} × {pixels.height} pixels
                    </p>
                  )}
                </fieldset>
              )}
            </>
          )}

          {problem !== null && (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} data-testid="export-save" data-autofocus>
              {busy ? 'Saving…' : format === 'pdf' ? 'Save PDF' : `Save ${format.toUpperCase()}`}
            </button>
          </div>
        </div>

        <div className="export-preview">
          {format === 'pdf' ? (
            <HandoutPreview html={handout?.html ?? ''} paper={paper} />
          ) : (
            image && (
              // Our own markup from mapSvg.ts, every text escaped there: the picture exactly as it is saved.
              <div className="export-image" data-testid="image-preview" role="img" aria-label="Preview of the picture" dangerouslySetInnerHTML={{ __html: image.svg }} />
            )
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** Today in the computer's own time zone, as YYYY-MM-DD, as the handout's printer dates it. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
