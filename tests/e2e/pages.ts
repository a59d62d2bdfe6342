import type { Download, Locator, Page } from 'playwright-core';
import { SYSTEM_IDS, SYSTEM_NAMES, type SystemId } from '../../shared/case/systems';

/** What one map holds, as Cytoscape reports it on the map's container. */
export interface MapCounts {
  nodes: number;
  edges: number;
}

/** The names a new case starts with. */
export interface NewCaseInput {
  title: string;
  client: string;
  therapist: string;
  supervisor?: string;
}

/** A relation as the Add relation form takes it; roles are role ids of the library. */
export interface RelationInput {
  system: SystemId;
  from: string;
  to: string;
  act?: string;
  fromRole?: string;
  toRole?: string;
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
    await this.rows().filter({ hasText: title }).first().click();
    const screen = new CaseScreen(this.page);
    await screen.waitForMaps(title);
    return screen;
  }

  /** Types into the search field. */
  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search cases by title or name' }).fill(query);
  }

  /** Creates a case with the New case wizard and waits until it is open. */
  async newCase(input: NewCaseInput): Promise<CaseScreen> {
    await this.page.getByRole('button', { name: 'New case' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Title').fill(input.title);
    await dialog.getByLabel("Client's name").fill(input.client);
    await dialog.getByLabel("Therapist's name").fill(input.therapist);
    if (input.supervisor !== undefined) await dialog.getByLabel("Supervisor's name (optional)").fill(input.supervisor);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    const screen = new CaseScreen(this.page);
    await screen.waitForMaps(input.title);
    return screen;
  }

  /** Clicks one of a case's row actions: Duplicate, Export or Delete. */
  async rowAction(action: 'Duplicate' | 'Export' | 'Delete', title: string): Promise<void> {
    await this.page.getByRole('button', { name: `${action} ${title}`, exact: true }).first().click();
  }

  /** Exports a case and returns the downloaded file. */
  async exportCase(title: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.rowAction('Export', title);
    return download;
  }

  /** Chooses a file in the Import file input. */
  async importFile(file: { name: string; buffer: Buffer } | string): Promise<void> {
    const input = this.page.getByTestId('import-file');
    await input.setInputFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: file.buffer });
  }

  /** Shows the trash. */
  async showTrash(): Promise<Locator> {
    const toggle = this.page.getByTestId('trash-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    return this.page.getByTestId('trash');
  }
}

/** One open case: its heading, three maps, and the editor around them. */
export class CaseScreen {
  constructor(readonly page: Page) {}

  /** The map of one system. */
  map(system: SystemId): Locator {
    return this.page.getByTestId(`map-${system}`);
  }

  /** The details under one system's map: members with roles and feelings, relations, notes. */
  details(system: SystemId): Locator {
    return this.page.getByTestId(`details-${system}`);
  }

