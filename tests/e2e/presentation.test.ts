import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { pseudonymsFor } from '../../shared/presentation/pseudonyms';
import { launchWorkbench, type Workbench } from './harness';
import { CaseListScreen, CaseScreen } from './pages';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');
const run = promisify(execFile);

/** Presentation mode, as a clinician drives it from the keyboard. */
class PresentationView {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('presentation');
  }

  async counter(): Promise<string> {
    return ((await this.page.getByTestId('presentation-counter').textContent()) ?? '').replace(/^Step /, '').trim();
  }

  async waitForCounter(text: string): Promise<void> {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[data-testid="presentation-counter"]')?.textContent?.replace(/^Step /, '').trim() === expected,
      text,
    );
  }

  async text(): Promise<string> {
    return this.root().innerText();
  }
}

/** The export dialog. */
class ExportView {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export').click();
    await this.dialog().waitFor();
  }

  async choose(format: 'PDF handout' | 'PNG picture of the maps' | 'SVG picture of the maps'): Promise<void> {
    await this.dialog().getByRole('radio', { name: format }).check();
  }

  async setDeidentify(on: boolean): Promise<void> {
    await this.dialog().getByTestId('export-deidentify').setChecked(on);
  }

  /** The width and height on the previewed picture's root element. */
  async previewSize(): Promise<{ width: number; height: number }> {
    const svg = this.dialog().locator('[data-testid="image-preview"] > svg');
    return { width: Number(await svg.getAttribute('width')), height: Number(await svg.getAttribute('height')) };
  }

  async save(): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.dialog().getByTestId('export-save').click();
    return download;
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** Width and height from a PNG's IHDR chunk, which always comes first, right after the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A name as a whole word, in any capitalisation. */
function nameWord(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'iu');
}

