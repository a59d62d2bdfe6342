import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { describeIssues } from '../../shared/case/parse';
import { TriptychError } from '../../shared/ipc/result';
import { keepBackup } from './backups';
import type { DocumentCodec } from './codec';
import { readFileIfExists, writeFileAtomic } from './files';
import { migrateDocument, STORE_SCHEMA_VERSION } from './migrations';
import type { Quarantine } from './quarantine';

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

/** A document as read from disk, and the schemaVersion it was migrated from, if any. */
export interface LoadedDocument<T> {
  document: T;
  migratedFrom: number | null;
}

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
    return (await this.load())?.document ?? null;
  }

  /**
   * Reads, decodes, migrates and validates the document. Returns null when the
   * file is missing or damaged (then it is quarantined); throws when the file
   * comes from a newer Triptych, which must never be touched.
   */
  async load(): Promise<LoadedDocument<T> | null> {
    const { file, docId, codec, schema, quarantine, check } = this.options;
    const bytes = await readFileIfExists(file);
    if (bytes === null) return null;

    let text: string;
    try {
      text = utf8.decode(codec.decode(docId, bytes));
    } catch (error) {
      if (error instanceof TriptychError) throw error;
      await quarantine.take(file, `could not be read: ${(error as Error).message}`);
      return null;
    }

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      await quarantine.take(file, `is not valid JSON (${(error as Error).message})`);
      return null;
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
      await quarantine.take(file, `does not match the case store format: ${describeIssues(parsed.error.issues).join('; ')}`);
      return null;
    }
    const problem = check?.(parsed.data) ?? null;
    if (problem !== null) {
      await quarantine.take(file, problem);
      return null;
    }
    return { document: parsed.data, migratedFrom: outcome.kind === 'migrated' ? outcome.from : null };
  }

  /** lowdb's write: validate, keep the previous version if asked, then replace the file atomically. */
  async write(data: T): Promise<void> {
    const { file, docId, codec, schema, backupDir } = this.options;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      // The store validates what it is given before this point, so this is a bug in Triptych, not bad input.
      throw new Error(`Refusing to write an invalid document ${docId}: ${describeIssues(parsed.error.issues).join('; ')}`);
    }
    const bytes = codec.encode(docId, Buffer.from(`${JSON.stringify(parsed.data, null, 2)}\n`, 'utf8'));
    if (backupDir !== undefined) {
      const previous = await readFileIfExists(file);
      if (previous !== null) await keepBackup(backupDir, previous);
    }
    await writeFileAtomic(file, bytes);
  }
}
