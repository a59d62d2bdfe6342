// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { CaseSchema, type Case } from '../../shared/case/schema';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { echoHighlights } from '../../shared/scene/highlight';
import { renderLegendSvg, renderSystemSvg, renderTriptychSvg } from '../../shared/presentation/mapSvg';
import { HIGHLIGHT_COLOURS, PERSON_KIND_COLOURS } from '../../shared/scene/palette';

const repo = resolve(import.meta.dirname, '../..');
const examples = ['01-pressure-to-get-it-right.json', '02-working-harder.json', '03-both-waiting.json'].map(
  (name) => parseCaseFileText(readFileSync(resolve(repo, 'resources/examples', name), 'utf8'), name).case,
);

/** Parses `svg` as an XML document (jsdom's XML parser) and fails on any well-formedness error. */
function parseSvg(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return document;
}

/** Every text the SVG shows, one entry per <text>, lines joined by spaces. */
function texts(document: Document): string[] {
  return [...document.getElementsByTagName('text')].map((text) =>
    [...text.getElementsByTagName('tspan')].map((span) => span.textContent).join(' ') || (text.textContent ?? ''),
  );
}

/** A case whose people have names that need escaping, and a member with a saved position. */
function awkwardCase(): Case {
  return CaseSchema.parse({
    id: 'awkward',
    title: 'Awkward <names> & more',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    people: [
      { id: 'c', name: 'Tom & "Jerry" <Smith>', kind: 'client' },
      { id: 't', name: "O'Neill\u0007", kind: 'therapist' },
      { id: 'o', name: 'A very long name that has to wrap over lines', kind: 'other' },
    ],
    systems: {
      client: {
        members: [{ person: 'c', position: { x: 40, y: -20 } }, { person: 'o' }],
        relations: [
          { id: 'r1', from: 'o', to: 'c', act: 'says "you <never> listen" & leaves' },
          { id: 'r2', from: 'c', to: 'c', fromRole: 'self-critic' },
        ],
      },
      therapy: { members: [{ person: 'c' }, { person: 't' }], relations: [] },
      supervision: {},
    },
  });
}