describe('presentation mode and export', () => {
  let dataDir: string;
  let workbench: Workbench;
  let kase: Case;
  let screen: CaseScreen;
  /** The names that de-identification must hide: everyone whose label is not their own name. */
  let castNames: string[];

  const storedUpdatedAt = async (): Promise<string> =>
    workbench.page.evaluate(async (id) => {
      const transport = (window as unknown as { __triptychTransport: (channel: string, request: unknown) => Promise<{ ok: boolean; value?: { case: { updatedAt: string } } }> })
        .__triptychTransport;
      const result = await transport('cases:get', { id });
      return result.value?.case.updatedAt ?? 'missing';
    }, kase.id);

  beforeAll(async () => {
    kase = parseCaseFileText(await readFile(EXAMPLE, 'utf8'), 'example-01.json').case;
    const pseudonyms = pseudonymsFor(kase.people);
    castNames = kase.people.filter((person) => pseudonyms[person.id] !== person.name).map((person) => person.name);
    expect(castNames.length).toBeGreaterThanOrEqual(3);
    dataDir = await mkdtemp(join(tmpdir(), 'triptych-e2e-presentation-'));
    workbench = await launchWorkbench({ dataDir });
    const caseList = new CaseListScreen(workbench.page);
    await caseList.waitForCases(3);
    screen = await caseList.open(kase.title);
  });

  afterAll(async () => {
    await workbench?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('walks through every step with the keyboard and returns to the editor unchanged', async () => {
    const page = workbench.page;
    const echoes = analyzeCase(kase).echoes;
    const total = SYSTEM_IDS.length + echoes.length;
    expect(echoes.length).toBeGreaterThan(0);
    await screen.waitForSaved();
    const hashBefore = await screen.hash();
    const savedBefore = await storedUpdatedAt();

    await page.getByTestId('present').click();
    const view = new PresentationView(page);
    await view.root().waitFor();
    await view.waitForCounter(`1 of ${total}`);
    expect(await view.root().getAttribute('data-step-kind')).toBe('system');
    // The first step shows the client's world large and the other two small.
    await expect(view.root().locator('.presentation-map-large').getAttribute('data-testid')).resolves.toBe('presentation-map-client');

    const forward = ['ArrowRight', 'Space', 'ArrowDown', 'PageDown'];
    for (let step = 1; step < total; step += 1) {
      await page.keyboard.press(forward[step % forward.length] as string);
      await view.waitForCounter(`${step + 1} of ${total}`);
      if (step < SYSTEM_IDS.length) {
        const large = view.root().locator('.presentation-map-large');
        await expect(large.getAttribute('data-testid')).resolves.toBe(`presentation-map-${SYSTEM_IDS[step]}`);
      } else {
        const echo = echoes[step - SYSTEM_IDS.length];
        if (!echo) throw new Error('missing echo');
        const section = view.root().locator('[data-echo-id]');
        await expect(section.getAttribute('data-echo-id')).resolves.toBe(echo.id);
        const text = await section.innerText();
        expect(text).toContain(echo.wording.label);
        expect(text).toContain(echo.wording.summary);
        // One or two reflective questions under "For the group".
        const questions = await section.locator('.presentation-questions li').count();
        expect(questions).toBeGreaterThanOrEqual(1);
        expect(questions).toBeLessThanOrEqual(2);
        // The echo is highlighted in every map it occurs in (thicker, coloured lines or rings).
        for (const system of echo.systems) {
          await expect(view.root().getByTestId(`presentation-map-${system}`).locator('rect[fill="none"], path[stroke-width="4"]').count()).resolves.toBeGreaterThan(0);
        }
      }
    }
    // The end stays the end.
    await page.keyboard.press('Space');
    await view.waitForCounter(`${total} of ${total}`);
    await page.keyboard.press('Shift+Space');
    await view.waitForCounter(`${total - 1} of ${total}`);
    await page.keyboard.press('ArrowLeft');
    await view.waitForCounter(`${total - 2} of ${total}`);
    // Undo's shortcut must not reach the editor behind the presentation.
    await page.keyboard.press('Control+z');

    await page.keyboard.press('Escape');
    await view.root().waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'present');
    expect(await screen.hash()).toBe(hashBefore);
    expect(await screen.saveState()).toBe('saved');
    expect(await page.getByTestId('undo').textContent()).toBe('Undo');
    expect(await storedUpdatedAt()).toBe(savedBefore);
    expect(workbench.consoleErrors).toEqual([]);
  });

  it('shows pseudonyms instead of names when P is pressed, and names again when pressed twice', async () => {
    const page = workbench.page;
    await page.getByTestId('present').click();
    const view = new PresentationView(page);
    await view.root().waitFor();
    const client = kase.people.find((person) => person.kind === 'client');
    if (!client) throw new Error('example 01 has no client');
    expect(await view.text()).toMatch(nameWord(client.name));

    await page.keyboard.press('p');
    await page.locator('[data-testid="presentation"][data-pseudonyms="true"]').waitFor();
    for (let step = 0; step < 4; step += 1) {
      const text = await view.text();
      for (const name of castNames) expect(text, `step ${step + 1} shows ${name}`).not.toMatch(nameWord(name));
      expect(text).toContain('Client');
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('presentation-pseudonyms').getAttribute('aria-pressed')).resolves.toBe('true');

    await page.keyboard.press('P');
    await page.locator('[data-testid="presentation"][data-pseudonyms="false"]').waitFor();
    expect(await view.text()).toMatch(nameWord(client.name));
    await page.keyboard.press('Escape');
    await view.root().waitFor({ state: 'detached' });
  });

  it('exports a PNG at the requested pixel size: 2x and 3x of the SVG', async () => {
    const exporter = new ExportView(workbench.page);
    await exporter.open();
    await exporter.choose('PNG picture of the maps');
    const size = await exporter.previewSize();
    expect(size.width).toBeGreaterThan(0);
    const twice = pngSize(await downloadedBytes(await exporter.save()));
    expect(twice).toEqual({ width: Math.round(size.width * 2), height: Math.round(size.height * 2) });

    await exporter.dialog().getByTestId('export-target').selectOption('therapy');
    await exporter.dialog().getByRole('radio', { name: '3x' }).check();
    const single = await exporter.previewSize();
    const download = await exporter.save();
    expect(download.suggestedFilename()).toMatch(/^map-therapy-.*@3x\.png$/);
    expect(pngSize(await downloadedBytes(download))).toEqual({ width: Math.round(single.width * 3), height: Math.round(single.height * 3) });
    await exporter.close();
  });

  it('exports an SVG that is valid XML and names every person on the maps', async () => {
    const exporter = new ExportView(workbench.page);
    await exporter.open();
    await exporter.choose('SVG picture of the maps');
    await exporter.setDeidentify(false);
    const svg = (await downloadedBytes(await exporter.save())).toString('utf8');
    await exporter.close();

    const parsed = await workbench.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent ?? '' };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    const drawn = parsed.text.replace(/\s+/g, '');
    const members = new Set(SYSTEM_IDS.flatMap((system) => kase.systems[system].members.map((member) => member.person)));
    for (const person of kase.people.filter((p) => members.has(p.id))) expect(drawn).toContain(person.name.replace(/\s+/g, ''));
  });

  it('saves a de-identified PDF handout whose text holds no cast name, and previews the same', async () => {
    const exporter = new ExportView(workbench.page);
    await exporter.open();
    await exporter.choose('PDF handout');
    await expect(exporter.dialog().getByTestId('export-deidentify').isChecked()).resolves.toBe(true);
    const preview = await exporter.dialog().getByTestId('handout-preview').evaluate((host) => host.shadowRoot?.textContent ?? '');
    expect(preview).toContain('De-identified');
    for (const name of castNames) expect(preview).not.toMatch(nameWord(name));

    const download = await exporter.save();
    expect(download.suggestedFilename()).toMatch(/^handout-.*\.pdf$/);
    const pdfPath = join(dataDir, 'handout.pdf');
    await writeFile(pdfPath, await downloadedBytes(download));
    const { stdout } = await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('De-identified');
    expect(text).toContain('Questions for the group');
    for (const name of castNames) expect(text).not.toMatch(nameWord(name));
    await exporter.close();
    expect(workbench.consoleErrors).toEqual([]);
  });
});
