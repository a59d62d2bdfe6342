/**
 * `npm run screenshots [-- NAME…]`: takes the pictures in docs/screenshots
 * (the README's and their variants at other window sizes) from the built
 * renderer, through the e2e harness and page objects, over a fresh store of
 * the example cases in a temporary folder. The tests never write them.
 *
 * Every picture is one entry of PICTURES: a name, a window size and the steps
 * that bring the workbench to what the picture shows. `atEverySize` turns one
 * scene into the main picture (the name the README uses, at the tests' window
 * size) and its 1440×900 and 1280×720 variants. Names given on the command
 * line take only the pictures whose names start with one of them; `--out DIR`
 * writes them to DIR instead (to compare before replacing).
 *
 * Needs `npm run build` first (the renderer in out/renderer), Chromium
 * (CHROME_PATH or /usr/bin/chromium) and poppler's pdftoppm for the handout.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { runCli } from '../electron/cli/run';
import { parseCaseFileText } from '../shared/case/parse';
import { CaseSchema, type Case } from '../shared/case/schema';
import { SYSTEM_IDS } from '../shared/case/systems';
import { generateCase } from '../tests/support/generate-cases';
import { importThroughBridge, riveraCases } from '../tests/e2e/caseloadCases';
import { CaseloadView } from '../tests/e2e/echoPages';
import { launchWorkbench, requireBuiltRenderer, WORKBENCH_VIEWPORT, type Viewport } from '../tests/e2e/harness';
import { CaseListScreen, CaseScreen } from '../tests/e2e/pages';

const repo = resolve(import.meta.dirname, '..');
const SCREENSHOTS_DIR = join(repo, 'docs', 'screenshots');
const EXAMPLES_DIR = join(repo, 'resources', 'examples');
const FIRST_EXAMPLE = join(EXAMPLES_DIR, '01-pressure-to-get-it-right.json');
const EXAMPLE_CASES = 3;

/** One picture of the workbench: what it is called, the window size, and how to get there from a fresh store of the examples. */
interface Picture {
  /** The file name in docs/screenshots, without `.png`. */
  name: string;
  viewport: Viewport;
  /** Brings the page to what the picture shows; the picture is taken when it resolves. */
  steps: (page: Page) => Promise<void>;
  /** The whole scrolling page rather than the window. */
  fullPage?: boolean;
}

/** A picture that is not of the workbench's window: it writes its own PNG to `path`. */
interface FilePicture {
  name: string;
  make: (path: string) => Promise<void>;
}

/** The window sizes besides WORKBENCH_VIEWPORT every scene is also taken at, with the suffix of their file names. */
const OTHER_SIZES: readonly { suffix: string; viewport: Viewport }[] = [
  { suffix: '-1440', viewport: { width: 1440, height: 900 } },
  { suffix: '-1280', viewport: { width: 1280, height: 720 } },
];

/** One scene at the tests' size under its own name, and at each of OTHER_SIZES under the name with a suffix. */
function atEverySize(scene: Omit<Picture, 'viewport'>): Picture[] {
  return [
    { ...scene, viewport: WORKBENCH_VIEWPORT },
    ...OTHER_SIZES.map(({ suffix, viewport }) => ({ ...scene, name: `${scene.name}${suffix}`, viewport })),
  ];
}

// ---------------------------------------------------------------------------
// Steps shared by the scenes.

async function caseList(page: Page): Promise<CaseListScreen> {
  const list = new CaseListScreen(page);
  await list.waitForCases(EXAMPLE_CASES);
  return list;
}

/**
 * Opens the case at the top of the list (the most recently changed example)
 * and waits for its strongest echo to light up in the maps. Narrower than
 * 1500 px the echo list is a closed drawer; it stays closed, so all three maps
 * show.
 */
async function openFirstCaseOnItsEcho(page: Page): Promise<CaseScreen> {
  const list = await caseList(page);
  const title = (await list.titles()).find((candidate) => candidate.length > 0);
  if (title === undefined) throw new Error('The case list shows no titled case.');
  const screen = await list.open(title);
  await screen.map('client').and(page.locator('[data-highlighted-count]:not([data-highlighted-count="0"])')).waitFor();
  return screen;
}

async function exampleTitle(file: string): Promise<string> {
  return parseCaseFileText(await readFile(file, 'utf8'), file).case.title;
}

