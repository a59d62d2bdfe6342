import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCaseStore } from '../../electron/store/caseStore';
import type { DocumentCodec } from '../../electron/store/codec';
import { CaseDocumentSchema, StoreIndexSchema } from '../../electron/store/documents';
import { sampleCase } from './fixtures/cases';
import { exited, firstLine, hashTree, makeTempDir, startFixture } from './fixtures/storeFiles';

const KILLS = 50;
const SAVED = 'busy';
const UNTOUCHED = 'quiet';

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await makeTempDir('triptych-crash-');
  dataDir = path.join(root, 'data');
  const store = await openCaseStore({ dataDir });
  await store.create(sampleCase(SAVED, { summary: 'save 0' }));
  await store.create(sampleCase(UNTOUCHED));
  await store.close();
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function savedCounter(summary: string | undefined): number {
  const match = /^save (\d+)$/.exec(summary ?? '');
  if (match === null) throw new Error(`not a version written by the save loop: ${summary}`);
  return Number(match[1]);
}

async function parseDocument(file: string): Promise<ReturnType<typeof CaseDocumentSchema.parse>> {
  return CaseDocumentSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
}

it(`leaves every case whole when the writer is killed with SIGKILL mid-save (${KILLS} times)`, async () => {
  const untouchedBytes = (await hashTree(dataDir))[path.join('cases', `${UNTOUCHED}.json`)];
  let counter = 0;
  let killsWithLeftoverTemp = 0;
  let killsWithStaleIndex = 0;

  for (let kill = 0; kill < KILLS; kill++) {
    const child = startFixture('save-loop.ts', [dataDir, SAVED]);
    expect(await firstLine(child)).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 130));
    child.kill('SIGKILL');
    await exited(child);

    // On disk, before anything repairs it: each case document is whole and
    // holds either the version before the interrupted save or the one after.
    const caseNames = await fs.readdir(path.join(dataDir, 'cases'));
    if (caseNames.some((name) => name.endsWith('.tmp'))) killsWithLeftoverTemp += 1;
    expect(caseNames.filter((name) => !name.startsWith('.')).sort()).toEqual([`${SAVED}.json`, `${UNTOUCHED}.json`]);
    const saved = await parseDocument(path.join(dataDir, 'cases', `${SAVED}.json`));
    const onDisk = savedCounter(saved.case.summary);
    expect(onDisk).toBeGreaterThanOrEqual(counter);
    counter = onDisk;
    expect(saved.case).toEqual({ ...sampleCase(SAVED, { summary: `save ${onDisk}` }), updatedAt: saved.case.updatedAt });
    expect((await hashTree(dataDir))[path.join('cases', `${UNTOUCHED}.json`)]).toBe(untouchedBytes);
    // The index is flushed lazily, so it may still describe an older version.
    const staleIndex = StoreIndexSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'index.json'), 'utf8')));
    if (staleIndex.cases.find((row) => row.id === SAVED)?.updatedAt !== saved.case.updatedAt) killsWithStaleIndex += 1;
    const backupDir = path.join(dataDir, 'backups', SAVED);
    for (const name of (await fs.readdir(backupDir)).filter((entry) => !entry.startsWith('.'))) {
      savedCounter((await parseDocument(path.join(backupDir, name))).case.summary);
    }

    // And the store opens as if nothing happened: stale lock taken over, no
    // temp file taken for a case, nothing quarantined, and the list shows the
    // version on disk even when the index lagged behind it. Only the case
    // written since the index was flushed is read to repair it.
    const decodedAtOpen: string[] = [];
    const store = await openCaseStore({ dataDir, codec: recordingCodec(decodedAtOpen) });
    expect(decodedAtOpen).not.toContain(`case:${UNTOUCHED}`);
    expect(store.quarantined()).toEqual([]);
    const rows = await store.list();
    expect(rows.map((row) => row.id).sort()).toEqual([SAVED, UNTOUCHED]);
    expect(rows.find((row) => row.id === SAVED)).toEqual({
      id: SAVED,
      title: saved.case.title,
      people: saved.case.people.map((person) => person.name),
      createdAt: saved.case.createdAt,
      updatedAt: saved.case.updatedAt,
    });
    expect(await store.get(SAVED)).toEqual(saved.case);
    expect((await store.get(SAVED)).summary).toBe(`save ${onDisk}`);
    await store.close();
    expect((await fs.readdir(path.join(dataDir, 'cases'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const repaired = StoreIndexSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'index.json'), 'utf8')));
    expect(repaired.cases.find((row) => row.id === SAVED)?.updatedAt).toBe(saved.case.updatedAt);
  }

  // The loop really was saving while it was killed, and the repair of a
  // stale index really was exercised.
  expect(counter).toBeGreaterThan(KILLS);
  expect(killsWithStaleIndex).toBeGreaterThan(0);
  console.info(
    `crash test: ${counter} saves, ${killsWithLeftoverTemp} of ${KILLS} kills left a temp file behind, ${killsWithStaleIndex} left the index behind the case`,
  );
});

/** Plain JSON like the default codec, noting which documents were decoded. */
function recordingCodec(decoded: string[]): DocumentCodec {
  return {
    encode: (_docId, plaintext) => plaintext,
    decode: (docId, bytes) => {
      decoded.push(docId);
      return bytes;
    },
  };
}