describe('renderSystemSvg', () => {
  it('is checked by a parser that does catch malformed XML', () => {
    const broken = new DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><text>Tom & Jerry</text></svg>', 'image/svg+xml');
    expect(broken.getElementsByTagName('parsererror').length).toBeGreaterThan(0);
  });

  it('is well-formed XML with every member labelled, for every system of every example', () => {
    for (const kase of examples) {
      for (const system of SYSTEM_IDS) {
        const document = parseSvg(renderSystemSvg(kase, system));
        const shown = texts(document);
        for (const member of kase.systems[system].members) {
          const name = kase.people.find((p) => p.id === member.person)?.name as string;
          expect(shown, `${kase.id} ${system}`).toContain(name);
        }
        expect(document.querySelectorAll('[data-person]')).toHaveLength(kase.systems[system].members.length);
        expect(document.querySelectorAll('path[data-relation]')).toHaveLength(kase.systems[system].relations.length);
      }
    }
  });

  it('draws relations as arrows labelled with their roles, and loops for a stance toward oneself', () => {
    const kase = examples[0] as Case;
    const document = parseSvg(renderSystemSvg(kase, 'client'));
    const shown = texts(document);
    expect(shown).toContain('Critic → Anxious performer');
    expect(shown).toContain('Self-critic');
    const loop = document.querySelector('path[data-relation="cw4"]')?.getAttribute('d') ?? '';
    expect(loop).toMatch(/^M .* C /);
    for (const path of document.querySelectorAll('path[data-relation]')) expect(path.getAttribute('marker-end')).toMatch(/^url\(#map-client-arrow-\d\)$/);
  });

  it('colours people as the app does: client blue, therapist green, supervisor purple', () => {
    const kase = examples[0] as Case;
    const document = parseSvg(renderSystemSvg(kase, 'supervision'));
    const fill = (id: string) => document.querySelector(`[data-person="${id}"] rect:last-of-type`)?.getAttribute('fill');
    expect(fill('t')).toBe(PERSON_KIND_COLOURS.therapist);
    expect(fill('s')).toBe(PERSON_KIND_COLOURS.supervisor);
    expect(parseSvg(renderSystemSvg(kase, 'therapy')).querySelector('[data-person="c"] rect')?.getAttribute('fill')).toBe(PERSON_KIND_COLOURS.client);
  });

  it('escapes names and acts, drops characters XML forbids, wraps long names and keeps a saved position', () => {
    const kase = awkwardCase();
    const svg = renderSystemSvg(kase, 'client');
    const document = parseSvg(svg);
    const shown = texts(document);
    expect(shown).toContain('Tom & "Jerry" <Smith>');
    expect(shown).toContain('says "you <never> listen" & leaves');
    expect(svg).not.toContain('\u0007');
    const longName = document.querySelector('[data-person="o"] text');
    expect(longName?.getElementsByTagName('tspan').length).toBeGreaterThan(1);
    const client = document.querySelector('[data-person="c"] rect:last-of-type');
    const x = Number(client?.getAttribute('x')) + Number(client?.getAttribute('width')) / 2;
    const y = Number(client?.getAttribute('y')) + Number(client?.getAttribute('height')) / 2;
    expect([x, y]).toEqual([40, -20]);
    expect(texts(parseSvg(renderSystemSvg(kase, 'therapy')))).toContain("O'Neill");
  });

  it('says so when nobody is mapped in a system', () => {
    expect(texts(parseSvg(renderSystemSvg(awkwardCase(), 'supervision')))).toEqual(['Nobody is mapped here yet']);
  });

  it('shows pseudonyms instead of names when given labels', () => {
    const kase = examples[0] as Case;
    const { pseudonyms } = deidentifyCase(kase);
    const shown = texts(parseSvg(renderSystemSvg(kase, 'therapy', { labels: pseudonyms })));
    expect(shown).toContain('Client');
    expect(shown).toContain('Therapist');
    expect(shown.join(' ')).not.toMatch(/Owen|Nadia/);
  });

  it('highlights the people and relations of an echo in its colour', () => {
    const kase = examples[0] as Case;
    const echo = analyzeCase(kase).echoes.find((e) => e.id === 'pattern:exact:critic>performer');
    if (echo === undefined) throw new Error('the example lost its critic → performer echo');
    const colour = HIGHLIGHT_COLOURS[0] as string;
    const highlight = echoHighlights(kase, echo, colour);
    expect(highlight.client).toEqual({ personIds: new Set(['mgr', 'c']), relationIds: new Set(['cw1']), colour });
    expect(highlight.therapy).toEqual({ personIds: new Set(), relationIds: new Set(), colour });
    const document = parseSvg(renderSystemSvg(kase, 'client', { highlight: highlight.client }));
    expect(document.querySelector('path[data-relation="cw1"]')?.getAttribute('stroke')).toBe(colour);
    expect(document.querySelector('path[data-relation="cw2"]')?.getAttribute('stroke')).not.toBe(colour);
    expect(document.querySelectorAll(`[data-person="c"] rect[stroke="${colour}"]`)).toHaveLength(1);
    expect(document.querySelectorAll(`[data-person="dad"] rect[stroke="${colour}"]`)).toHaveLength(0);
  });

  it('highlights a role through the relations in which the person holds it', () => {
    const kase = examples[0] as Case;
    const echo = analyzeCase(kase).echoes.find((e) => e.id === 'role:exact:rescuer');
    if (echo === undefined) throw new Error('the example lost its rescuer echo');
    const highlight = echoHighlights(kase, echo, '#000000');
    expect([...highlight.client.relationIds]).toEqual(['cw5', 'cw6']);
    expect([...highlight.therapy.relationIds]).toEqual(['th2', 'th3']);
  });
});

describe('renderTriptychSvg and renderLegendSvg', () => {
  it('draws the three maps under their headings, with a legend of people and echoes', () => {
    for (const kase of examples) {
      const echoes = analyzeCase(kase).echoes.slice(0, 2);
      const highlights = echoes.map((echo, index) => echoHighlights(kase, echo, HIGHLIGHT_COLOURS[index] as string));
      const document = parseSvg(
        renderTriptychSvg(kase, {
          highlights: Object.fromEntries(SYSTEM_IDS.map((system) => [system, highlights.map((h) => h[system])])),
          legend: echoes.map((echo, index) => ({ colour: HIGHLIGHT_COLOURS[index] as string, label: `${index + 1}. ${echo.wording.label}` })),
        }),
      );
      const shown = texts(document);
      expect(shown).toEqual(expect.arrayContaining(["Client's world", 'Therapy', 'Supervision', `1. ${echoes[0]?.wording.label}`]));
      for (const person of kase.people) expect(shown.filter((text) => text === person.name).length).toBeGreaterThanOrEqual(2);
      // Marker ids stay unique when three maps share one document.
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('renders the legend alone as valid SVG', () => {
    const kase = examples[1] as Case;
    const shown = texts(parseSvg(renderLegendSvg(kase, { highlights: [{ colour: '#e69f00', label: '1. Rescuer' }] })));
    expect(shown).toEqual([...kase.people.map((p) => p.name), '1. Rescuer']);
  });
});
