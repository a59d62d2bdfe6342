import { promises as fs, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepBackup } from '../../electron/store/backups';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import type { DocumentCodec } from '../../electron/store/codec';
import { CaseDocumentSchema, StoreIndexSchema } from '../../electron/store/documents';
import type { Case } from '../../shared/case/schema';
import { TriptychError } from '../../shared/ipc/result';
import { sampleCase } from './fixtures/cases';
import { exited, firstLine, makeTempDir, startFixture } from './fixtures/storeFiles';

// Opening lists the cases from the index and reads only the case files whose
// size, times or inode differ from what the index recorded; the index itself
// is written lazily. These tests pin down what that must never cost: a stale
// or changed file is always read and validated, and backups stay exact.

let root: string;
let dataDir: string;
const open: CaseStore[] = [];

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

async function openStore(codec?: DocumentCodec): Promise<CaseStore> {
  const store = await openCaseStore({ dataDir, codec });
  open.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of open.splice(0)) await store.close();
}

function caseFile(id: string): string {
  return path.join(dataDir, 'cases', `${id}.json`);
}

async function indexOnDisk(): Promise<ReturnType<typeof StoreIndexSchema.parse>> {
  return StoreIndexSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'index.json'), 'utf8')));
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

beforeEach(async () => {
  root = await makeTempDir('triptych-index-');
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  await closeAll();
  await fs.rm(root, { recursive: true, force: true });
});

describe('opening from the index', () => {
  it('lists the cases without reading a case file the index vouches for', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark', { updatedAt: '2026-11-20T10:00:00.000Z' }));
    await store.create(sampleCase('anna', { updatedAt: '2026-11-21T10:00:00.000Z' }));
    const listed = await store.list();
    await store.close();

    const decoded: string[] = [];
    const reopened = await openStore(recordingCodec(decoded));
    expect(decoded).toEqual(['index']);
    expect(await reopened.list()).toEqual(listed);
    expect(await reopened.get('mark')).toEqual(sampleCase('mark', { updatedAt: '2026-11-20T10:00:00.000Z' }));
  });

  it('reads and validates at open a case file changed behind the store, even with its size and modification time put back', async () => {
    let store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    await store.close();
    // A whole-second mtime, which utimes can set back exactly; the store
    // notices this change too and records the new signature.
    const wholeSecond = new Date('2026-11-20T12:00:00.000Z');
    await fs.utimes(caseFile('mark'), wholeSecond, wholeSecond);
    store = await openStore();
    await store.close();

    // Same length, same mtime: what a copy tool that preserves times leaves.
    const before = await fs.stat(caseFile('mark'));
    expect(before.mtimeMs).toBe(wholeSecond.getTime());
    const text = await fs.readFile(caseFile('mark'), 'utf8');
    const edited = text.replace('"title":"Case mark"', '"title":"Case MARK"');
    expect(edited).not.toBe(text);
    await fs.writeFile(caseFile('mark'), edited);
    await fs.utimes(caseFile('mark'), wholeSecond, wholeSecond);
    expect((await fs.stat(caseFile('mark'))).size).toBe(before.size);
    expect((await fs.stat(caseFile('mark'))).mtimeMs).toBe(before.mtimeMs);

    const decoded: string[] = [];
    const reopened = await openStore(recordingCodec(decoded));
    expect(decoded.sort()).toEqual(['case:mark', 'index']);
    expect((await reopened.list()).find((row) => row.id === 'mark')?.title).toBe('Case MARK');
    expect((await indexOnDisk()).cases.find((row) => row.id === 'mark')?.title).toBe('Case MARK');
  });

  it('quarantines at open a case file made invalid behind the store, and reports it', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    await store.close();
    const invalid = JSON.stringify({ schemaVersion: 1, case: { ...sampleCase('mark'), people: [] } });
    await fs.writeFile(caseFile('mark'), invalid);

    const reopened = await openStore();
    expect((await reopened.list()).map((row) => row.id)).toEqual(['anna']);
    expect(reopened.quarantined()).toEqual([expect.objectContaining({ file: caseFile('mark'), reason: expect.stringContaining('at case.people') })]);
    expect((await indexOnDisk()).cases.map((row) => row.id)).toEqual(['anna']);
  });

  it('drops from the list a case whose file was deleted behind the store', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    await store.close();
    await fs.rm(caseFile('mark'));

    const reopened = await openStore();
    expect((await reopened.list()).map((row) => row.id)).toEqual(['anna']);
    expect((await indexOnDisk()).cases.map((row) => row.id)).toEqual(['anna']);
    expect(Object.keys((await indexOnDisk()).files)).toEqual(['anna']);
  });

  it('opens a store whose index has no file signatures, reading every case once', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    const listed = await store.list();
    await store.close();
    const { files: _files, ...olderIndex } = await indexOnDisk();
    await fs.writeFile(path.join(dataDir, 'index.json'), JSON.stringify(olderIndex));

    let decoded: string[] = [];
    let reopened = await openStore(recordingCodec(decoded));
    expect(reopened.quarantined()).toEqual([]);
    expect(decoded.sort()).toEqual(['case:anna', 'case:mark', 'index']);
    expect(await reopened.list()).toEqual(listed);
    expect(Object.keys((await indexOnDisk()).files).sort()).toEqual(['anna', 'mark']);
    await reopened.close();

    decoded = [];
    reopened = await openStore(recordingCodec(decoded));
    expect(decoded).toEqual(['index']);
  });

  it('repairs the index after a crash between a case write and the index flush', async () => {
    const store = await openStore();
    const original = await store.create(sampleCase('busy', { summary: 'save 0' }));
    await store.create(sampleCase('quiet'));
    await store.close();

    const child = startFixture('save-loop.ts', [dataDir, 'busy']);
    expect(await firstLine(child)).toBe('ready');
    // Kill it once it has saved at least once, long before its first index flush.
    for (;;) {
      const onDisk = CaseDocumentSchema.parse(JSON.parse(await fs.readFile(caseFile('busy'), 'utf8')));
      if (onDisk.case.summary !== 'save 0') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exited(child);

    const onDisk = CaseDocumentSchema.parse(JSON.parse(await fs.readFile(caseFile('busy'), 'utf8'))).case;
    expect((await indexOnDisk()).cases.find((row) => row.id === 'busy')?.updatedAt).toBe(original.updatedAt);
    expect(onDisk.updatedAt).not.toBe(original.updatedAt);

    const decoded: string[] = [];
    const reopened = await openStore(recordingCodec(decoded));
    expect(decoded.sort()).toEqual(['case:busy', 'index']);
    expect(reopened.quarantined()).toEqual([]);
    expect((await reopened.list()).find((row) => row.id === 'busy')?.updatedAt).toBe(onDisk.updatedAt);
    expect(await reopened.get('busy')).toEqual(onDisk);
    expect((await indexOnDisk()).cases.find((row) => row.id === 'busy')?.updatedAt).toBe(onDisk.updatedAt);
  });
});

