import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { serializeCaseFile } from '../../shared/case/parse';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import { DEFAULT_EXAMPLES_DIR, seedExamplesIfFirstOpen } from '../../electron/store/examples';
import { sampleCase } from './fixtures/cases';
import { makeTempDir } from './fixtures/storeFiles';

let root: string;
let dataDir: string;
let examplesDir: string;
let store: CaseStore | undefined;

beforeEach(async () => {
  root = await makeTempDir('triptych-examples-');
  dataDir = path.join(root, 'data');
  examplesDir = path.join(root, 'examples');
  await fs.mkdir(examplesDir);
  await fs.writeFile(path.join(examplesDir, '01-first.json'), serializeCaseFile(sampleCase('first-example')));
  await fs.writeFile(path.join(examplesDir, '02-second.json'), serializeCaseFile(sampleCase('second-example')));
  await fs.writeFile(path.join(examplesDir, 'README.md'), 'not a case');
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  await fs.rm(root, { recursive: true, force: true });
});

async function reopen(): Promise<CaseStore> {
  await store?.close();
  store = await openCaseStore({ dataDir });
  return store;
}

it('seeds the example cases on first open, and never again once they are deleted', async () => {
  let opened = await reopen();
  const outcome = await seedExamplesIfFirstOpen(opened, examplesDir);
  expect(outcome.imported.map((kase) => kase.id)).toEqual(['first-example', 'second-example']);
  expect(outcome.refused).toEqual([]);
  expect((await opened.list()).map((row) => row.id).sort()).toEqual(['first-example', 'second-example']);

  await opened.trash('first-example');
  await opened.trash('second-example');
  await opened.emptyTrash();
  opened = await reopen();
  expect((await seedExamplesIfFirstOpen(opened, examplesDir)).imported).toEqual([]);
  expect(await opened.list()).toEqual([]);
});

it('does not seed a store that already holds cases', async () => {
  const opened = await reopen();
  await opened.create(sampleCase('mine'));
  expect((await seedExamplesIfFirstOpen(opened, examplesDir)).imported).toEqual([]);
  expect((await opened.list()).map((row) => row.id)).toEqual(['mine']);
  expect(await opened.examplesSeeded()).toBe(true);
});

it('imports examples through the validated import: a broken example is refused, the others arrive', async () => {
  await fs.writeFile(path.join(examplesDir, '03-broken.json'), '{"format": "triptych-case", "version": 1}');
  const opened = await reopen();
  const outcome = await seedExamplesIfFirstOpen(opened, examplesDir);
  expect(outcome.imported).toHaveLength(2);
  expect(outcome.refused).toEqual([{ fileName: '03-broken.json', message: expect.stringMatching(/^03-broken\.json: not a valid case file\n {2}at case: /) }]);
});

it('ships example cases that all pass the validated import', async () => {
  const shipped = (await fs.readdir(DEFAULT_EXAMPLES_DIR)).filter((name) => name.endsWith('.json'));
  expect(shipped.length).toBeGreaterThan(0);
  const opened = await reopen();
  const outcome = await seedExamplesIfFirstOpen(opened);
  expect(outcome.refused).toEqual([]);
  expect(outcome.imported).toHaveLength(shipped.length);
});
