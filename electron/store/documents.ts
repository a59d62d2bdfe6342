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

/** `index.json`: what the case list shows, derived from the case documents, plus the examples flag. */
export const StoreIndexSchema = z.strictObject({
  schemaVersion: Version,
  examplesSeeded: z.boolean(),
  cases: z.array(CaseSummarySchema),
});
export type StoreIndex = z.output<typeof StoreIndexSchema>;
