import { z } from 'zod';
import { CaseSchema } from '../../shared/case/schema';
import { CaseSummarySchema } from '../../shared/ipc/contract';
import { STORE_SCHEMA_VERSION } from './migrations';

const Version = z.literal(STORE_SCHEMA_VERSION);
const DateTime = z.iso.datetime({ offset: true });

/** `cases/<id>.json`: one live case. */
export const CaseDocumentSchema = z.strictObject({
  schemaVersion: Version,
  case: CaseSchema,
});
export type CaseDocument = z.output<typeof CaseDocumentSchema>;

/** `trash/<id>.json`: one deleted case, kept until the trash is emptied. */
export const TrashDocumentSchema = z.strictObject({
  schemaVersion: Version,
  trashedAt: DateTime,
  case: CaseSchema,
});
export type TrashDocument = z.output<typeof TrashDocumentSchema>;

/** Size, times and inode of a case file as the store last wrote or read it (see fileSignature.ts). */
export const FileSignatureSchema = z.strictObject({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  ctimeMs: z.number(),
  ino: z.number().nonnegative(),
});
export type FileSignature = z.output<typeof FileSignatureSchema>;

/**
 * One row of the case list as the index keeps it. The dates are checked as
 * date-times (the contract only asks for strings) because a save takes the
 * case's creation time from here and writes it into the case without
 * validating the case a second time.
 */
const IndexedCaseSchema = CaseSummarySchema.extend({ createdAt: DateTime, updatedAt: DateTime });

/**
 * `index.json`: what the case list shows, derived from the case documents,
 * plus the examples flag. `files` holds the signature of each case file the
 * summary was taken from; opening the store reads only the case files whose
 * signature differs. An index written before signatures existed has none, so
 * every case is read once and the index rewritten.
 */
export const StoreIndexSchema = z.strictObject({
  schemaVersion: Version,
  examplesSeeded: z.boolean(),
  cases: z.array(IndexedCaseSchema),
  files: z.record(z.string(), FileSignatureSchema).default({}),
});
export type StoreIndex = z.output<typeof StoreIndexSchema>;
