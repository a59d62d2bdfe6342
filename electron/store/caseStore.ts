import { promises as fs, type Stats } from 'node:fs';
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
  type FileSignature,
  type StoreIndex,
  type TrashDocument,
} from './documents';
import { DocumentFile, type DocumentRead } from './documentFile';
import { sameSignature, signatureOf } from './fileSignature';
import { ensurePrivateDir, removeFileDurably, removeStaleTempFiles, statIfExists, syncDirectory } from './files';
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
  /** Reads and validates the case's file; a damaged file is moved aside and reported (store-damaged). */
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
  /** Finishes queued writes, brings the index up to date and releases the store lock. */
  close(): Promise<void>;
}

export interface OpenCaseStoreOptions {
  dataDir: string;
  /** The byte layer for every file written; plain JSON when omitted. */
  codec?: DocumentCodec;
}

const CASE_FILE_NAME = /^([A-Za-z0-9_-]{1,64})\.json$/;

/**
 * How long the index may lag behind the case files. The index is derived
 * data that opening the store checks against every case file's signature, so
 * a save replaces only its own case file (proportional to one case, not the
 * caseload) and the index follows within this delay, and always at close.
 */
const INDEX_FLUSH_DELAY_MS = 1_000;

/** A live case as the store keeps it in memory: its row in the case list, not its content. */
interface LiveCase {
  summary: CaseSummary;
  /** updatedAt in milliseconds, to sort the list without parsing dates. */
  updatedMs: number;
  /** The signature of the file the summary was taken from. */
  signature: FileSignature;
}