describe('reading a case', () => {
  it('sets aside a case file damaged while the store is open, with an error saying where it went', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.create(sampleCase('anna'));
    const damagedBytes = Buffer.from('{"schemaVersion": 1, "case": {"id": "ma');
    await fs.writeFile(caseFile('mark'), damagedBytes);

    const error = await rejection(store.get('mark'));
    expect(error.code).toBe('store-damaged');
    const [report] = store.quarantined();
    expect(report).toMatchObject({ file: caseFile('mark'), reason: expect.stringMatching(/^is not valid JSON/) });
    expect(error.message).toBe(
      `The case "Case mark" could not be opened because its file ${report!.reason}. The file was moved to ${report!.movedTo}; earlier versions of the case are kept in ${path.join(dataDir, 'backups', 'mark')}.`,
    );
    expect(await fs.readFile(report!.movedTo)).toEqual(damagedBytes);
    expect((await store.list()).map((row) => row.id)).toEqual(['anna']);
    expect((await rejection(store.save(sampleCase('mark')))).code).toBe('not-found');
    await store.close();
    expect((await indexOnDisk()).cases.map((row) => row.id)).toEqual(['anna']);
  });

  it('reports a case whose file was deleted while the store is open as not found', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await fs.rm(caseFile('mark'));
    const error = await rejection(store.get('mark'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(caseFile('mark'));
    expect(await store.list()).toEqual([]);
  });
});

describe('the index on disk', () => {
  it('follows a save within a second while the store is open, and is current after close', async () => {
    let store = await openStore();
    const kase = await store.create(sampleCase('mark'));
    await store.close();

    // The store's flush timer runs on a fake clock: no real second to wait for
    // (and none to overrun on a busy machine). The file work stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let first: Case;
    try {
      store = await openStore();
      first = await store.save({ ...kase, summary: 'first' });
      await vi.advanceTimersByTimeAsync(999);
      expect((await indexOnDisk()).cases[0]?.updatedAt).toBe(kase.updatedAt);
      await vi.advanceTimersByTimeAsync(1);
      await expect.poll(async () => (await indexOnDisk()).cases[0]?.updatedAt).toBe(first.updatedAt);
    } finally {
      vi.useRealTimers();
    }

    // A later millisecond, so the second save's stamp differs from the first's.
    await expect.poll(() => Date.now()).toBeGreaterThan(Date.parse(first.updatedAt));
    const second = await store.save({ ...kase, summary: 'second' });
    await store.close();
    expect(second.updatedAt).not.toBe(first.updatedAt);
    expect((await indexOnDisk()).cases[0]?.updatedAt).toBe(second.updatedAt);
  });
});

