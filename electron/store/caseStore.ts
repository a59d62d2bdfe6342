import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { CaseFileError, describeIssues, parseCaseFileText, serializeCaseFile } from '../../shared/case/parse';
import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import type { CaseFileTextSchema, CaseSummarySchema, TrashedCaseSchema } from '../../shared/ipc/contract';
import { TriptychError } from '../../shared/ipc/result';
import { copyTitle, exportFileName, freshCaseId } from './caseNames';
import { identityCodec, type DocumentCodec } from './codec';
import {
  CaseDocumentSchema,
  StoreIndexSchema,
  TrashDocumentSchema,
  type CaseDocument,
  type StoreIndex,
  type TrashDocument,
} from './documents';
import { DocumentFile } from './documentFile';
import { ensurePrivateDir, listDir, removeFileDurably, removeStaleTempFiles, syncDirectory } from './files';
import { acquireStoreLock, type StoreLock } from './lock';
import { STORE_SCHEMA_VERSION } from './migrations';
import { Quarantine, type QuarantineReport } from './quarantine';
import { SerialQueue } from './serialQueue';

export type CaseSummary = z.output<typeof CaseSummarySchema>;
export type TrashedCase = z.output<typeof TrashedCaseSchema>;
export type CaseFileText = z.output<typeof CaseFileTextSchema>;
export type { QuarantineReport };

/** The clinician's caseload on disk: every operation the app and the command line perform on it. */
export interface CaseStore {
  /** The folder holding this store. */
  readonly dataDir: string;
  /** The live cases, most recently changed first. */
  list(): Promise<CaseSummary[]>;
  get(id: string): Promise<Case>;
  /** Adds a new case; an id already in use (live or in the trash) is a conflict. */
  create(kase: CaseInput): Promise<Case>;
  /** Replaces a live case and stamps updatedAt; its creation time is kept from the store. */
  save(kase: CaseInput): Promise<Case>;
  /** Copies a case under a new id with the title "… (copy)". */
  duplicate(id: string): Promise<Case>;
  trash(id: string): Promise<void>;
  /** The deleted cases, most recently deleted first. */
  listTrash(): Promise<TrashedCase[]>;
  restore(id: string): Promise<Case>;
  /** Deletes every trashed case and its backups for good; returns how many cases went. */
  emptyTrash(): Promise<number>;
  /** Adds the case in a case file's text; the file is refused whole on any error. */
  importCaseFile(text: string, fileName: string): Promise<Case>;
  exportCaseFile(id: string): Promise<CaseFileText>;
  /** Damaged files moved aside since the store was opened. */
  quarantined(): QuarantineReport[];
  /** True once the example cases were offered, so deleting them does not bring them back. */
  examplesSeeded(): Promise<boolean>;
  markExamplesSeeded(): Promise<void>;
  /** Finishes queued writes and releases the store lock. */
  close(): Promise<void>;
}

export interface OpenCaseStoreOptions {
  dataDir: string;
  /** The byte layer for every file written; plain JSON when omitted. */
  codec?: DocumentCodec;
}

const CASE_FILE_NAME = /^([A-Za-z0-9_-]{1,64})\.json$/;

/**
 * Opens (creating if needed) the case store in `dataDir`: takes the store
 * lock, reads and validates every case, quarantines damaged files, migrates
 * older documents and rebuilds the index when it is missing or out of date.
 */
