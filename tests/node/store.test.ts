import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCaseFileText, serializeCaseFile } from '../../shared/case/parse';
import { TriptychError } from '../../shared/ipc/result';
import { exportFileName } from '../../electron/store/caseNames';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import type { DocumentCodec } from '../../electron/store/codec';
import { CaseDocumentSchema, StoreIndexSchema } from '../../electron/store/documents';
import { MIGRATIONS, migrateDocument, STORE_SCHEMA_VERSION } from '../../electron/store/migrations';
import { sampleCase } from './fixtures/cases';
import { exited, firstLine, hashTree, makeTempDir, startFixture, walk } from './fixtures/storeFiles';

let dataDir: string;
const open: CaseStore[] = [];

async function openStore(dir = dataDir): Promise<CaseStore> {
  const store = await openCaseStore({ dataDir: dir });
  open.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of open.splice(0)) await store.close();
}

function caseFile(id: string, dir = dataDir): string {
  return path.join(dir, 'cases', `${id}.json`);
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

async function rejection(promise: Promise<unknown>): Promise<TriptychError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TriptychError);
  return error as TriptychError;
}

/** The message the case-format parser itself gives for this text. */
function caseFileErrorText(text: string, fileName: string): string {
  try {
    parseCaseFileText(text, fileName);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the case file to be refused');
}

beforeEach(async () => {
  dataDir = path.join(await makeTempDir(), 'data');
});

afterEach(async () => {
  await closeAll();
  await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('case store: everyday operations', () => {
  it('creates, reads, saves, lists, duplicates, trashes, restores and empties the trash', async () => {
    const store = await openStore();
    expect(await store.list()).toEqual([]);

    const mark = await store.create(sampleCase('mark', { updatedAt: '2026-11-20T10:00:00.000Z' }));
    await store.create(sampleCase('anna', { title: 'Anna', updatedAt: '2026-11-21T10:00:00.000Z' }));
    expect(await store.get('mark')).toEqual(mark);
    expect((await store.list()).map((row) => row.id)).toEqual(['anna', 'mark']);
    expect((await store.list())[1]).toEqual({
      id: 'mark',
      title: 'Case mark',
      people: ['Mark', 'Elena', 'Sam', 'Manager'],
      createdAt: mark.createdAt,
      updatedAt: mark.updatedAt,
    });

    const before = Date.now();
    const saved = await store.save({ ...mark, summary: 'Second session', createdAt: '2030-01-01T00:00:00.000Z' });
    expect(saved.summary).toBe('Second session');
    expect(saved.createdAt).toBe(mark.createdAt);
    expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(before);
    expect(await store.get('mark')).toEqual(saved);
    expect((await store.list()).map((row) => row.id)).toEqual(['mark', 'anna']);

    const copy = await store.duplicate('mark');
    expect(copy.id).not.toBe('mark');
    expect(copy.title).toBe('Case mark (copy)');
    expect(copy.people).toEqual(saved.people);
    expect(await store.get(copy.id)).toEqual(copy);
    expect((await store.duplicate('mark')).id).not.toBe(copy.id);

    await store.trash('mark');
    expect((await store.list()).map((row) => row.id)).not.toContain('mark');
    expect((await store.listTrash()).map((row) => row.id)).toEqual(['mark']);
    expect((await rejection(store.get('mark'))).code).toBe('not-found');

    expect(await store.restore('mark')).toEqual(saved);
    expect(await store.get('mark')).toEqual(saved);
    expect(await store.listTrash()).toEqual([]);

    await store.trash('mark');
    await store.trash('anna');
    expect(await store.emptyTrash()).toBe(2);
    expect(await store.listTrash()).toEqual([]);
    expect((await rejection(store.restore('mark'))).code).toBe('not-found');
    await expect(fs.readdir(path.join(dataDir, 'trash'))).resolves.toEqual([]);
    await expect(fs.access(path.join(dataDir, 'backups', 'mark'))).rejects.toThrow();

    await store.close();
    const reopened = await openStore();
    expect((await reopened.list()).map((row) => row.id).sort()).toEqual([copy.id, 'mark-copy-2'].sort());
  });

  it('refuses an id already in use, an unknown case and an invalid case, with stable codes', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    expect((await rejection(store.create(sampleCase('mark')))).code).toBe('conflict');
    expect((await rejection(store.save(sampleCase('nobody')))).code).toBe('not-found');
    expect((await rejection(store.duplicate('nobody'))).code).toBe('not-found');
    expect((await rejection(store.trash('nobody'))).code).toBe('not-found');
    const invalid = await rejection(store.save({ ...sampleCase('mark'), people: [] }));
    expect(invalid.code).toBe('invalid-request');
    expect(invalid.message).toContain('at people');

    await store.trash('mark');
    // A trashed case still owns its id, so restoring it can never collide.
    expect((await rejection(store.create(sampleCase('mark')))).code).toBe('conflict');
  });

  it('exports a case that imports into another store as an equal case', async () => {
    const store = await openStore();
    const original = await store.create(sampleCase('mark-2026', { title: 'M., 42: work anxiety / "pressure"' }));
    const exported = await store.exportCaseFile('mark-2026');
    expect(exported.fileName).toBe('M-42-work-anxiety-pressure.triptych.json');
    expect(exported.text).toBe(serializeCaseFile(original));

    const other = await openStore(path.join(path.dirname(dataDir), 'other'));
    const imported = await other.importCaseFile(exported.text, exported.fileName);
    expect(imported).toEqual(original);
    expect(await other.get('mark-2026')).toEqual(original);
  });

  it('imports a case whose id is taken under a fresh id, leaving the existing case as it was', async () => {
    const store = await openStore();
    const existing = await store.create(sampleCase('mark'));
    const text = serializeCaseFile(sampleCase('mark', { title: 'Imported Mark' }));
    const imported = await store.importCaseFile(text, 'mark.triptych.json');
    expect(imported.id).toBe('mark-2');
    expect(imported.title).toBe('Imported Mark');
    expect(await store.get('mark')).toEqual(existing);
    expect((await store.importCaseFile(text, 'mark.triptych.json')).id).toBe('mark-3');
  });

  it('refuses an invalid case file whole and leaves every byte of the store unchanged', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.save({ ...sampleCase('mark'), summary: 'with a backup' });
    const before = await hashTree(dataDir);

    const broken = sampleCase('new-case', {
      people: [{ id: 't', name: 'Elena', kind: 'therapist' }],
    });
    const error = await rejection(store.importCaseFile(serializeCaseFile(broken), 'broken.json'));
    expect(error.code).toBe('invalid-case-file');
    expect(error.message.split('\n')[0]).toBe('broken.json: not a valid case file');
    expect(error.message).toContain('\n  at case.people: needs exactly one person of kind "client", found 0');
    expect(error.message).toBe(caseFileErrorText(serializeCaseFile(broken), 'broken.json'));

    const notJson = await rejection(store.importCaseFile('{"format": "triptych-case", ', 'cut.json'));
    expect(notJson.message).toMatch(/^cut\.json: not a valid case file\n {2}not JSON: /);

    expect(await hashTree(dataDir)).toEqual(before);
    expect((await store.list()).map((row) => row.id)).toEqual(['mark']);
  });

  it('serialises writes: many saves started at once all land, the last one wins', async () => {
    const store = await openStore();
    const kase = await store.create(sampleCase('mark'));
    const saves = Array.from({ length: 25 }, (_, n) => store.save({ ...kase, summary: `version ${n}` }));
    await Promise.all(saves);
    expect((await store.get('mark')).summary).toBe('version 24');
    const document = CaseDocumentSchema.parse(await readJson(caseFile('mark')));
    expect(document.case.summary).toBe('version 24');
  });
});

describe('case store: files on disk', () => {
  it('writes every file with mode 0600 and every folder with mode 0700', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.save(sampleCase('mark', { summary: 'again' }));
    await store.create(sampleCase('anna'));
    await store.trash('anna');
    await fs.writeFile(caseFile('broken'), 'not json');
    await store.close();
    await openStore(); // quarantines the broken file

    const { files, dirs } = await walk(dataDir);
    expect(files.map((file) => path.relative(dataDir, file)).sort()).toEqual(
      expect.arrayContaining(['cases/mark.json', 'index.json', 'store.lock', 'trash/anna.json']),
    );
    expect(dirs.map((dir) => path.relative(dataDir, dir)).sort()).toEqual(['backups', 'backups/mark', 'cases', 'quarantine', 'trash']);
    for (const file of files) {
      expect({ file, mode: (await fs.stat(file)).mode & 0o777 }).toEqual({ file, mode: 0o600 });
    }
    for (const dir of [dataDir, ...dirs]) {
      expect({ dir, mode: (await fs.stat(dir)).mode & 0o777 }).toEqual({ dir, mode: 0o700 });
    }
  });

  it('keeps the previous five versions of a case as backups', async () => {
    const store = await openStore();
    const kase = await store.create(sampleCase('mark', { summary: 'save 0' }));
    for (let n = 1; n <= 8; n++) await store.save({ ...kase, summary: `save ${n}` });

    const backupDir = path.join(dataDir, 'backups', 'mark');
    const names = (await fs.readdir(backupDir)).sort();
    expect(names).toHaveLength(5);
    const summaries = await Promise.all(
      names.map(async (name) => CaseDocumentSchema.parse(await readJson(path.join(backupDir, name))).case.summary),
    );
    expect(summaries).toEqual(['save 3', 'save 4', 'save 5', 'save 6', 'save 7']);
  });

  it('quarantines a corrupt file and a schema-invalid file, reports them, and still opens the other cases', async () => {
    let store = await openStore();
    await store.create(sampleCase('good'));
    await store.create(sampleCase('corrupt'));
    await store.create(sampleCase('invalid'));
    await store.close();

    const corruptBytes = Buffer.from('{"schemaVersion": 1, "case": {"id": "corr');
    await fs.writeFile(caseFile('corrupt'), corruptBytes);
    const invalidDocument = { schemaVersion: 1, case: { ...sampleCase('invalid'), people: [] } };
    const invalidBytes = Buffer.from(JSON.stringify(invalidDocument));
    await fs.writeFile(caseFile('invalid'), invalidBytes);

    store = await openStore();
    expect((await store.list()).map((row) => row.id)).toEqual(['good']);
    expect(await store.get('good')).toEqual(sampleCase('good'));
    expect((await rejection(store.get('corrupt'))).code).toBe('not-found');

    const reports = store.quarantined();
    expect(reports.map((report) => report.file).sort()).toEqual([caseFile('corrupt'), caseFile('invalid')]);
    const byFile = new Map(reports.map((report) => [report.file, report]));
    expect(byFile.get(caseFile('corrupt'))?.reason).toMatch(/^is not valid JSON/);
    expect(byFile.get(caseFile('invalid'))?.reason).toContain('at case.people');
    for (const report of reports) {
      expect(path.dirname(report.movedTo)).toBe(path.join(dataDir, 'quarantine'));
      expect(Number.isNaN(Date.parse(report.at))).toBe(false);
      await expect(fs.access(report.file)).rejects.toThrow();
    }
    expect(await fs.readFile(byFile.get(caseFile('corrupt'))!.movedTo)).toEqual(corruptBytes);
    expect(await fs.readFile(byFile.get(caseFile('invalid'))!.movedTo)).toEqual(invalidBytes);

    // The store keeps working, and the damaged ids are free again.
    await store.save(sampleCase('good', { summary: 'still saving' }));
    await store.create(sampleCase('corrupt'));
    await store.close();
    store = await openStore();
    expect(store.quarantined()).toEqual([]);
    expect((await store.list()).map((row) => row.id).sort()).toEqual(['corrupt', 'good']);
  });

  it('quarantines a case file whose name does not match the case inside it', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    await fs.copyFile(caseFile('mark'), caseFile('impostor'));
    const reopened = await openStore();
    expect(reopened.quarantined().map((report) => report.reason)).toEqual(['holds the case "mark" but is named for "impostor"']);
    expect((await reopened.list()).map((row) => row.id)).toEqual(['mark']);
  });

  it('rebuilds the index from the case documents when it is deleted or damaged', async () => {
    let store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna', { updatedAt: '2026-12-01T00:00:00.000Z' }));
    await store.markExamplesSeeded();
    const listed = await store.list();
    await store.close();

    await fs.rm(path.join(dataDir, 'index.json'));
    store = await openStore();
    expect(await store.list()).toEqual(listed);
    expect(await store.examplesSeeded()).toBe(true);
    expect(StoreIndexSchema.parse(await readJson(path.join(dataDir, 'index.json'))).cases).toEqual(listed);
    await store.close();

    await fs.writeFile(path.join(dataDir, 'index.json'), '{"schemaVersion":1,"cases":"oops"}');
    store = await openStore();
    expect(await store.list()).toEqual(listed);
    expect(store.quarantined().map((report) => report.file)).toEqual([path.join(dataDir, 'index.json')]);
    expect(StoreIndexSchema.parse(await readJson(path.join(dataDir, 'index.json'))).cases).toEqual(listed);
  });

  it('settles a case left both live and in the trash by a crash: the live copy wins', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    await fs.writeFile(
      path.join(dataDir, 'trash', 'mark.json'),
      JSON.stringify({ schemaVersion: 1, trashedAt: '2026-11-25T00:00:00.000Z', case: sampleCase('mark') }),
    );
    const reopened = await openStore();
    expect((await reopened.list()).map((row) => row.id)).toEqual(['mark']);
    expect(await reopened.listTrash()).toEqual([]);
    expect(reopened.quarantined()).toEqual([]);
  });

  it('ignores and removes temp files a killed writer left behind', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    const leftover = path.join(dataDir, 'cases', '.mark.json.1234.abcdef.tmp');
    await fs.writeFile(leftover, '{"schemaVersion": 1, "case": {');
    const reopened = await openStore();
    expect((await reopened.list()).map((row) => row.id)).toEqual(['mark']);
    expect(reopened.quarantined()).toEqual([]);
    await expect(fs.access(leftover)).rejects.toThrow();
  });
});

