// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { EchoPanel } from '../../renderer/echoes/EchoPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');
const echoes = analyzeCase(parseCaseFileText(readFileSync(EXAMPLE, 'utf8'), 'example-01.json').case).echoes;

function Harness({ personFilter = null }: { personFilter?: string | null }) {
  const [selected, setSelected] = useState<string | null>(null);
  return <EchoPanel echoes={echoes} selectedEchoId={selected} onSelect={setSelected} personFilter={personFilter} />;
}

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  // jsdom lays nothing out, so it has no scrolling to do.
  Element.prototype.scrollIntoView = () => undefined;
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const listbox = () => host.querySelector('[role="listbox"]') as HTMLElement;
const selectedIds = () => [...host.querySelectorAll('[role="option"][aria-selected="true"]')].map((o) => o.getAttribute('data-echo-id'));
const shownIds = () => [...host.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-echo-id'));
const press = (key: string) => act(() => listbox().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('EchoPanel', () => {
  it('lists every echo as an option with its label, systems, badges and tentative summary', () => {
    act(() => root.render(<Harness />));
    expect(shownIds()).toEqual(echoes.map((echo) => echo.id));
    const performer = host.querySelector('[data-echo-id="role:exact:performer"]');
    expect(performer?.textContent).toContain('Anxious performer');
    expect(performer?.textContent).toContain('Full parallel process');
    expect(performer?.textContent).toContain('Therapist: concordant');
    expect(host.textContent).toContain('hypothesis to reflect on');
  });

  it('moves with the arrow keys, selects with Enter and clears with Escape', () => {
    act(() => root.render(<Harness />));
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowUp');
    expect(selectedIds()).toEqual([]);
    press('Enter');
    expect(selectedIds()).toEqual([echoes[1]?.id]);
    expect(listbox().getAttribute('aria-activedescendant')).toBe(host.querySelector('[aria-selected="true"]')?.id);
    press('Escape');
    expect(selectedIds()).toEqual([]);
  });

  it('shows only the echoes a selected person takes part in, until "Show all"', () => {
    act(() => root.render(<Harness personFilter="s" />));
    expect(host.textContent).toContain('Showing echoes involving Ruth');
    const involving = echoes
      .filter((echo) => (echo.kind === 'pattern' ? echo.occurrences.some((o) => o.from === 's' || o.to === 's') : echo.occurrences.some((o) => o.person === 's')))
      .map((echo) => echo.id);
    expect(shownIds()).toEqual(involving);
    const showAll = [...host.querySelectorAll('button')].find((button) => button.textContent === 'Show all');
    act(() => showAll?.click());
    expect(shownIds()).toEqual(echoes.map((echo) => echo.id));
  });
});