  /** Waits for the case's heading and for all three maps to be laid out and painted. */
  async waitForMaps(title: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const system of SYSTEM_IDS) await this.map(system).and(this.page.locator('[data-laid-out="true"]')).waitFor();
    await this.nextFrames();
  }

  /** Cytoscape paints on animation frames; two frames later the canvas shows the latest graph. */
  async nextFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }

  /** How many nodes and edges Cytoscape holds in one system's map. */
  async counts(system: SystemId): Promise<MapCounts> {
    const map = this.map(system);
    return {
      nodes: Number(await map.getAttribute('data-node-count')),
      edges: Number(await map.getAttribute('data-edge-count')),
    };
  }

  /** The fingerprint of the case as it is on screen (see renderer/editor/caseHash.ts). */
  async hash(): Promise<string> {
    return (await this.page.locator('main[data-case-hash]').getAttribute('data-case-hash')) ?? '';
  }

  /** The autosave state: saved, pending, saving or failed. */
  async saveState(): Promise<string | null> {
    return this.page.getByTestId('save-status').getAttribute('data-save-state');
  }

  /** Waits until the case on screen is in the store. */
  async waitForSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"][data-save-state="saved"]').waitFor();
  }

  /** Waits until the case on screen has the fingerprint `hash`. */
  async waitForHash(hash: string): Promise<void> {
    await this.page.locator(`main[data-case-hash="${hash}"]`).waitFor();
  }

  /** Goes back to the case list. */
  async back(): Promise<CaseListScreen> {
    await this.page.getByRole('button', { name: 'All cases' }).click();
    return new CaseListScreen(this.page);
  }

  /** Adds a person with the Add person form. */
  async addPerson(name: string, kind: 'client' | 'therapist' | 'supervisor' | 'other', systems: SystemId[]): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Who they are').selectOption(kind);
    for (const system of SYSTEM_IDS) await form.getByLabel(SYSTEM_NAMES[system]).setChecked(systems.includes(system));
    await form.getByRole('button', { name: 'Add person' }).click();
    await this.page.getByTestId('person-row').filter({ has: this.page.locator(`input[value="${name}"]`) }).waitFor();
  }

  /** Renames a person by typing into their name field (one undo step), then leaves the field. */
  async rename(from: string, to: string): Promise<void> {
    // Held by element: the field's name follows the person's name as it is typed.
    const field = await this.page.getByRole('textbox', { name: `Name of ${from}`, exact: true }).elementHandle();
    if (!field) throw new Error(`no name field for ${from}`);
    await field.fill(to);
    await field.evaluate((element: HTMLElement) => element.blur());
  }

  /** Adds a relation with the Add relation form, by mouse. */
  async addRelation(relation: RelationInput, names: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: `Add relation in ${SYSTEM_NAMES[relation.system]}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add relation' });
    await this.fillRelation(dialog, relation, names);
    await dialog.getByRole('button', { name: 'Add relation' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Fills the open relation form. */
  async fillRelation(dialog: Locator, relation: Omit<RelationInput, 'system'>, names: Record<string, string>): Promise<void> {
    await dialog.getByTestId('relation-from').selectOption(relation.from);
    await dialog.getByTestId('relation-to').selectOption(relation.to);
    if (relation.act !== undefined) await dialog.getByTestId('relation-act').fill(relation.act);
    const fromName = names[relation.from] ?? relation.from;
    const toName = names[relation.to] ?? relation.to;
    if (relation.fromRole !== undefined) await dialog.getByLabel(`Role of ${fromName}`).selectOption(relation.fromRole);
    if (relation.toRole !== undefined && relation.from !== relation.to) await dialog.getByLabel(`Role of ${toName}`).selectOption(relation.toRole);
  }

  /** Picks a role (or feeling) for a member through the type-ahead: types `query`, then Enter on the first match. */
  async pickTerm(kind: 'role' | 'feeling', person: string, system: SystemId, query: string): Promise<void> {
    const plural = kind === 'role' ? 'Roles' : 'Feelings';
    const field = this.page.getByRole('combobox', { name: `Add ${kind} to ${plural} of ${person} in ${SYSTEM_NAMES[system]}` });
    await field.fill(query);
    await this.page.getByRole('listbox', { name: `${kind} suggestions` }).first().waitFor();
    await field.press('Enter');
  }

  /** The chips (chosen roles or feelings) of a member. */
  async terms(kind: 'role' | 'feeling', person: string, system: SystemId): Promise<string[]> {
    const plural = kind === 'role' ? 'Roles' : 'Feelings';
    const chips = this.page.getByRole('list', { name: `${plural} of ${person} in ${SYSTEM_NAMES[system]}` });
    return (await chips.locator('.chip > span:first-child').allTextContents()).map((text) => text.trim());
  }

  /** Each person's node centre in viewport pixels, as the map reports it. */
  async nodePositions(system: SystemId): Promise<Record<string, { x: number; y: number }>> {
    const text = await this.map(system).getAttribute('data-node-positions');
    return JSON.parse(text ?? '{}') as Record<string, { x: number; y: number }>;
  }

  /**
   * Drags in a map from one person's node, either onto another person's node
   * or by an offset in pixels; holding Shift draws a relation, without it the
   * person moves.
   */
  async drag(
    system: SystemId,
    fromPersonId: string,
    target: { personId: string } | { dx: number; dy: number },
    { shift }: { shift: boolean },
  ): Promise<void> {
    await this.map(system).scrollIntoViewIfNeeded();
    await this.nextFrames();
    const positions = await this.nodePositions(system);
    const start = positions[fromPersonId];
    if (!start) throw new Error(`${fromPersonId} is not drawn in the ${system} map`);
    const end = 'personId' in target ? positions[target.personId] : { x: start.x + target.dx, y: start.y + target.dy };
    if (!end) throw new Error(`the drag target is not drawn in the ${system} map`);
    if (shift) await this.page.keyboard.down('Shift');
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
    await this.page.mouse.move(end.x, end.y, { steps: 5 });
    await this.page.mouse.up();
    if (shift) await this.page.keyboard.up('Shift');
  }
}
