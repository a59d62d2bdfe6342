import type { Locator, Page } from 'playwright-core';
import type { SystemId } from '../../shared/case/systems';

/** Screen positions of the people in one map (viewport CSS pixels), by person id. */
export type NodePositions = Record<string, { x: number; y: number }>;

/** The echo panel of an open case, as a clinician uses it. */
export class EchoPanelView {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('echo-panel');
  }

  /** Opens the echo drawer when the window is too narrow for the list to stand beside the maps; waits for the panel. */
  async open(): Promise<void> {
    const handle = this.page.getByTestId('echo-drawer-handle');
    if ((await handle.isVisible()) && (await handle.getAttribute('aria-expanded')) !== 'true') await handle.click();
    await this.root().waitFor();
  }

  /** Hides the echo list again where it is a panel the Echoes button shows (it stays shown on a wide window). */
  async close(): Promise<void> {
    const handle = this.page.getByTestId('echo-drawer-handle');
    if ((await handle.isVisible()) && (await handle.getAttribute('aria-expanded')) === 'true') await handle.click();
  }

  list(): Locator {
    return this.root().getByRole('listbox');
  }

  options(): Locator {
    return this.list().getByRole('option');
  }

  option(echoId: string): Locator {
    return this.list().locator(`[data-echo-id="${echoId}"]`);
  }

  /** The echo ids listed, in the order shown. */
  async echoIds(): Promise<string[]> {
    return this.options().evaluateAll((options) => options.map((option) => option.getAttribute('data-echo-id') ?? ''));
  }

  /** The echo currently selected, or null. */
  async selectedEchoId(): Promise<string | null> {
    const selected = this.list().locator('[role="option"][aria-selected="true"]');
    return (await selected.count()) === 0 ? null : selected.first().getAttribute('data-echo-id');
  }

  /** The line saying whose echoes are shown, when a person is selected. */
  filterLine(): Locator {
    return this.root().getByTestId('echo-filter');
  }
}

/** One system's map and table on the open case. */
export class SystemView {
  constructor(
    readonly page: Page,
    readonly system: SystemId,
  ) {}

  map(): Locator {
    return this.page.getByTestId(`map-${this.system}`);
  }

  /** How many nodes and edges the selected echo highlights in this map. */
  async highlightedCount(): Promise<number> {
    return Number(await this.map().getAttribute('data-highlighted-count'));
  }

  /** Waits until the map reports `count` highlighted elements. */
  async waitForHighlighted(count: number): Promise<void> {
    await this.page.waitForFunction(
      ([system, n]) => document.querySelector(`[data-testid="map-${system}"]`)?.getAttribute('data-highlighted-count') === String(n),
      [this.system, count] as const,
    );
  }

  /** Where each person is drawn, for pressing on them with the mouse. */
  async nodePositions(): Promise<NodePositions> {
    return JSON.parse((await this.map().getAttribute('data-node-positions')) ?? '{}') as NodePositions;
  }

  /** Scrolls the map into view and returns where one person is drawn now. */
  async pointAt(personId: string): Promise<{ x: number; y: number }> {
    await this.map().scrollIntoViewIfNeeded();
    // The positions are refreshed on the next animation frame after a scroll.
    await this.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const point = (await this.nodePositions())[personId];
    if (!point) throw new Error(`${personId} is not drawn in the ${this.system} map`);
    return point;
  }

  /** The panel of this system (its heading, tools, map or table). */
  panel(): Locator {
    return this.page.locator('section').filter({ has: this.map().or(this.table()) }).first();
  }

  table(): Locator {
    return this.page.getByTestId(`table-${this.system}`);
  }

  /** Switches this system to its table view. */
  async showTable(): Promise<void> {
    await this.toggle(/table/i);
    await this.table().waitFor();
  }

  /** Switches this system back to its map. */
  async showMap(): Promise<void> {
    await this.toggle(/map/i);
    await this.map().waitFor();
  }

  /** The person ids and relation ids of the rows the table marks as highlighted. */
  async highlightedRows(): Promise<{ people: string[]; relations: string[] }> {
    const rows = this.table().locator('tr[data-highlighted="true"]');
    const ids = await rows.evaluateAll((found) =>
      found.map((row) => ({ person: row.getAttribute('data-person-id'), relation: row.getAttribute('data-relation-id') })),
    );
    return {
      people: ids.flatMap((id) => (id.person === null ? [] : [id.person])).sort(),
      relations: ids.flatMap((id) => (id.relation === null ? [] : [id.relation])).sort(),
    };
  }

  private async toggle(name: RegExp): Promise<void> {
    const section = this.page.locator('section.system-panel').filter({ has: this.page.locator(`#system-${this.system}-heading`) });
    const control = section
      .getByRole('button', { name })
      .or(section.getByRole('radio', { name }))
      .or(section.getByRole('tab', { name }))
      .first();
    await control.click();
  }
}

/** The caseload view. */
export class CaseloadView {
  constructor(readonly page: Page) {}

  /** Opens the caseload from the app bar and waits until it has loaded. */
  async open(): Promise<void> {
    await this.page
      .getByRole('button', { name: 'Caseload', exact: true })
      .or(this.page.getByRole('link', { name: 'Caseload', exact: true }))
      .first()
      .click();
    await this.page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await this.page.getByTestId('caseload-therapist').first().waitFor();
  }

  therapist(name: string): Locator {
    return this.page.getByTestId('caseload-therapist').filter({ has: this.page.getByRole('heading', { level: 2, name }) });
  }

  holding(therapist: string, key: string): Locator {
    return this.therapist(therapist).locator(`[data-testid="recurring-holding"][data-key="${key}"]`);
  }
}