/** Away from every control, so no hover highlight shows, and two frames later, so the maps show their latest state. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await new CaseScreen(page).nextFrames();
}

// ---------------------------------------------------------------------------
// The pictures. Add a scene here; `npm run screenshots -- NAME` takes just it.

const PICTURES: readonly Picture[] = [
  ...atEverySize({
    name: 'case-list',
    steps: async (page) => {
      await caseList(page);
      await settle(page);
    },
  }),
  ...atEverySize({
    name: 'case-example',
    steps: async (page) => {
      // The first example by file name, as the workbench test opens it.
      const list = await caseList(page);
      await list.open(await exampleTitle(FIRST_EXAMPLE));
      await settle(page);
    },
  }),
  ...atEverySize({
    name: 'case-echo-light',
    steps: async (page) => {
      await openFirstCaseOnItsEcho(page);
      await settle(page);
    },
  }),
  ...atEverySize({
    name: 'case-echo-dark',
    steps: async (page) => {
      await openFirstCaseOnItsEcho(page);
      await page.getByLabel('Theme').selectOption('dark');
      await page.locator('html[data-theme="dark"]').waitFor();
      await settle(page);
    },
  }),
  ...atEverySize({
    name: 'caseload',
    fullPage: true,
    steps: async (page) => {
      await caseList(page);
      for (const kase of riveraCases()) {
        if (!(await importThroughBridge(page, kase))) throw new Error(`The store refused ${kase.id}.`);
      }
      const caseload = new CaseloadView(page);
      await caseload.open();
      await caseload.holding('Dr Rivera', 'rescuer').waitFor();
      await settle(page);
    },
  }),
  {
    // Focus this map: the client's world takes the width, the other two are strips that still show the echo.
    name: 'case-focus-1440',
    viewport: { width: 1440, height: 900 },
    steps: async (page) => {
      const screen = await openFirstCaseOnItsEcho(page);
      await page.getByTestId('focus-client').click();
      await page.getByTestId('system-panel-client').and(page.locator('[data-focused="true"]')).waitFor();
      await screen.nextFrames();
      await settle(page);
    },
  },
  {
    // A client's world of 40 people nobody has placed: the force-directed layout, at one scale with the other maps.
    name: 'case-forty-people-1440',
    viewport: { width: 1440, height: 900 },
    steps: async (page) => {
      await caseList(page);
      if (!(await importThroughBridge(page, fortyPeople()))) throw new Error('The store refused the 40-person case.');
      await page.reload();
      const list = new CaseListScreen(page);
      await list.waitForCases(EXAMPLE_CASES + 1);
      await list.open(FORTY_TITLE);
      await settle(page);
    },
  },
  {
    // At 1024×768 the echo list is a panel the Echoes button shows beside the maps.
    name: 'case-echo-panel-1024',
    viewport: { width: 1024, height: 768 },
    steps: async (page) => {
      const screen = await openFirstCaseOnItsEcho(page);
      const handle = page.getByTestId('echo-drawer-handle');
      if ((await handle.getAttribute('aria-expanded')) !== 'true') await handle.click();
      await page.getByTestId('echo-panel').waitFor();
      await screen.nextFrames();
      await settle(page);
    },
  },
];

const FORTY_TITLE = 'Forty people in the client’s world (generated)';

/** A generated case with 40 people in the client's world and nobody placed, as the legibility measure draws it. */
function fortyPeople(): Case {
  const kase = generateCase(7040, { people: 46, relationsPerSystem: 60 });
  const systems = Object.fromEntries(
    SYSTEM_IDS.map((system) => {
      const content = kase.systems[system];
      const members = content.members.map(({ position: _placed, ...member }) => member);
      return [system, { ...content, members, relations: content.relations.slice(0, Math.max(1, Math.round(members.length * 1.5))) }];
    }),
  );
  return CaseSchema.parse({ ...kase, id: 'generated-forty', title: FORTY_TITLE, systems });
}

const FILE_PICTURES: readonly FilePicture[] = [
  {
    // The first page of the de-identified A4 handout of the first example, through the command line, at 110 dpi.
    name: 'handout-page-1',
    make: async (path) => {
      const work = await mkdtemp(join(tmpdir(), 'triptych-screenshots-handout-'));
      try {
        const pdf = join(work, 'handout.pdf');
        let errors = '';
        const status = await runCli(['handout', FIRST_EXAMPLE, '--out', pdf, '--deidentify'], { out: () => undefined, err: (text) => (errors += text) });
        if (status !== 0) throw new Error(`triptych handout failed (${status}): ${errors}`);
        await promisify(execFile)('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.replace(/\.png$/, '')]);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  },
];

// ---------------------------------------------------------------------------

async function takeWorkbenchPicture(picture: Picture, path: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'triptych-screenshots-'));
  try {
    const workbench = await launchWorkbench({ dataDir, viewport: picture.viewport });
    try {
      await picture.steps(workbench.page);
      await workbench.page.screenshot({ path, fullPage: picture.fullPage === true });
      if (workbench.consoleErrors.length > 0) throw new Error(`The page logged errors: ${workbench.consoleErrors.join('; ')}`);
    } finally {
      await workbench.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const outDir = outAt === -1 ? SCREENSHOTS_DIR : resolve(argv[outAt + 1] ?? '');
  const wanted = outAt === -1 ? argv : [...argv.slice(0, outAt), ...argv.slice(outAt + 2)];
  if (outAt !== -1 && argv[outAt + 1] === undefined) {
    process.stderr.write('--out needs a folder.\n');
    return 2;
  }
  const chosen = (name: string) => wanted.length === 0 || wanted.some((prefix) => name.startsWith(prefix));
  const pictures = PICTURES.filter((picture) => chosen(picture.name));
  const files = FILE_PICTURES.filter((picture) => chosen(picture.name));
  if (pictures.length + files.length === 0) {
    const names = [...PICTURES, ...FILE_PICTURES].map((picture) => picture.name).join(', ');
    process.stderr.write(`No picture's name starts with ${wanted.join(' or ')}. The pictures: ${names}\n`);
    return 2;
  }
  if (pictures.length > 0) requireBuiltRenderer();
  await mkdir(outDir, { recursive: true });
  const shown = (name: string) => {
    const path = join(outDir, `${name}.png`);
    return relative(repo, path).startsWith('..') ? path : relative(repo, path);
  };
  for (const picture of pictures) {
    await takeWorkbenchPicture(picture, join(outDir, `${picture.name}.png`));
    process.stdout.write(`${`${picture.viewport.width}×${picture.viewport.height}`.padEnd(10)} ${shown(picture.name)}\n`);
  }
  for (const picture of files) {
    await picture.make(join(outDir, `${picture.name}.png`));
    process.stdout.write(`${''.padEnd(10)} ${shown(picture.name)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
