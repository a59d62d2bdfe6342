// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { SYSTEM_IDS } from '../../shared/case/systems';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { echoHighlights } from '../../shared/scene/highlight';
import { renderMapImage, svgSize } from '../../shared/presentation/mapImage';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/03-both-waiting.json');

async function example() {
  return parseCaseFileText(await readFile(EXAMPLE, 'utf8'), 'example-03.json').case;
}

/** Parses as XML, failing on anything malformed; returns the root element. */
function parseXml(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc.documentElement;
}

describe('renderMapImage', () => {
  it('draws one map with a legend under it, as well-formed SVG of the size on its root', async () => {
    const kase = await example();
    const echo = analyzeCase(kase).echoes[0];
    if (!echo) throw new Error('example 03 has no echo');
    const image = renderMapImage(kase, 'therapy', {
      highlights: echoHighlights(kase, echo, '#e69f00'),
      legend: [{ colour: '#e69f00', label: echo.wording.label }],
    });
    const root = parseXml(image.svg);
    expect(root.nodeName).toBe('svg');
    expect(svgSize(image.svg)).toEqual({ width: image.width, height: image.height });
    const text = root.textContent ?? '';
    expect(text).toContain(echo.wording.label);
    for (const member of kase.systems.therapy.members) {
      const name = kase.people.find((person) => person.id === member.person)?.name ?? '';
      expect(text.replace(/\s+/g, '')).toContain(name.replace(/\s+/g, ''));
    }
    expect(image.svg).toContain('stroke="#e69f00"');
  });

  it('draws all three maps side by side with every person on them', async () => {
    const kase = await example();
    const image = renderMapImage(kase, 'all');
    const text = (parseXml(image.svg).textContent ?? '').replace(/\s+/g, '');
    const drawn = new Set(SYSTEM_IDS.flatMap((system) => kase.systems[system].members.map((member) => member.person)));
    for (const person of kase.people.filter((p) => drawn.has(p.id))) expect(text).toContain(person.name.replace(/\s+/g, ''));
    expect(image.width).toBeGreaterThan(1000);
  });

  it('holds no cast name when drawn from the de-identified case', async () => {
    const kase = await example();
    const { case: clean, pseudonyms } = deidentifyCase(kase);
    const names = kase.people.filter((person) => pseudonyms[person.id] !== person.name).map((person) => person.name);
    expect(names.length).toBeGreaterThan(0);
    for (const target of ['all', ...SYSTEM_IDS] as const) {
      const svg = renderMapImage(clean, target).svg;
      for (const name of names) expect(svg.toLowerCase(), `${target}: ${name}`).not.toMatch(new RegExp(`\\b${name.toLowerCase()}\\b`));
    }
  });
});

describe('parseXml', () => {
  it('fails on malformed XML, so the checks above can fail', () => {
    expect(() => parseXml('<svg xmlns="http://www.w3.org/2000/svg"><a></svg>')).toThrow();
  });
});

describe('svgSize', () => {
  it('reads the width and height of the root element only', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="120.5" height="80"><svg width="9" height="9"/></svg>')).toEqual({ width: 120.5, height: 80 });
  });

  it('refuses an SVG without a size', () => {
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(/no width and height/);
  });
});