describe('case store: schema versions', () => {
  it('has a v1 migration that changes nothing', () => {
    const document = { schemaVersion: 0, case: sampleCase('mark') };
    const migrate = MIGRATIONS.get(1);
    expect(migrate).toBeDefined();
    expect(migrate!(structuredClone(document))).toEqual(document);
    expect(migrateDocument(document)).toEqual({ kind: 'migrated', from: 0, document: { ...document, schemaVersion: 1 } });
    expect(migrateDocument({ schemaVersion: STORE_SCHEMA_VERSION })).toEqual({ kind: 'current', document: { schemaVersion: STORE_SCHEMA_VERSION } });
  });

  it('migrates an older document on open, keeping the original until the migrated one reads back', async () => {
    let store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    const original = Buffer.from(JSON.stringify({ schemaVersion: 0, case: sampleCase('mark') }));
    await fs.writeFile(caseFile('mark'), original);

    store = await openStore();
    expect(store.quarantined()).toEqual([]);
    expect(await store.get('mark')).toEqual(sampleCase('mark'));
    expect(CaseDocumentSchema.parse(await readJson(caseFile('mark')))).toEqual({ schemaVersion: 1, case: sampleCase('mark') });
    const backups = await fs.readdir(path.join(dataDir, 'backups', 'mark'));
    expect(backups).toHaveLength(1);
    expect(await fs.readFile(path.join(dataDir, 'backups', 'mark', backups[0]!))).toEqual(original);
  });

  it('opens a current store without rewriting anything', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    const before = await hashTree(dataDir);
    await openStore();
    const after = await hashTree(dataDir);
    delete before['store.lock'];
    delete after['store.lock'];
    expect(after).toEqual(before);
  });

  it('refuses a store holding a document from a newer version, without quarantining or changing it', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    await fs.writeFile(caseFile('mark'), JSON.stringify({ schemaVersion: 2, case: sampleCase('mark'), newField: true }));
    const before = await hashTree(dataDir);

    const error = await rejection(openCaseStore({ dataDir }));
    expect(error.code).toBe('store-damaged');
    expect(error.message).toContain('newer version of Triptych (store version 2)');
    expect(await hashTree(dataDir)).toEqual(before);
    await expect(fs.access(path.join(dataDir, 'quarantine'))).rejects.toThrow();
    // The refused open released its lock: trying again gives the same answer, not "locked".
    expect((await rejection(openCaseStore({ dataDir }))).code).toBe('store-damaged');
  });
});

