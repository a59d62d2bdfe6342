import type { Stats } from 'node:fs';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/case/parse';
import { TriptychError } from '../../shared/ipc/result';
import { keepBackup } from './backups';
import type { DocumentCodec } from './codec';
import { readFileIfExists, stageFile } from './files';
import { migrateDocument, STORE_SCHEMA_VERSION } from './migrations';
import type { Quarantine, QuarantineReport } from './quarantine';

export interface DocumentFileOptions<T> {
  /** Absolute path of the document. */
  file: string;
  /** The logical id the codec binds the bytes to, e.g. "case:mark-2026" (see DocumentCodec). */
  docId: string;
  schema: z.ZodType<T>;
  codec: DocumentCodec;
  quarantine: Quarantine;
  /** When set, the bytes being replaced are kept here first (rolling backups). */
  backupDir?: string;
  /** A rule the schema cannot see (e.g. the file name must match the id inside); returns why it fails. */
  check?: (document: T) => string | null;
}

/**
 * What reading a document found: the valid document (and the schemaVersion it
 * was migrated from, if any), no file at all, or a damaged file that was
 * moved into quarantine.
 */
export type DocumentRead<T> =
  | { status: 'valid'; document: T; migratedFrom: number | null }
  | { status: 'missing' }
  | { status: 'damaged'; report: QuarantineReport };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The lowdb adapter for one store document. lowdb's own file adapter renames
 * a fixed temp file without fsync, writes mode 0644 and throws on a corrupt
 * file; this one writes atomically and durably through the codec, validates
 * both ways, keeps backups, and moves a damaged file into quarantine instead
 * of overwriting it.
 */
export class DocumentFile<T> implements Adapter<T> {
  constructor(private readonly options: DocumentFileOptions<T>) {}

  get file(): string {
    return this.options.file;
  }

  /** lowdb's read: the valid document, or null when it is missing or was quarantined. */
  async read(): Promise<T | null> {
    const read = await this.load();
    return read.status === 'valid' ? read.document : null;
  }

  /**
   * Reads, decodes, migrates and validates the document; a damaged file is
   * quarantined. Throws when the file comes from a newer Triptych, which must
   * never be touched.
   */
  async load(): Promise<DocumentRead<T>> {
    const { file, docId, codec, schema, quarantine, check } = this.options;
    const bytes = await readFileIfExists(file);
    if (bytes === null) return { status: 'missing' };

    let text: string;
    try {
      text = utf8.decode(codec.decode(docId, bytes));
    } catch (error) {
      if (error instanceof TriptychError) throw error;
      return damaged(await quarantine.take(file, `could not be read: ${(error as Error).message}`));
    }

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return damaged(await quarantine.take(file, `is not valid JSON (${(error as Error).message})`));
    }

    const outcome = migrateDocument(raw);
    if (outcome.kind === 'newer') {
      throw new TriptychError(
        'store-damaged',
        `${file} was written by a newer version of Triptych (store version ${outcome.version}); this version reads store version ${STORE_SCHEMA_VERSION}. Open this data folder with the newer Triptych. Nothing was changed.`,
      );
    }

    const parsed = schema.safeParse(outcome.document);
    if (!parsed.success) {
      return damaged(await quarantine.take(file, `does not match the case store format: ${describeIssues(parsed.error.issues).join('; ')}`));
    }
    const problem = check?.(parsed.data) ?? null;
    if (problem !== null) return damaged(await quarantine.take(file, problem));
    return { status: 'valid', document: parsed.data, migratedFrom: outcome.kind === 'migrated' ? outcome.from : null };
  }

  /** lowdb's write: validate, then replace the file (see replace). */
  async write(data: T): Promise<void> {
    const { docId, schema } = this.options;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      // The store validates what it is given before this point, so this is a bug in Triptych, not bad input.
      throw new Error(`Refusing to write an invalid document ${docId}: ${describeIssues(parsed.error.issues).join('; ')}`);
    }
    await this.replace(parsed.data);
  }

  /**
   * Keeps the previous version if asked, then replaces the file atomically
   * with `document`, which the caller has already validated against this
   * file's schema: a save validates its case once, not once per layer.
   * Returns the stats of the file written.
   */
  async replace(document: T): Promise<Stats> {
    const { file, docId, codec, backupDir } = this.options;
    // Compact: nobody reads these files but the store (and soon they are
    // ciphertext), and a third fewer bytes to write, sync and parse.
    const bytes = codec.encode(docId, Buffer.from(JSON.stringify(document), 'utf8'));
    // The backup of the old version and the new version's temp file are
    // written at the same time; both are on disk before the rename.
    const [kept, staged] = await Promise.allSettled([backupDir === undefined ? null : keepBackup(backupDir, file), stageFile(file, bytes)]);
    if (staged.status === 'rejected') throw staged.reason;
    if (kept.status === 'rejected') {
      await staged.value.discard();
      throw kept.reason;
    }
    return staged.value.commit();
  }
}

function damaged(report: QuarantineReport): { status: 'damaged'; report: QuarantineReport } {
  return { status: 'damaged', report };
}
