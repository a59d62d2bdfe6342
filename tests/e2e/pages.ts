import type { Locator, Page } from 'playwright-core';
import { SYSTEM_IDS, type SystemId } from '../../shared/case/systems';

/** What one map holds, as Cytoscape reports it on the map's container. */
export interface MapCounts {
  nodes: number;
  edges: number;
}

/** The case list screen, as a clinician uses it. */
export class CaseListScreen {
  constructor(readonly page: Page) {}

  /** One row per case, in the order shown. */
  rows(): Locator {
    return this.page.getByTestId('case-row');
  }

  /** Waits until the list shows `count` cases. */
  async waitForCases(count: number): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-row"]').length === n, count);
  }

  /** The titles of the cases, in the order shown. */
  async titles(): Promise<string[]> {
    return this.rows().locator('.case-title').allTextContents();
  }

  /** Opens a case by clicking its row and waits until its maps are drawn. */
  async open(title: string): Promise<CaseScreen> {
    await this.rows().filter({ hasText: title }).click();
    const screen = new CaseScreen(this.page);
    await screen.waitForMaps(title);
    return screen;
  }
}

/** One open case: its heading and three maps. */
export class CaseScreen {
  constructor(readonly page: Page) {}

  /** The map of one system. */
  map(system: SystemId): Locator {
    return this.page.getByTestId(`map-${system}`);
  }

  /** Waits for the case's heading and for all three maps to be laid out and painted. */
  async waitForMaps(title: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const system of SYSTEM_IDS) await this.map(system).and(this.page.locator('[data-laid-out="true"]')).waitFor();
    // Cytoscape paints on animation frames; two frames later the canvas shows the laid-out graph.
    await this.page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    );
  }

  /** How many nodes and edges Cytoscape holds in one system's map. */
  async counts(system: SystemId): Promise<MapCounts> {
    const map = this.map(system);
    return {
      nodes: Number(await map.getAttribute('data-node-count')),
      edges: Number(await map.getAttribute('data-edge-count')),
    };
  }

  /** Goes back to the case list. */
  async back(): Promise<CaseListScreen> {
    await this.page.getByRole('button', { name: 'All cases' }).click();
    return new CaseListScreen(this.page);
  }
}