/**
 * Opens (creating if needed) the case store in `dataDir`: takes the store
 * lock, lists the cases from the index, reads and validates every case file
 * the index does not vouch for, quarantines damaged files, migrates older
 * documents and rewrites the index when it is missing or out of date.
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
  private readonly live = new Map<string, LiveCase>();
  private readonly trashed = new Map<string, Low<TrashDocument>>();
  private readonly queue = new SerialQueue();
  private readonly quarantine: Quarantine;
  private readonly casesDir: string;
  private readonly trashDir: string;
  private readonly backupsDir: string;
  private readonly index: Low<StoreIndex>;
  private seeded = false;
  /** True while the index on disk lags behind memory. */
  private indexStale = false;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Set once loading finished: a store that failed to open must never write its index later. */
  private ready = false;
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
    this.index = new Low(this.indexFile(), { schemaVersion: STORE_SCHEMA_VERSION, examplesSeeded: false, cases: [], files: {} });
  }

  static async load(dataDir: string, codec: DocumentCodec, lock: StoreLock): Promise<FileCaseStore> {
    const store = new FileCaseStore(dataDir, codec, lock);
    await store.loadFromDisk();
    store.ready = true;
    return store;
  }

  list(): Promise<CaseSummary[]> {
    return this.run(async () => this.rows().map(({ summary }) => ({ ...summary, people: [...summary.people] })));
  }

  get(id: string): Promise<Case> {
    return this.run(() => this.readCase(id));
  }

  create(input: CaseInput): Promise<Case> {
    return this.run(() => this.insert(parseCase(input)));
  }

  save(input: CaseInput): Promise<Case> {
    return this.run(async () => {
      const kase = parseCase(input);
      const known = this.liveCase(kase.id);
      // Validated once, above: createdAt comes from the index or a validated
      // case file (checked as a date-time either way) and updatedAt is a fresh
      // ISO date-time, so the document below is valid without a second pass.
      const saved: Case = { ...kase, createdAt: known.summary.createdAt, updatedAt: new Date().toISOString() };
      const stats = await this.caseFile(kase.id).replace({ schemaVersion: STORE_SCHEMA_VERSION, case: saved });
      this.record(saved, signatureOf(stats));
      return saved;
    });
  }

  duplicate(id: string): Promise<Case> {
    return this.run(async () => {
      const source = await this.readCase(id);
      const now = new Date().toISOString();
      return this.insert(
        parseCase({
          ...source,
          id: freshCaseId(id, (candidate) => this.isTaken(candidate), 'copy'),
          title: copyTitle(source.title),
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  }

  trash(id: string): Promise<void> {
    return this.run(async () => {
      const kase = await this.readCase(id);
      // Written before the live file goes, so a crash in between leaves the
      // case in both places (resolved on open), never in neither.
      const trashed = new Low<TrashDocument>(this.trashFile(id), {
        schemaVersion: STORE_SCHEMA_VERSION,
        trashedAt: new Date().toISOString(),
        case: kase,
      });
      await trashed.write();
      await removeFileDurably(this.caseFilePath(id));
      this.live.delete(id);
      this.trashed.set(id, trashed);
      this.indexChanged();
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
      const kase = trashed.data.case;
      // Validated when the trashed document was read or written.
      const stats = await this.caseFile(id).replace({ schemaVersion: STORE_SCHEMA_VERSION, case: kase });
      await removeFileDurably(this.trashFilePath(id));
      this.trashed.delete(id);
      this.record(kase, signatureOf(stats));
      return kase;
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
      if (!this.isTaken(kase.id)) return this.insert(kase);
      return this.insert(parseCase({ ...kase, id: freshCaseId(kase.id, (candidate) => this.isTaken(candidate)) }));
    });
  }

  exportCaseFile(id: string): Promise<CaseFileText> {
    return this.run(async () => {
      const kase = await this.readCase(id);
      return { fileName: exportFileName(kase.title, kase.id), text: serializeCaseFile(kase) };
    });
  }

  quarantined(): QuarantineReport[] {
    return this.quarantine.list();
  }

  examplesSeeded(): Promise<boolean> {
    return this.run(async () => this.seeded);
  }

  markExamplesSeeded(): Promise<void> {
    return this.run(async () => {
      if (this.seeded) return;
      this.seeded = true;
      // Written at once: unlike the rows, the flag exists only in the index.
      this.indexStale = true;
      await this.writeIndex();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.queue.run(async () => {
        if (this.closed) return;
        this.closed = true;
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        // A clean close leaves the index current, so the next open reads no case file.
        if (this.indexStale) await this.writeIndex();
      });
    } finally {
      await this.lock.release();
    }
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
    // Only the lock holder writes here, so any temp file is a killed writer's
    // leftover. (A case's backup folder is cleared when it next gets a backup.)
    await removeStaleTempFiles(this.dataDir);
    const caseIds = documentIds(await removeStaleTempFiles(this.casesDir));
    const trashIds = documentIds(await removeStaleTempFiles(this.trashDir));

    const stored = await this.indexFile().load();
    // An index written by an older store version vouches for files of that
    // version, which must be read to be migrated: it is not trusted.
    const current = stored.status === 'valid' && stored.migratedFrom === null ? stored.document : null;
    await this.admitCaseFiles(caseIds, current);

    for (const id of trashIds) {
      const file = this.trashFile(id);
      const read = await file.load();
      if (read.status !== 'valid') continue;
      if (read.migratedFrom !== null) await persistMigrated(file, read.document, path.join(this.backupsDir, id));
      await this.settleTrashedCopy(id, new Low(file, read.document));
    }

    this.seeded = stored.status === 'valid' ? stored.document.examplesSeeded : !freshStore;
    // The index is derived: whenever it is missing, damaged or disagrees with
    // the case files, the files win and the index is rewritten now.
    if (current === null || !isDeepStrictEqual(current, this.indexDocument())) await this.writeIndex();
    else this.indexStale = false;
  }

  /**
   * Lists each case from its index row when its file has exactly the
   * signature the index recorded, and reads and validates only the other
   * files: written after the index was last flushed (a crash in between),
   * changed, added or damaged outside Triptych, or all of them when there is
   * no usable index. A file damaged in place without any change to its
   * signature is caught when the case is read (every read validates).
   */
  private async admitCaseFiles(ids: string[], index: StoreIndex | null): Promise<void> {
    const rows = new Map(index?.cases.map((row) => [row.id, row]));
    // All at once: the stats overlap in libuv's thread pool.
    const found = await Promise.all(ids.map((id) => statIfExists(this.caseFilePath(id))));
    for (const [n, id] of ids.entries()) {
      const row = rows.get(id);
      const recorded = index?.files[id];
      const stats = found[n];
      if (row !== undefined && recorded !== undefined && stats != null && sameSignature(recorded, signatureOf(stats))) {
        this.live.set(id, { summary: row, updatedMs: Date.parse(row.updatedAt), signature: recorded });
      } else {
        await this.readCaseFile(id);
      }
    }
  }

  /**
   * A case both live and in the trash means a crash between the two steps of
   * trash or restore: the live copy wins. An identical trashed copy is simply
   * removed; a different one is moved aside rather than lost.
   */
  private async settleTrashedCopy(id: string, trashed: Low<TrashDocument>): Promise<void> {
    const live = this.live.has(id) ? await this.readCaseFile(id) : null;
    if (live === null || live.status !== 'valid') {
      this.trashed.set(id, trashed);
    } else if (isDeepStrictEqual(live.document.case, trashed.data.case)) {
      await removeFileDurably(this.trashFilePath(id));
    } else {
      await this.quarantine.take(this.trashFilePath(id), `is a trashed copy of "${id}", which is also in the case list with different content`);
    }
  }

  /** The case in a live case's file, validated; a missing or damaged file takes the case off the list with an error saying why. */
  private async readCase(id: string): Promise<Case> {
    const { summary } = this.liveCase(id);
    const read = await this.readCaseFile(id);
    switch (read.status) {
      case 'valid':
        return read.document.case;
      case 'missing':
        throw new TriptychError(
          'not-found',
          `The case "${summary.title}" is no longer in the case store: its file ${this.caseFilePath(id)} was moved or deleted outside Triptych.`,
        );
      case 'damaged':
        throw new TriptychError(
          'store-damaged',
          `The case "${summary.title}" could not be opened because its file ${read.report.reason}. The file was moved to ${read.report.movedTo}; earlier versions of the case are kept in ${path.join(this.backupsDir, id)}.`,
        );
    }
  }

  /**
   * Reads and validates a case file and brings the case's row up to date: a
   * valid file (migrated first when older) sets the row, a missing or
   * damaged one (then quarantined) removes it.
   */
  private async readCaseFile(id: string): Promise<DocumentRead<CaseDocument>> {
    const file = this.caseFile(id);
    // Taken before the read: if the file changes in between, the recorded
    // signature is the stale one and the next open reads the file again.
    const before = await statIfExists(file.file);
    const read: DocumentRead<CaseDocument> = before === null ? { status: 'missing' } : await file.load();
    if (read.status !== 'valid' || before === null) {
      if (this.live.delete(id)) this.indexChanged();
      return read;
    }
    const stats = read.migratedFrom === null ? before : await persistMigrated(file, read.document, path.join(this.backupsDir, id));
    this.record(read.document.case, signatureOf(stats));
    return read;
  }

  private async insert(kase: Case): Promise<Case> {
    if (this.isTaken(kase.id)) throw new TriptychError('conflict', `A case with the id "${kase.id}" already exists (in the case list or the trash).`);
    const stats = await this.caseFile(kase.id).replace({ schemaVersion: STORE_SCHEMA_VERSION, case: kase });
    this.record(kase, signatureOf(stats));
    return kase;
  }

  /** Sets a live case's row from its content and the signature of the file holding it. */
  private record(kase: Case, signature: FileSignature): void {
    const summary = summarise(kase);
    const known = this.live.get(kase.id);
    if (known !== undefined && sameSignature(known.signature, signature) && isDeepStrictEqual(known.summary, summary)) return;
    this.live.set(kase.id, { summary, updatedMs: Date.parse(summary.updatedAt), signature });
    this.indexChanged();
  }

  /** Notes that the index on disk lags behind, and flushes it within INDEX_FLUSH_DELAY_MS. */
  private indexChanged(): void {
    this.indexStale = true;
    if (!this.ready || this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      // A failed flush is tried again after the next change and at close;
      // the index is derived, so nothing is lost meanwhile.
      this.queue
        .run(async () => {
          if (!this.closed && this.indexStale) await this.writeIndex();
        })
        .catch(() => undefined);
    }, INDEX_FLUSH_DELAY_MS);
    // A pending flush must not keep a command-line process alive: if it exits
    // without closing the store, the next open repairs the index.
    this.flushTimer.unref();
  }

  private async writeIndex(): Promise<void> {
    this.index.data = this.indexDocument();
    await this.index.write();
    this.indexStale = false;
  }

  private indexDocument(): StoreIndex {
    const rows = this.rows();
    const files: Record<string, FileSignature> = {};
    for (const { summary, signature } of [...rows].sort((a, b) => (a.summary.id < b.summary.id ? -1 : 1))) files[summary.id] = signature;
    return { schemaVersion: STORE_SCHEMA_VERSION, examplesSeeded: this.seeded, cases: rows.map(({ summary }) => summary), files };
  }

  /** The live cases, most recently changed first. */
  private rows(): LiveCase[] {
    return [...this.live.values()].sort((a, b) => b.updatedMs - a.updatedMs || a.summary.id.localeCompare(b.summary.id));
  }

  private liveCase(id: string): LiveCase {
    const known = this.live.get(id);
    if (known === undefined) throw new TriptychError('not-found', `There is no case "${id}"; it may have been deleted or moved to the trash.`);
    return known;
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

/**
 * Writes a migrated (and validated) document over its original, which the
 * file first keeps in the case's backups, and reads it back; the original
 * stays in the backups whatever happens. Returns the stats of the new file.
 */
async function persistMigrated<T>(file: DocumentFile<T>, document: T, backupDir: string): Promise<Stats> {
  const stats = await file.replace(document);
  const readBack = await file.load();
  if (readBack.status !== 'valid' || !isDeepStrictEqual(readBack.document, document)) {
    throw new TriptychError(
      'store-damaged',
      `${file.file} could not be upgraded to store version ${STORE_SCHEMA_VERSION}: the upgraded copy did not read back. The original is kept in ${backupDir}.`,
    );
  }
  return stats;
}

function namedForItsCase(fileId: string, caseId: string): string | null {
  return fileId === caseId ? null : `holds the case "${caseId}" but is named for "${fileId}"`;
}

function documentIds(names: string[]): string[] {
  return names
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
