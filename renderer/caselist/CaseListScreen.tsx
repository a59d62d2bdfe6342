import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Case } from '../../shared/case/schema';
import type { TriptychBridge } from '../../shared/ipc/bridge';
import { StoreNotice } from '../screens/StoreNotice';
import { AlertDialog } from '../ui/AlertDialog';
import { formatLastChange } from '../ui/formatDate';
import { Toast, type ToastMessage } from '../ui/Toast';
import { useBridgeCall } from '../ui/useBridgeCall';
import { NewCaseDialog } from './NewCaseDialog';
import { TrashView } from './TrashView';
import { downloadCaseFile } from './caseFiles';
import { useCaseLists, type CaseSummary } from './useCaseLists';

interface CaseListScreenProps {
  bridge: TriptychBridge;
  onOpenCase: (caseId: string) => void;
  /** The case the clinician just came back from, which gets the keyboard focus. */
  returningFrom: string | null;
}

type SortOrder = 'changed' | 'title';

/** Matches a case by its title or the name of anyone in it, ignoring case and accents. */
function matches(summary: CaseSummary, query: string): boolean {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const wanted = fold(query.trim());
  return wanted === '' || [summary.title, ...summary.people].some((text) => fold(text).includes(wanted));
}

/**
 * The first screen: every case, most recently changed first, with search,
 * New case, Import, and per case Open, Duplicate, Export and Delete (into
 * the trash, with Undo). Each case opens by click or Enter.
 */
