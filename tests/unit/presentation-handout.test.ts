// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { SYSTEM_IDS, SYSTEM_NAMES } from '../../shared/case/systems';
import { BUILT_IN_FEELINGS } from '../../shared/library/feelings';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { fitHandout, shortenText, type HandoutText } from '../../shared/presentation/handoutFit';
import { renderHandout, renderHandoutHtml, type HandoutOptions } from '../../shared/presentation/handoutHtml';
import {
  handoutMapLayout,
  MAP_FRAME_MM,
  MAP_GAP_MM,
  MIN_LABEL_PT,
  MIN_MAP_SCALE,
  MIN_NAME_PT,
  MM_PER_PT,
  PREFERRED_MAP_SCALE,
} from '../../shared/presentation/handoutMapScale';
import { sheetMeasures } from '../../shared/presentation/handoutStyles';
import { parseReflectivePrompts } from '../../shared/presentation/prompts';
import { LABEL_FONT_SIZE, NAME_FONT_SIZE } from '../../shared/scene/sceneConstants';
import { generateCase } from '../support/generate-cases';

const repo = resolve(import.meta.dirname, '../..');
const prompts = parseReflectivePrompts(JSON.parse(readFileSync(resolve(repo, 'resources/prompts/reflective-prompts.json'), 'utf8')), 'prompts');
const examples = ['01-pressure-to-get-it-right.json', '02-working-harder.json', '03-both-waiting.json'].map(
  (name) => parseCaseFileText(readFileSync(resolve(repo, 'resources/examples', name), 'utf8'), name).case,
);
const owen = examples[0] as Case;
const generated = generateCase(7, { people: 12, relationsPerSystem: 12 });

/**
 * Each map of a handout as printed: the points on paper per map unit, from
 * the width its box is given (mm) over the width of its SVG's viewBox (map
 * units), and the sizes its names and labels come out at.
 */