describe('backups', () => {
  // As in store.test.ts: stands in for issue 5's encryption, so plaintext or a docId mix-up shows.
  const MARKER = Buffer.from('XOR1');
  const xor = (docId: string, bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ docId.charCodeAt(i % docId.length)));
  const scrambling: DocumentCodec = {
    encode: (docId, plaintext) => Buffer.concat([MARKER, xor(docId, plaintext)]),
    decode: (docId, bytes) => {
      if (!bytes.subarray(0, MARKER.length).equals(MARKER)) throw new Error('not written by this codec');
      return xor(docId, bytes.subarray(MARKER.length));
    },
  };

  it('keeps the five previous versions byte for byte, each decoding with the case id', async () => {
    const store = await openStore(scrambling);
    const kase = await store.create(sampleCase('mark', { summary: 'save 0' }));
    const versions: Buffer[] = [];
    for (let n = 1; n <= 7; n++) {
      versions.push(await fs.readFile(caseFile('mark')));
      await store.save({ ...kase, summary: `save ${n}` });
    }

    const backupDir = path.join(dataDir, 'backups', 'mark');
    const names = (await fs.readdir(backupDir)).sort();
    expect(names).toHaveLength(5);
    const live = await fs.stat(caseFile('mark'));
    const summaries: (string | undefined)[] = [];
    for (const [n, name] of names.entries()) {
      const file = path.join(backupDir, name);
      const bytes = await fs.readFile(file);
      expect(bytes).toEqual(versions[versions.length - 5 + n]);
      const stats = await fs.stat(file);
      expect(stats.mode & 0o777).toBe(0o600);
      // A version of its own, not another name for the live file.
      expect(stats.ino).not.toBe(live.ino);
      summaries.push(CaseDocumentSchema.parse(JSON.parse(scrambling.decode('case:mark', bytes).toString('utf8'))).case.summary);
    }
    expect(summaries).toEqual(['save 2', 'save 3', 'save 4', 'save 5', 'save 6']);
    expect((await store.get('mark')).summary).toBe('save 7');
  });

  // /dev/shm is a tmpfs on Linux, another device than the temp folder on
  // disk, so a hard link from one to the other fails with EXDEV.
  const shm = '/dev/shm';
  const crossDevice = (() => {
    try {
      return statSync(shm).isDirectory() && statSync(shm).dev !== statSync(os.tmpdir()).dev;
    } catch {
      return false;
    }
  })();

  it.skipIf(!crossDevice)('copies the previous version when the file system refuses a hard link, and still keeps five', async () => {
    const file = path.join(root, 'case.json');
    const dir = path.join(await fs.mkdtemp(path.join(shm, 'triptych-backups-')), 'mark');
    try {
      const versions: Buffer[] = [];
      for (let n = 0; n < 7; n++) {
        versions.push(Buffer.from(`version ${n}`));
        await fs.writeFile(file, versions[n]!);
        await keepBackup(dir, file);
      }
      const names = (await fs.readdir(dir)).sort();
      expect(names).toHaveLength(5);
      for (const [n, name] of names.entries()) {
        expect(await fs.readFile(path.join(dir, name))).toEqual(versions[2 + n]);
        expect((await fs.stat(path.join(dir, name))).mode & 0o777).toBe(0o600);
      }
    } finally {
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('keeps a backup private even when the case file it keeps was readable by others', async () => {
    let store = await openStore();
    const kase = await store.create(sampleCase('mark'));
    await store.close();
    await fs.chmod(caseFile('mark'), 0o644);
    store = await openStore();
    await store.save({ ...kase, summary: 'after' });
    const [name] = await fs.readdir(path.join(dataDir, 'backups', 'mark'));
    expect((await fs.stat(path.join(dataDir, 'backups', 'mark', name!))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(caseFile('mark'))).mode & 0o777).toBe(0o600);
  });

  it('makes no backup folder for a case that has never been replaced', async () => {
    const store = await openStore();
    await store.create(sampleCase('mark'));
    await store.close();
    expect(await fs.readdir(path.join(dataDir, 'backups'))).toEqual([]);
  });
});