export function CaseListScreen({ bridge, onOpenCase, returningFrom }: CaseListScreenProps) {
  const lists = useCaseLists(bridge);
  const status = useBridgeCall(() => bridge.getStoreStatus({}), 'status');
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>('changed');
  const [showTrash, setShowTrash] = useState(false);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const focusAfterReload = useRef<string | null>(returningFrom);

  const cases = lists.cases;
  useEffect(() => {
    const id = focusAfterReload.current;
    if (cases === null || id === null) return;
    const row = listRef.current?.querySelector<HTMLButtonElement>(`[data-case-id="${CSS.escape(id)}"]`);
    if (row) {
      row.focus();
      focusAfterReload.current = null;
    }
  }, [cases]);

  const shown = useMemo(() => {
    const found = (cases ?? []).filter((summary) => matches(summary, query));
    return found.sort((a, b) =>
      order === 'title' ? a.title.localeCompare(b.title) : b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title),
    );
  }, [cases, query, order]);

  const failed = (title: string, message: string) => setProblem({ title, message });

  const create = async (kase: Case): Promise<string | null> => {
    const result = await bridge.createCase({ case: kase });
    if (!result.ok) return result.error.message;
    setCreating(false);
    onOpenCase(result.value.case.id);
    return null;
  };

  const duplicate = async (summary: CaseSummary) => {
    const result = await bridge.duplicateCase({ id: summary.id });
    if (!result.ok) return failed('The case could not be duplicated', result.error.message);
    focusAfterReload.current = result.value.case.id;
    await lists.reload();
    setToast({ text: `Made a copy: “${result.value.case.title}”.` });
  };

  const restore = async (caseId: string) => {
    const result = await bridge.restoreCase({ id: caseId });
    if (!result.ok) return failed('The case could not be restored', result.error.message);
    focusAfterReload.current = caseId;
    await lists.reload();
    setToast({ text: `Restored “${result.value.case.title}”.` });
  };

  const trash = async (summary: CaseSummary) => {
    const result = await bridge.trashCase({ id: summary.id });
    if (!result.ok) return failed('The case could not be moved to the trash', result.error.message);
    await lists.reload();
    setToast({ text: `Moved “${summary.title}” to the trash.`, action: { label: 'Undo', run: () => void restore(summary.id) } });
  };

  const exportCase = async (summary: CaseSummary) => {
    const result = await bridge.exportCase({ id: summary.id });
    if (!result.ok) return failed('The case could not be exported', result.error.message);
    downloadCaseFile(result.value.fileName, result.value.text);
    setToast({ text: `Exported “${summary.title}” as ${result.value.fileName}.` });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) fires a change.
    input.value = '';
    if (!file) return;
    const result = await bridge.importCase({ fileName: file.name, text: await file.text() });
    if (!result.ok) return failed('This file could not be imported', result.error.message);
    focusAfterReload.current = result.value.case.id;
    await lists.reload();
    setToast({ text: `Imported “${result.value.case.title}”.` });
  };

  const emptyTrash = async () => {
    const result = await bridge.emptyTrash({});
    if (!result.ok) return failed('The trash could not be emptied', result.error.message);
    await lists.reload();
    setToast({ text: result.value.removed === 1 ? 'Deleted 1 case for good.' : `Deleted ${result.value.removed} cases for good.` });
  };

  const count = cases?.length ?? 0;
  const takenIds = [...(cases ?? []).map((c) => c.id), ...lists.trash.map((c) => c.id)];

  return (
    <main className="screen" aria-labelledby="case-list-heading">
      <header className="screen-header">
        <div>
          <h1 id="case-list-heading">Cases</h1>
          {cases !== null && <p className="muted">{count === 1 ? '1 case' : `${count} cases`}</p>}
        </div>
        <div className="screen-actions">
          <button type="button" className="button" onClick={() => fileRef.current?.click()}>
            Import…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-file"
            onChange={(event) => void importFile(event)}
          />
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New case
          </button>
        </div>
      </header>

      {status.state === 'ready' && <StoreNotice quarantined={status.value.quarantined} />}

      <div className="list-controls">
        <label className="field search-field">
          <span className="visually-hidden">Search cases by title or name</span>
          <input
            type="search"
            placeholder="Search by title or name"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="case-search"
          />
        </label>
        <label className="field sort-field">
          <span className="field-label-inline">Sort by</span>
          <select value={order} onChange={(event) => setOrder(event.target.value as SortOrder)} data-testid="case-sort">
            <option value="changed">Last change</option>
            <option value="title">Title</option>
          </select>
        </label>
        <button type="button" className="button" aria-pressed={showTrash} onClick={() => setShowTrash((on) => !on)} data-testid="trash-toggle">
          Trash{lists.trash.length > 0 ? ` (${lists.trash.length})` : ''}
        </button>
      </div>

      {cases === null && lists.error === null && (
        <p className="muted" role="status">
          Opening your cases…
        </p>
      )}
      {lists.error !== null && (
        <p className="notice" role="alert">
          {lists.error.message}
        </p>
      )}
      {cases !== null && count === 0 && <p className="muted empty-state">There are no cases yet. Start one with New case, or import a case file.</p>}
      {cases !== null && count > 0 && shown.length === 0 && <p className="muted empty-state">No case matches “{query}”.</p>}

      {shown.length > 0 && (
        <div className="case-table">
          <div className="case-table-head" aria-hidden="true">
            <span>Case</span>
            <span>People</span>
            <span>Last change</span>
          </div>
          <ul className="case-list" aria-label="Cases" ref={listRef}>
            {shown.map((summary) => (
              <li key={summary.id} className="case-item">
                <button
                  type="button"
                  className="case-row"
                  data-testid="case-row"
                  data-case-id={summary.id}
                  onClick={() => onOpenCase(summary.id)}
                >
                  <span className="case-title">{summary.title}</span>
                  <span className="case-people">
                    <span className="visually-hidden">People: </span>
                    {summary.people.join(', ')}
                  </span>
                  <span className="case-updated">
                    <span className="visually-hidden">Last changed </span>
                    <time dateTime={summary.updatedAt}>{formatLastChange(summary.updatedAt)}</time>
                  </span>
                </button>
                <div className="case-actions">
                  <button type="button" className="button button-quiet" aria-label={`Duplicate ${summary.title}`} onClick={() => void duplicate(summary)}>
                    Duplicate
                  </button>
                  <button type="button" className="button button-quiet" aria-label={`Export ${summary.title}`} onClick={() => void exportCase(summary)}>
                    Export
                  </button>
                  <button type="button" className="button button-quiet" aria-label={`Delete ${summary.title}`} onClick={() => void trash(summary)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}

      {showTrash && <TrashView trash={lists.trash} onRestore={(id) => void restore(id)} onEmpty={() => void emptyTrash()} />}

      <Toast toast={toast} onDismiss={() => setToast(null)} />
      {creating && <NewCaseDialog takenIds={takenIds} onCreate={create} onClose={() => setCreating(false)} />}
      {problem && <AlertDialog title={problem.title} message={problem.message} onClose={() => setProblem(null)} />}
    </main>
  );
}