describe('case store: one window at a time', () => {
  it('refuses a second opener in another process while the store is open', async () => {
    const store = await openStore();
    const child = startFixture('open-store.ts', [dataDir]);
    expect(JSON.parse(await firstLine(child))).toEqual({
      error: { code: 'store-locked', message: 'This case store is open in another Triptych window' },
    });
    await exited(child);
    await store.close();

    const afterClose = startFixture('open-store.ts', [dataDir]);
    expect(JSON.parse(await firstLine(afterClose))).toEqual({ opened: true });
    await exited(afterClose);
  });

  it('refuses a second opener in the same process, until the first closes', async () => {
    const store = await openStore();
    const error = await rejection(openCaseStore({ dataDir }));
    expect(error).toMatchObject({ code: 'store-locked', message: 'This case store is open in another Triptych window' });
    await store.close();
    await openStore();
  });

  it('releases the lock when the process exits without closing the store', async () => {
    const child = startFixture('open-store.ts', [dataDir, 'exit']);
    expect(JSON.parse(await firstLine(child))).toEqual({ opened: true });
    await exited(child);
    await expect(fs.access(path.join(dataDir, 'store.lock'))).rejects.toThrow();
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const child = startFixture('open-store.ts', [dataDir, 'hold']);
    expect(JSON.parse(await firstLine(child))).toEqual({ opened: true });
    expect((await rejection(openCaseStore({ dataDir }))).code).toBe('store-locked');

    child.kill('SIGKILL');
    await exited(child);
    await expect(fs.access(path.join(dataDir, 'store.lock'))).resolves.toBeUndefined();
    const store = await openStore();
    expect(await store.list()).toEqual([]);
  });
});

