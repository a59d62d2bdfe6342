// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import type { Case } from '../../shared/case/schema';
import { fitHandout, shortenText, type HandoutText } from '../../shared/presentation/handoutFit';
import { renderHandoutHtml, type HandoutOptions } from '../../shared/presentation/handoutHtml';
import { parseReflectivePrompts } from '../../shared/presentation/prompts';

const repo = resolve(import.meta.dirname, '../..');
const prompts = parseReflectivePrompts(JSON.parse(readFileSync(resolve(repo, 'resources/prompts/reflective-prompts.json'), 'utf8')), 'prompts');
const examples = ['01-pressure-to-get-it-right.json', '02-working-harder.json', '03-both-waiting.json'].map(
  (name) => parseCaseFileText(readFileSync(resolve(repo, 'resources/examples', name), 'utf8'), name).case,
);
const owen = examples[0] as Case;

function handout(overrides: Partial<HandoutOptions> = {}): Document {
  const html = renderHandoutHtml({ kase: owen, deidentify: true, paper: 'A4', pages: 2, date: '2026-11-20', prompts, ...overrides });
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderHandoutHtml', () => {
  it('is one self-contained document: no script, no external URL, a CSP that forbids both', () => {
    for (const kase of examples) {
      for (const pages of [1, 2, 3] as const) {
        const html = renderHandoutHtml({ kase, deidentify: true, paper: 'Letter', pages, date: '2026-11-20', prompts });
        expect(html).not.toMatch(/<script|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)|<link|<img|@import|url\((?!#)/i);
        const document = new DOMParser().parseFromString(html, 'text/html');
        expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
        expect(document.querySelectorAll('section.sheet')).toHaveLength(pages);
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
});

describe('fitting a handout to its pages', () => {
  const text = (summary: string, rows: number): HandoutText => ({
    title: 'A case',
    meta: '20 November 2026',
    summary,
    legend: ['Client', 'Therapist'],
    mapsNote: 'An arrow runs from the person who acts.',
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

  it('gives more room on more pages, and shortens a long summary and table first', () => {
    const long = 'A sentence about the case. '.repeat(300);
    const one = fitHandout(text(long, 40), 'A4', 1);
    const two = fitHandout(text(long, 40), 'A4', 2);
    const three = fitHandout(text(long, 40), 'A4', 3);
    expect(one.tableRows).toBeLessThan(two.tableRows);
    expect(one.summaryLimit).toBeLessThan(three.summaryLimit);
    expect(one.tableRows).toBeGreaterThanOrEqual(3);
    expect(two.questionsPerEcho).toBe(2);
  });

  it('keeps everything of a short case', () => {
    const fit = fitHandout(text('Short.', 4), 'Letter', 2);
    expect(fit.tableRows).toBeGreaterThanOrEqual(4);
    expect(fit.echoSummaries).toBe(true);
  });

  it('cuts a summary at a sentence and says so', () => {
    expect(shortenText('One. Two three. Four five six.', 20)).toEqual({ text: 'One. Two three. […]', cut: true });
    expect(shortenText('Short.', 20)).toEqual({ text: 'Short.', cut: false });
  });
});