function printedMaps(document: Document): { system: string; scale: number; namePt: number; labelPt: number }[] {
  return [...document.querySelectorAll<HTMLElement>('.map')].map((figure) => {
    const box = figure.querySelector('.map-box') as HTMLElement;
    const widthMm = Number(/width:([\d.]+)mm/.exec(box.getAttribute('style') ?? '')?.[1]);
    const viewBox = (box.querySelector('svg')?.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const scale = widthMm / MM_PER_PT / (viewBox[2] as number);
    return { system: figure.dataset.system ?? '', scale, namePt: NAME_FONT_SIZE * scale, labelPt: LABEL_FONT_SIZE * scale };
  });
}

function handout(overrides: Partial<HandoutOptions> = {}): Document {
  const html = renderHandoutHtml({ kase: owen, deidentify: true, paper: 'A4', pages: 2, date: '2026-11-20', prompts, ...overrides });
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderHandoutHtml', () => {
  it('is one self-contained document: no script, no external URL, a CSP that forbids both', () => {
    for (const kase of examples) {
      for (const pages of [1, 2, 3] as const) {
        const { html, fit } = renderHandout({ kase, deidentify: true, paper: 'Letter', pages, date: '2026-11-20', prompts });
        expect(html).not.toMatch(/<script|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)|<link|<img|@import|url\((?!#)/i);
        const document = new DOMParser().parseFromString(html, 'text/html');
        expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
        // The pages it needs, at most the number asked for.
        expect(document.querySelectorAll('section.sheet')).toHaveLength(fit.sheets.length);
        expect(fit.sheets.length).toBeGreaterThanOrEqual(1);
        expect(fit.sheets.length).toBeLessThanOrEqual(pages);
        expect(html).toContain(`@page { size: Letter; margin: 14mm; }`);
      }
    }
  });

  it('has the title, the date, the summary, three maps with a legend, the echo table, questions and the note', () => {
    const document = handout();
    const text = document.body.textContent ?? '';
    expect(document.querySelector('h1')?.textContent).toBe(owen.title);
    expect(text).toContain('20 November 2026');
    expect(document.querySelector('.summary')?.textContent).toContain('was referred for long-standing anxiety');
    expect([...document.querySelectorAll('.map figcaption')].map((c) => c.textContent)).toEqual(["Client's world", 'Therapy', 'Supervision']);
    expect(document.querySelectorAll('.map svg')).toHaveLength(3);
    const legend = [...document.querySelectorAll('.legend li')].map((li) => li.textContent);
    expect(legend).toEqual(['Client', 'Therapist', 'Supervisor', 'Line manager', 'Father', 'Partner', '1. Evaluator → Anxious performer', '2. other.5 Control → self.5 Submit', '3. Evaluator']);
    expect(document.querySelector('.echoes h2')?.textContent).toBe(`Echoes (${analyzeCase(owen).echoes.length})`);
    expect(document.querySelectorAll('.question-block')).toHaveLength(3);
    expect(document.querySelector('.note')?.textContent).toMatch(/^Echoes are hypotheses for reflection, not findings\./);
  });

  it('highlights the selected echoes, in the order chosen, and asks about them', () => {
    const document = handout({ selectedEchoIds: ['role:exact:rescuer', 'no-such-echo', 'feeling:exact:anxious'] });
    const headings = [...document.querySelectorAll('.question-block h3')].map((h) => h.textContent);
    expect(headings).toEqual(['1Rescuer', '2Anxious']);
    const therapy = document.querySelectorAll('.map svg')[1] as Element;
    expect(therapy.querySelector('path[data-relation="th3"]')?.getAttribute('stroke')).toBe('#e69f00');
    const table = [...document.querySelectorAll('.echoes tbody tr')].map((row) => row.textContent ?? '');
    expect(table.find((row) => row.startsWith('1'))).toContain('Rescuer');
  });

  it('keeps every name out when de-identifying, and says whether names are in it', () => {
    const names = /\b(Owen|Nadia|Ruth)\b/i;
    const html = renderHandoutHtml({ kase: owen, deidentify: true, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
    expect(html).not.toMatch(names);
    expect(html).toContain('De-identified: names replaced by neutral labels');
    const named = renderHandoutHtml({ kase: owen, analysis: analyzeCase(owen), deidentify: false, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
    expect(named).toMatch(names);
    expect(named).toContain('Contains names: not de-identified');
  });

  it('escapes whatever the case holds', () => {
    const kase = structuredClone(owen);
    kase.title = '<script>alert(1)</script> & co';
    const document = handout({ kase, deidentify: false });
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('h1')?.textContent).toBe('<script>alert(1)</script> & co');
  });

  it("prints what happens and what is felt in each system: every relation's act and every member's feelings, by name", () => {
    const document = handout({ deidentify: false, pages: 3 });
    const sections = [...document.querySelectorAll('.words')];
    expect(sections.map((section) => section.querySelector('h3')?.textContent)).toEqual(SYSTEM_IDS.map((system) => SYSTEM_NAMES[system]));
    const names = new Map(owen.people.map((person) => [person.id, person.name]));
    const feelingLabels = new Map([...BUILT_IN_FEELINGS, ...owen.customFeelings].map((feeling) => [feeling.id, feeling.label]));
    for (const [index, system] of SYSTEM_IDS.entries()) {
      const section = sections[index] as Element;
      const rows = [...section.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
      expect(rows).toEqual(
        owen.systems[system].relations.map((relation) => [
          relation.from === relation.to ? `${names.get(relation.from)} → self` : `${names.get(relation.from)} → ${names.get(relation.to)}`,
          relation.act,
        ]),
      );
      const feelings = section.querySelector('.feelings')?.textContent ?? '';
      for (const member of owen.systems[system].members.filter((m) => m.feelings.length > 0)) {
        expect(feelings).toContain(`${names.get(member.person)}: ${member.feelings.map((id) => feelingLabels.get(id)).join(', ')}`);
      }
    }
    // The custom feeling's own label, not its id.
    expect(sections[0]?.textContent).toContain('Scrutinised');
  });

  it('takes the words and feelings from the de-identified case when de-identifying', () => {
    const working = examples[1] as Case;
    const html = renderHandoutHtml({ kase: working, deidentify: true, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
    const document = new DOMParser().parseFromString(html, 'text/html');
    const words = [...document.querySelectorAll('.words')].map((section) => section.textContent ?? '').join(' ');
    expect(words).toContain('says Therapist is the only one who has ever "got it"');
    expect(words).toContain('Client → Previous counsellor');
    expect(words).toContain('Therapist: Resentful, Depleted, Self-doubting, Pressured');
    for (const name of ['Leon', 'Kieran', 'Ines']) expect(html).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
    const clean = deidentifyCase(working).case;
    for (const relation of SYSTEM_IDS.flatMap((system) => clean.systems[system].relations)) expect(words).toContain(relation.act as string);
  });

  it('prints every map so that names are at least 8 pt and labels at least 7 pt, on A4 and Letter, for the examples and a generated case', () => {
    for (const kase of [...examples, generated]) {
      for (const paper of ['A4', 'Letter'] as const) {
        for (const pages of [1, 2, 3] as const) {
          const { html, fit } = renderHandout({ kase, deidentify: true, paper, pages, date: '2026-11-20', prompts });
          const where = `${kase.id} ${paper} ${pages}`;
          expect(fit.maps.legible, where).toBe(true);
          expect(fit.maps.namePt, where).toBeGreaterThanOrEqual(MIN_NAME_PT);
          expect(fit.maps.labelPt, where).toBeGreaterThanOrEqual(MIN_LABEL_PT);
          const maps = printedMaps(new DOMParser().parseFromString(html, 'text/html'));
          expect(maps.length, where).toBeGreaterThanOrEqual(1);
          for (const map of maps) {
            // As drawn: the box's width over the drawing's, the same scale for every map.
            expect(map.scale, `${where} ${map.system}`).toBeCloseTo(fit.maps.scale, 3);
            expect(map.namePt, `${where} ${map.system}`).toBeGreaterThanOrEqual(MIN_NAME_PT - 0.005);
            expect(map.labelPt, `${where} ${map.system}`).toBeGreaterThanOrEqual(MIN_LABEL_PT);
            expect(map.namePt, `${where} ${map.system}`).toBeLessThanOrEqual(NAME_FONT_SIZE * PREFERRED_MAP_SCALE + 0.005);
          }
        }
      }
    }
  });

  it('puts the three maps side by side when they fit across the sheet at that size, else as many to a row as fit', () => {
    const { html, fit } = renderHandout({ kase: owen, deidentify: true, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
    const document = new DOMParser().parseFromString(html, 'text/html');
    const rows = [...document.querySelectorAll('.map-row')].map((row) => [...row.querySelectorAll('.map')].map((map) => (map as HTMLElement).dataset.system));
    expect(rows).toEqual(fit.maps.rows.map((row) => row.map((index) => SYSTEM_IDS[index])));
    // Owen's maps are too wide for one row at 8 pt: the client's world shares a row with at most one other.
    expect(rows.length).toBeGreaterThan(1);
    const width = sheetMeasures('A4').width;
    for (const row of fit.maps.rows) {
      const across = row.reduce((sum, index) => sum + (fit.maps.sizes[index]?.width ?? 0) + MAP_FRAME_MM, 0) + (row.length - 1) * MAP_GAP_MM;
      expect(across).toBeLessThanOrEqual(width + 1e-6);
    }
  });

  it('names on the last page what did not fit in the pages allowed, and returns it', () => {
    const { html, fit } = renderHandout({ kase: owen, deidentify: true, paper: 'Letter', pages: 1, date: '2026-11-20', prompts });
    expect(fit.sheets).toHaveLength(1);
    expect(fit.omitted.length).toBeGreaterThan(0);
    expect(fit.omitted).toContain('the table of echoes');
    expect(fit.omitted.some((part) => part.startsWith('what happens and what is felt in'))).toBe(true);
    const document = new DOMParser().parseFromString(html, 'text/html');
    const sheets = [...document.querySelectorAll('section.sheet')];
    const note = sheets[sheets.length - 1]?.querySelector('.note .omitted')?.textContent;
    expect(note).toBe(`Not included for lack of room: ${fit.omitted.join('; ')}.`);
    // What is named as left out is indeed not there.
    expect(document.querySelector('.echoes')).toBeNull();
    expect(document.querySelector('.words')).toBeNull();

    const roomy = renderHandout({ kase: owen, deidentify: true, paper: 'A4', pages: 3, date: '2026-11-20', prompts });
    expect(roomy.fit.omitted).toEqual([]);
    expect(roomy.html).not.toContain('Not included for lack of room');
  });
});

describe('fitting a handout to its pages', () => {
  const text = (summary: string, rows: number, relations = 4): HandoutText => ({
    title: 'A case',
    meta: '20 November 2026',
    summary,
    maps: [
      { width: 480, height: 390 },
      { width: 400, height: 280 },
      { width: 420, height: 280 },
    ],
    systems: ["Client's world", 'Therapy', 'Supervision'],
    legend: ['Client', 'Therapist'],
    mapsNote: 'An arrow runs from the person who acts.',
    words: ["Client's world", 'Therapy', 'Supervision'].map((system) => ({
      system,
      feelings: [{ who: 'Client', feelings: 'Anxious, Pressured' }],
      relations: Array.from({ length: relations }, (_, index) => ({ who: 'Client → Therapist', act: `asks whether this is being done properly (${index})` })),
    })),
    rows: Array.from({ length: rows }, (_, index) => ({
      selected: index < 3,
      label: `Echo ${index}`,
      kind: 'role',
      systems: "Client's world, Therapy and Supervision",
      identification: 'Therapist concordant in Therapy',
      parallel: 'No',
    })),
    questionBlocks: [0, 1, 2].map(() => ({ label: 'Echo', summary: 'It recurs. '.repeat(20), questions: ['Why might this be? '.repeat(4), 'And then? '.repeat(6)] })),
    note: 'Echoes are hypotheses.',
  });

  it('takes the pages it needs, at most the number allowed, and gives more room on more pages', () => {
    const long = 'A sentence about the case. '.repeat(300);
    const one = fitHandout(text(long, 40), 'A4', 1);
    const two = fitHandout(text(long, 40), 'A4', 2);
    const three = fitHandout(text(long, 40), 'A4', 3);
    expect(one.sheets).toHaveLength(1);
    expect(two.sheets.length).toBeLessThanOrEqual(2);
    expect(three.sheets.length).toBeLessThanOrEqual(3);
    expect(one.omitted.length).toBeGreaterThan(two.omitted.length);
    expect(one.summaryLimit).toBeLessThan(three.summaryLimit);
    expect(three.tableRows).toBeGreaterThan(3);
    expect(three.questionsPerEcho).toBe(2);
    // The maps are the last thing to go.
    expect(one.omitted.some((part) => part.startsWith('the map'))).toBe(false);
  });

  it('keeps everything of a short case when the pages allow', () => {
    const fit = fitHandout(text('Short.', 4, 1), 'Letter', 3);
    expect(fit.omitted).toEqual([]);
    expect(fit.tableRows).toBeGreaterThanOrEqual(4);
    expect(fit.echoSummaries).toBe(true);
    expect(fit.questionsPerEcho).toBe(2);
    expect(fit.sheets.length).toBeLessThanOrEqual(3);
    // Every part once, in the handout's order.
    expect([...new Set(fit.sheets.flat().map((piece) => piece.block))]).toEqual(['header', 'summary', 'maps', 'legend', 'words', 'table', 'questions', 'note']);
  });

  it('runs a long table of relations on from one sheet to the next, each relation once', () => {
    const fit = fitHandout(text('Short.', 4, 60), 'A4', 3);
    const parts = fit.sheets.flat().filter((piece) => piece.block === 'words' && piece.system === 0);
    expect(parts.length).toBeGreaterThan(1);
    const covered = parts.flatMap((piece) => (piece.block === 'words' ? Array.from({ length: piece.to - piece.from }, (_, i) => piece.from + i) : []));
    expect(covered).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('leaves out the least important whole parts first and names them once each, in the order of the handout', () => {
    const fit = fitHandout(text('A sentence about the case. '.repeat(40), 30, 12), 'Letter', 1);
    expect(fit.sheets).toHaveLength(1);
    expect(fit.omitted[0]).not.toMatch(/^the map/);
    expect(fit.omitted).toContain("what happens and what is felt in Client's world, Therapy and Supervision");
    expect(fit.omitted).toContain('the table of echoes');
    expect(new Set(fit.omitted).size).toBe(fit.omitted.length);
  });

  it('cuts a summary at a sentence and says so', () => {
    expect(shortenText('One. Two three. Four five six.', 20)).toEqual({ text: 'One. Two three. […]', cut: true });
    expect(shortenText('Short.', 20)).toEqual({ text: 'Short.', cut: false });
  });
});

describe('the size of the maps on paper', () => {
  const a4 = { width: sheetMeasures('A4').width, height: 200 };

  it('puts three small maps side by side at the preferred size or smaller, never under the minimum', () => {
    const small = handoutMapLayout([{ width: 260, height: 200 }, { width: 250, height: 150 }, { width: 250, height: 150 }], a4);
    expect(small.rows).toEqual([[0, 1, 2]]);
    expect(small.scale).toBeGreaterThanOrEqual(MIN_MAP_SCALE);
    expect(small.scale).toBeLessThanOrEqual(PREFERRED_MAP_SCALE);
    expect(small.namePt).toBeCloseTo(NAME_FONT_SIZE * small.scale, 9);
    expect(small.labelPt).toBeCloseTo(LABEL_FONT_SIZE * small.scale, 9);
    expect(small.legible).toBe(true);
    // Each map's width on paper is its width in map units at that scale.
    expect(small.sizes[0]?.width).toBeCloseTo(260 * small.scale * MM_PER_PT, 9);
  });

  it('gives a wide map a row of its own, and keeps names at 8 pt or more', () => {
    const wide = handoutMapLayout([{ width: 900, height: 600 }, { width: 400, height: 280 }, { width: 400, height: 280 }], a4);
    expect(wide.rows[0]).toEqual([0]);
    expect(wide.namePt).toBeGreaterThanOrEqual(MIN_NAME_PT);
    expect(wide.labelPt).toBeGreaterThanOrEqual(MIN_LABEL_PT);
    expect(MIN_MAP_SCALE * LABEL_FONT_SIZE).toBeGreaterThanOrEqual(MIN_LABEL_PT);
  });

  it('prints sideways a map too wide for the sheet at the minimum, at the minimum or more', () => {
    const wide = handoutMapLayout([{ width: 1013, height: 473 }, { width: 570, height: 460 }, { width: 630, height: 420 }], a4);
    expect(wide.turned).toEqual([true, false, false]);
    expect(wide.legible).toBe(true);
    expect(wide.footprints[0]?.width).toBeCloseTo(wide.sizes[0]?.height as number, 9);
    expect(wide.footprints[0]?.height).toBeCloseTo(wide.sizes[0]?.width as number, 9);
    expect((wide.footprints[0]?.width as number) + MAP_FRAME_MM).toBeLessThanOrEqual(a4.width);
    expect(wide.footprints[0]?.height).toBeLessThanOrEqual(a4.height);
  });

  it('says so when a map is too big for a sheet either way even at the minimum, and still fits it on the sheet', () => {
    const huge = handoutMapLayout([{ width: 3000, height: 2000 }], a4);
    expect(huge.legible).toBe(false);
    expect(huge.namePt).toBeLessThan(MIN_NAME_PT);
    expect((huge.footprints[0]?.width as number) + MAP_FRAME_MM).toBeLessThanOrEqual(a4.width + 1e-9);
    expect(huge.footprints[0]?.height).toBeLessThanOrEqual(a4.height + 1e-9);
  });
});