export async function openCaseStore(options: OpenCaseStoreOptions): Promise<CaseStore> {
  const dataDir = path.resolve(options.dataDir);
  await ensurePrivateDir(dataDir);
  const lock = await acquireStoreLock(dataDir);
  try {
    return await FileCaseStore.load(dataDir, options.codec ?? identityCodec, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

class FileCaseStore implements CaseStore {
  private readonly live = new Map<string, Low<CaseDocument>>();
  private readonly trashed = new Map<string, Low<TrashDocument>>();
  private readonly queue = new SerialQueue();
  private readonly quarantine: Quarantine;
  private readonly casesDir: string;
  private readonly trashDir: string;
  private readonly backupsDir: string;
  private index: Low<StoreIndex>;
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly codec: DocumentCodec,
    private readonly lock: StoreLock,
  ) {
    this.quarantine = new Quarantine(dataDir);
    this.casesDir = path.join(dataDir, 'cases');
    this.trashDir = path.join(dataDir, 'trash');
    this.backupsDir = path.join(dataDir, 'backups');
    this.index = new Low(this.indexFile(), { schemaVersion: STORE_SCHEMA_VERSION, examplesSeeded: false, cases: [] });
  }

  static async load(dataDir: string, codec: DocumentCodec, lock: StoreLock): Promise<FileCaseStore> {
    const store = new FileCaseStore(dataDir, codec, lock);
    await store.loadFromDisk();
    return store;
  }

  list(): Promise<CaseSummary[]> {
    return this.run(async () => structuredClone(this.index.data.cases));
  }

  get(id: string): Promise<Case> {
    return this.run(async () => structuredClone(this.liveCase(id).data.case));
  }

  create(input: CaseInput): Promise<Case> {
    return this.run(() => this.insert(parseCase(input)));
  }

  save(input: CaseInput): Promise<Case> {
    return this.run(async () => {
      const kase = parseCase(input);
      const db = this.liveCase(kase.id);
      const saved: Case = { ...kase, createdAt: db.data.case.createdAt, updatedAt: new Date().toISOString() };
      await commit<CaseDocument>(db, { schemaVersion: STORE_SCHEMA_VERSION, case: saved });
      await this.writeIndex();
      return structuredClone(saved);
    });
  }

  duplicate(id: string): Promise<Case> {
    return this.run(async () => {
      const source = this.liveCase(id).data.case;
      const now = new Date().toISOString();
      return this.insert({
        ...structuredClone(source),
        id: freshCaseId(id, (candidate) => this.isTaken(candidate), 'copy'),
        title: copyTitle(source.title),
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  trash(id: string): Promise<void> {
    return this.run(async () => {
      const db = this.liveCase(id);
      // Written before the live file goes, so a crash in between leaves the
      // case in both places (resolved on open), never in neither.
      const trashed = new Low<TrashDocument>(this.trashFile(id), {
        schemaVersion: STORE_SCHEMA_VERSION,
        trashedAt: new Date().toISOString(),
        case: db.data.case,
      });
      await trashed.write();
      await removeFileDurably(this.caseFilePath(id));
      this.live.delete(id);
      this.trashed.set(id, trashed);
      await this.writeIndex();
    });
  }

  listTrash(): Promise<TrashedCase[]> {
    return this.run(async () =>
      [...this.trashed.values()]
        .map(({ data }) => ({ ...summarise(data.case), trashedAt: data.trashedAt }))
        .sort((a, b) => compareNewestFirst(a.trashedAt, b.trashedAt) || a.id.localeCompare(b.id)),
    );
  }

  restore(id: string): Promise<Case> {
    return this.run(async () => {
      const trashed = this.trashed.get(id);
      if (trashed === undefined) throw new TriptychError('not-found', `There is no case "${id}" in the trash.`);
      if (this.live.has(id)) throw new TriptychError('conflict', `A case with the id "${id}" is already in the case list.`);
      const db = new Low<CaseDocument>(this.caseFile(id), { schemaVersion: STORE_SCHEMA_VERSION, case: trashed.data.case });
      await db.write();
      await removeFileDurably(this.trashFilePath(id));
      this.trashed.delete(id);
      this.live.set(id, db);
      await this.writeIndex();
      return structuredClone(db.data.case);
    });
  }

  emptyTrash(): Promise<number> {
    return this.run(async () => {
      const ids = [...this.trashed.keys()];
      for (const id of ids) {
        await removeFileDurably(this.trashFilePath(id));
        // Emptying the trash is the clinician's "delete for good": the
        // earlier versions of the case go with it.
        await fs.rm(path.join(this.backupsDir, id), { recursive: true, force: true });
        this.trashed.delete(id);
      }
      if (ids.length > 0) await syncDirectory(this.backupsDir);
      return ids.length;
    });
  }

  importCaseFile(text: string, fileName: string): Promise<Case> {
    return this.run(async () => {
      let kase: Case;
      try {
        kase = parseCaseFileText(text, fileName).case;
      } catch (error) {
        if (error instanceof CaseFileError) throw new TriptychError('invalid-case-file', error.message);
        throw error;
      }
      // Importing a case whose id is already in use (live or in the trash)
      // adds it under a fresh id ("<id>-2", …) instead of refusing or
      // overwriting: re-importing an exported case must never destroy the
      // clinician's current version, and refusing would leave them no way in.
      const id = this.isTaken(kase.id) ? freshCaseId(kase.id, (candidate) => this.isTaken(candidate)) : kase.id;
      return this.insert({ ...kase, id });
    });
  }

  exportCaseFile(id: string): Promise<CaseFileText> {
    return this.run(async () => {
      const kase = this.liveCase(id).data.case;
      return { fileName: exportFileName(kase.title, kase.id), text: serializeCaseFile(kase) };
    });
  }

  quarantined(): QuarantineReport[] {
    return this.quarantine.list();
  }

  examplesSeeded(): Promise<boolean> {
    return this.run(async () => this.index.data.examplesSeeded);
  }

  markExamplesSeeded(): Promise<void> {
    return this.run(async () => {
      if (this.index.data.examplesSeeded) return;
      this.index.data = { ...this.index.data, examplesSeeded: true };
      await this.index.write();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.run(async () => {
      this.closed = true;
    });
    await this.lock.release();
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new TriptychError('internal', 'This case store has been closed; reopen Triptych to continue.');
      return task();
    });
  }

  private async loadFromDisk(): Promise<void> {
    const freshStore = await ensurePrivateDir(this.casesDir);
    await ensurePrivateDir(this.trashDir);
    await ensurePrivateDir(this.backupsDir);
    // Only the lock holder writes here, so any temp file is a killed writer's leftover.
    for (const dir of [this.dataDir, this.casesDir, this.trashDir]) await removeStaleTempFiles(dir);
    for (const name of await listDir(this.backupsDir)) await removeStaleTempFiles(path.join(this.backupsDir, name));

    const storedIndex = await this.indexFile().load();

    for (const id of await documentIds(this.casesDir)) {
      const adapter = this.caseFile(id);
      const loaded = await adapter.load();
      if (loaded === null) continue;
      const db = new Low(adapter, loaded.document);
      if (loaded.migratedFrom !== null) await persistMigrated(db, adapter, path.join(this.backupsDir, id));
      this.live.set(id, db);
    }
    for (const id of await documentIds(this.trashDir)) {
      const adapter = this.trashFile(id);
      const loaded = await adapter.load();
      if (loaded === null) continue;
      const db = new Low(adapter, loaded.document);
      if (loaded.migratedFrom !== null) await persistMigrated(db, adapter, path.join(this.backupsDir, id));
      await this.settleTrashedCopy(id, db);
    }

    const examplesSeeded = storedIndex?.document.examplesSeeded ?? !freshStore;
    this.index.data = { schemaVersion: STORE_SCHEMA_VERSION, examplesSeeded, cases: this.summaries() };
    // The index is derived: whenever it is missing, damaged or disagrees with
    // the case documents, the documents win and the index is rewritten.
    if (storedIndex === null || storedIndex.migratedFrom !== null || !isDeepStrictEqual(storedIndex.document, this.index.data)) {
      await this.index.write();
    }
  }

  /**
   * A case both live and in the trash means a crash between the two steps of
   * trash or restore: the live copy wins. An identical trashed copy is simply
   * removed; a different one is moved aside rather than lost.
   */
  private async settleTrashedCopy(id: string, trashed: Low<TrashDocument>): Promise<void> {
    const live = this.live.get(id);
    if (live === undefined) {
      this.trashed.set(id, trashed);
    } else if (isDeepStrictEqual(live.data.case, trashed.data.case)) {
      await removeFileDurably(this.trashFilePath(id));
    } else {
      await this.quarantine.take(this.trashFilePath(id), `is a trashed copy of "${id}", which is also in the case list with different content`);
    }
  }

  private async insert(kase: Case): Promise<Case> {
    if (this.isTaken(kase.id)) throw new TriptychError('conflict', `A case with the id "${kase.id}" already exists (in the case list or the trash).`);
    const db = new Low<CaseDocument>(this.caseFile(kase.id), { schemaVersion: STORE_SCHEMA_VERSION, case: kase });
    await db.write();
    this.live.set(kase.id, db);
    await this.writeIndex();
    return structuredClone(kase);
  }

  private async writeIndex(): Promise<void> {
    this.index.data = { ...this.index.data, cases: this.summaries() };
    await this.index.write();
  }

  private summaries(): CaseSummary[] {
    return [...this.live.values()]
      .map(({ data }) => summarise(data.case))
      .sort((a, b) => compareNewestFirst(a.updatedAt, b.updatedAt) || a.id.localeCompare(b.id));
  }

  private liveCase(id: string): Low<CaseDocument> {
    const db = this.live.get(id);
    if (db === undefined) throw new TriptychError('not-found', `There is no case "${id}"; it may have been deleted or moved to the trash.`);
    return db;
  }

  private isTaken(id: string): boolean {
    return this.live.has(id) || this.trashed.has(id);
  }

  private caseFilePath(id: string): string {
    return path.join(this.casesDir, `${id}.json`);
  }

  private trashFilePath(id: string): string {
    return path.join(this.trashDir, `${id}.json`);
  }

  private caseFile(id: string): DocumentFile<CaseDocument> {
    return new DocumentFile({
      file: this.caseFilePath(id),
      docId: `case:${id}`,
      schema: CaseDocumentSchema,
      codec: this.codec,
      quarantine: this.quarantine,
      backupDir: path.join(this.backupsDir, id),
      check: (document) => namedForItsCase(id, document.case.id),
    });
  }

  private trashFile(id: string): DocumentFile<TrashDocument> {
    return new DocumentFile({
      file: this.trashFilePath(id),
      docId: `case:${id}`,
      schema: TrashDocumentSchema,
      codec: this.codec,
      quarantine: this.quarantine,
      backupDir: path.join(this.backupsDir, id),
      check: (document) => namedForItsCase(id, document.case.id),
    });
  }

  private indexFile(): DocumentFile<StoreIndex> {
    return new DocumentFile({
      file: path.join(this.dataDir, 'index.json'),
      docId: 'index',
      schema: StoreIndexSchema,
      codec: this.codec,
      quarantine: this.quarantine,
    });
  }
}

/** Validates a case handed to the store by code (the IPC layer has already parsed it). */
function parseCase(input: CaseInput): Case {
  const parsed = CaseSchema.safeParse(input);
  if (!parsed.success) {
    throw new TriptychError('invalid-request', `The case was not saved because it is not valid: ${describeIssues(parsed.error.issues).join('; ')}`);
  }
  return parsed.data;
}

/** Writes `next` through lowdb; memory keeps the previous document if the write fails. */
async function commit<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}

/**
 * Writes a migrated document over its original (which the adapter first
 * copies into the case's backups) and reads it back; the original stays in
 * the backups whatever happens.
 */
async function persistMigrated<T>(db: Low<T>, adapter: DocumentFile<T>, backupDir: string): Promise<void> {
  await db.write();
  const readBack = await adapter.load();
  if (readBack === null || !isDeepStrictEqual(readBack.document, db.data)) {
    throw new TriptychError(
      'store-damaged',
      `${adapter.file} could not be upgraded to store version ${STORE_SCHEMA_VERSION}: the upgraded copy did not read back. The original is kept in ${backupDir}.`,
    );
  }
}

function namedForItsCase(fileId: string, caseId: string): string | null {
  return fileId === caseId ? null : `holds the case "${caseId}" but is named for "${fileId}"`;
}

async function documentIds(dir: string): Promise<string[]> {
  return (await listDir(dir))
    .map((name) => CASE_FILE_NAME.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

function summarise(kase: Case): CaseSummary {
  return {
    id: kase.id,
    title: kase.title,
    people: kase.people.map((person) => person.name),
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
  };
}

function compareNewestFirst(a: string, b: string): number {
  return Date.parse(b) - Date.parse(a);
}
