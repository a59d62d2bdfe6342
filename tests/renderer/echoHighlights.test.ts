import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../../shared/analysis/index';
import { parseCaseFileText } from '../../shared/case/parse';
import { identificationBadges, peopleInEcho, personNameInEchoes } from '../../renderer/echoes/echoFacts';
import { echoHighlights } from '../../shared/scene/highlight';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/01-pressure-to-get-it-right.json');
const kase = parseCaseFileText(readFileSync(EXAMPLE, 'utf8'), 'example-01.json').case;
const analysis = analyzeCase(kase);

function echo(id: string) {
  const found = analysis.echoes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no echo ${id} in example 01: ${analysis.echoes.map((e) => e.id).join(', ')}`);
  return found;
}

const sorted = (items: ReadonlySet<string>) => [...items].sort();

describe('echoHighlights', () => {
  it('marks the holders of a role and the relations through which they hold it, in every system it spans', () => {
    const highlights = echoHighlights(kase, echo('role:exact:performer'), '#3a78c2');
    expect(sorted(highlights.client.personIds)).toEqual(['c']);
    expect(sorted(highlights.client.relationIds)).toEqual(['cw1', 'cw2', 'cw3']);
    expect(sorted(highlights.therapy.personIds)).toEqual(['t']);
    expect(sorted(highlights.therapy.relationIds)).toEqual(['th1']);
    expect(sorted(highlights.supervision.personIds)).toEqual(['t']);
    expect(sorted(highlights.supervision.relationIds)).toEqual(['sv1', 'sv2']);
    expect(highlights.client.colour).toBe('#3a78c2');
  });

  it('marks the relations carrying a pattern and both people at their ends', () => {
    const highlights = echoHighlights(kase, echo('pattern:exact:critic>performer'), '#c2571a');
    expect(sorted(highlights.client.relationIds)).toEqual(['cw1']);
    expect(sorted(highlights.client.personIds)).toEqual(['c', 'mgr']);
    expect(sorted(highlights.supervision.relationIds)).toEqual(['sv1']);
    expect(sorted(highlights.supervision.personIds)).toEqual(['s', 't']);
  });

  it('leaves a system the echo is not in empty, so that map dims entirely', () => {
    const highlights = echoHighlights(kase, echo('pattern:exact:critic>performer'), '#c2571a');
    expect(highlights.therapy.personIds.size).toBe(0);
    expect(highlights.therapy.relationIds.size).toBe(0);
  });

  it('marks only people for a feeling', () => {
    const highlights = echoHighlights(kase, echo('feeling:exact:anxious'), '#3f8f3a');
    expect(sorted(highlights.client.personIds)).toEqual(['c']);
    expect(highlights.client.relationIds.size).toBe(0);
    expect(sorted(highlights.therapy.personIds)).toEqual(['c']);
    expect(sorted(highlights.supervision.personIds)).toEqual(['t']);
  });
});

describe('the facts the echo panel shows', () => {
  it('gives the performer echo a concordant therapist badge with an explanation', () => {
    const badges = identificationBadges(echo('role:exact:performer'));
    expect(badges.map((badge) => badge.text)).toEqual(['Therapist: concordant']);
    expect(badges[0]?.explanation).toMatch(/client's own position/);
  });

  it('knows who takes part in an echo and their name from its wording', () => {
    expect(sorted(peopleInEcho(echo('pattern:exact:critic>performer')))).toEqual(['c', 'mgr', 's', 't']);
    expect(personNameInEchoes(analysis.echoes, 'c')).toBe('Owen');
    expect(personNameInEchoes(analysis.echoes, 'mgr')).toBe('Line manager');
  });
});