describe('case store: the byte layer', () => {
  // Stands in for issue 5's encryption: a marker plus the bytes XORed with
  // the document id, so any plaintext on disk or any docId mix-up shows.
  const MARKER = Buffer.from('XOR1');
  const xor = (docId: string, bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ docId.charCodeAt(i % docId.length)));
  const scrambling: DocumentCodec = {
    encode: (docId, plaintext) => Buffer.concat([MARKER, xor(docId, plaintext)]),
    decode: (docId, bytes) => {
      if (!bytes.subarray(0, MARKER.length).equals(MARKER)) throw new Error('not written by this codec');
      return xor(docId, bytes.subarray(MARKER.length));
    },
  };

  it('passes every file it writes through the codec: cases, index, backups and trash', async () => {
    let store = await openCaseStore({ dataDir, codec: scrambling });
    await store.create(sampleCase('mark'));
    await store.save(sampleCase('mark', { summary: 'second version' }));
    await store.create(sampleCase('anna'));
    await store.trash('anna');
    await store.close();

    const { files } = await walk(dataDir);
    const documents = files.filter((file) => !file.endsWith('store.lock'));
    expect(documents.map((file) => path.relative(dataDir, file)).sort()).toEqual([
      expect.stringMatching(/^backups\/mark\/\d{8}T\d{9}Z-\d{6}\.json$/),
      'cases/mark.json',
      'index.json',
      'trash/anna.json',
    ]);
    for (const file of documents) {
      const bytes = await fs.readFile(file);
      expect(bytes.subarray(0, MARKER.length)).toEqual(MARKER);
      expect(bytes.includes('Elena')).toBe(false);
    }

    store = await openCaseStore({ dataDir, codec: scrambling });
    expect((await store.get('mark')).summary).toBe('second version');
    expect((await store.listTrash()).map((row) => row.id)).toEqual(['anna']);
    await store.close();
  });

  it('quarantines a file the codec cannot read, and aborts the open when the codec refuses the whole store', async () => {
    let store = await openCaseStore({ dataDir, codec: scrambling });
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    await store.close();
    await fs.writeFile(caseFile('anna'), JSON.stringify({ schemaVersion: 1, case: sampleCase('anna') }));

    store = await openCaseStore({ dataDir, codec: scrambling });
    expect(store.quarantined()).toEqual([expect.objectContaining({ file: caseFile('anna'), reason: 'could not be read: not written by this codec' })]);
    expect((await store.list()).map((row) => row.id)).toEqual(['mark']);
    await store.close();

    const before = await hashTree(dataDir);
    const wrongKey: DocumentCodec = {
      encode: scrambling.encode,
      decode: () => {
        throw new TriptychError('store-damaged', 'The key does not open this store.');
      },
    };
    await expect(openCaseStore({ dataDir, codec: wrongKey })).rejects.toMatchObject({ code: 'store-damaged' });
    expect(await hashTree(dataDir)).toEqual(before);
  });
});

describe('export file names', () => {
  it('keeps letters and digits of the title, safe on every OS, falling back to the case id', () => {
    expect(exportFileName('M., 42: work anxiety', 'mark')).toBe('M-42-work-anxiety.triptych.json');
    expect(exportFileName('Zoë / Ærø <draft>?', 'zoe')).toBe('Zoë-Ærø-draft.triptych.json');
    expect(exportFileName('???', 'case-7')).toBe('case-7.triptych.json');
    expect(exportFileName('CON', 'c')).toBe('case-CON.triptych.json');
    expect(exportFileName('x'.repeat(200), 'c')).toBe(`${'x'.repeat(100)}.triptych.json`);
  });
});
