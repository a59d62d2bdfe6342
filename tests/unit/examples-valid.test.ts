import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFileText, serializeCaseFile } from '../../shared/case/parse';
import { SYSTEM_IDS } from '../../shared/case/systems';

const EXAMPLES_DIR = new URL('../../resources/examples/', import.meta.url);
const exampleFiles = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

function readExample(name: string): string {
  return readFileSync(new URL(name, EXAMPLES_DIR), 'utf8');
}

// The example cases retell the source article's vignettes; they must not reuse its people's names.
const SOURCE_ARTICLE_NAMES = ['Mark', 'Elena', 'James', 'Sofia'];

describe('example cases shipped in resources/examples', () => {
  it('ships the three vignettes of the source article', () => {
    expect(exampleFiles).toEqual(['01-pressure-to-get-it-right.json', '02-working-harder.json', '03-both-waiting.json']);
  });

  describe.each(exampleFiles)('%s', (name) => {
    it('is a valid case file', () => {
      expect(() => parseCaseFileText(readExample(name), name)).not.toThrow();
    });

    it.each(SYSTEM_IDS)('fills the %s system with members and relations', (systemId) => {
      const system = parseCaseFileText(readExample(name), name).case.systems[systemId];
      expect(system.members.length).toBeGreaterThanOrEqual(2);
      expect(system.relations.length).toBeGreaterThanOrEqual(1);
    });

    it('has a supervisor, a summary and at least two other people', () => {
      const { case: kase } = parseCaseFileText(readExample(name), name);
      expect(kase.people.filter((p) => p.kind === 'supervisor')).toHaveLength(1);
      expect(kase.people.filter((p) => p.kind === 'other').length).toBeGreaterThanOrEqual(2);
      expect(kase.summary?.length ?? 0).toBeGreaterThan(200);
    });

    it('uses none of the names of the source article', () => {
      const names = parseCaseFileText(readExample(name), name).case.people.map((p) => p.name);
      const text = readExample(name);
      for (const articleName of SOURCE_ARTICLE_NAMES) {
        expect(names.join(' ')).not.toMatch(new RegExp(`\\b${articleName}\\b`, 'i'));
        expect(text).not.toMatch(new RegExp(`\\b${articleName}\\b`));
      }
    });

    it('survives export and import unchanged', () => {
      const first = parseCaseFileText(readExample(name), name);
      expect(parseCaseFileText(serializeCaseFile(first.case), name)).toEqual(first);
    });
  });
});
