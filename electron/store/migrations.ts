/** The layout version of every document this build of the store reads and writes. */
export const STORE_SCHEMA_VERSION = 1;

type StoreDocument = Record<string, unknown>;

/** Turns a document of the previous schemaVersion into the body of the next one. */
export type Migration = (document: StoreDocument) => StoreDocument;

/**
 * MIGRATIONS.get(n) turns a document of schemaVersion n - 1 into version n; the
 * runner stamps the new version. Version 1 is the first layout, so its
 * migration (from the never-shipped version 0) changes nothing: it exists so
 * the migrate, write, read-back path runs and is tested from the first release.
 */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map<number, Migration>([[1, (document) => document]]);

/** What the runner made of a document read from disk. */
export type MigrationOutcome =
  | { kind: 'current'; document: unknown }
  | { kind: 'migrated'; document: unknown; from: number }
  | { kind: 'newer'; version: number };

/**
 * Brings a document up to `target`. A document from a newer version is
 * reported, never touched. Anything without a usable schemaVersion is passed
 * through unchanged for the schema to refuse.
 */
export function migrateDocument(
  raw: unknown,
  migrations: ReadonlyMap<number, Migration> = MIGRATIONS,
  target: number = STORE_SCHEMA_VERSION,
): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'current', document: raw };
  const version = (raw as StoreDocument).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { kind: 'current', document: raw };
  if (version > target) return { kind: 'newer', version };
  if (version === target) return { kind: 'current', document: raw };
  let document = raw as StoreDocument;
  for (let next = version + 1; next <= target; next++) {
    const migration = migrations.get(next);
    if (migration === undefined) throw new Error(`No store migration to schemaVersion ${next}`);
    document = { ...migration(document), schemaVersion: next };
  }
  return { kind: 'migrated', document, from: version };
}
