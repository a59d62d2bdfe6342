import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocumentCodec } from '../store/codec';
import { listDir, readFileIfExists, removeStaleTempFiles, writeFileAtomic } from '../store/files';
import { isEncryptedFile } from './documentCipher';

/** A file the case store wrote, and the document id its bytes are bound to. */
export interface StoreDocument {
  file: string;
  docId: string;
}

const CASE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BACKUP_FILE = /^\d{8}T\d{9}Z-\d{6}\.json$/;
// Quarantine names are "<stamp>-<sequence>-<path with / as _>" (see Quarantine.take).
const QUARANTINED_FILE = /^\d{8}T\d{9}Z-\d{4,}-(.+)$/;
const QUARANTINED_CASE = /^(?:cases|trash)_([A-Za-z0-9_-]{1,64})\.json$/;

/**
 * Every document the case store has written under `dataDir`: the index, live and
 * trashed cases, their backups and the quarantine. Other files in the folder
 * (the keystore, the lock, Electron's own profile files) are not the store's.
 */
export async function listStoreDocuments(dataDir: string): Promise<StoreDocument[]> {
  const documents: StoreDocument[] = [];
  if ((await listDir(dataDir)).includes('index.json')) documents.push({ file: path.join(dataDir, 'index.json'), docId: 'index' });
  for (const folder of ['cases', 'trash']) {
    for (const name of await listDir(path.join(dataDir, folder))) {
      const id = CASE_FILE.exec(name)?.[1];
      if (id !== undefined) documents.push({ file: path.join(dataDir, folder, name), docId: `case:${id}` });
    }
  }
  for (const id of (await listDir(path.join(dataDir, 'backups'))).filter((name) => CASE_ID.test(name))) {
    for (const name of (await listDir(path.join(dataDir, 'backups', id))).filter((entry) => BACKUP_FILE.test(entry))) {
      documents.push({ file: path.join(dataDir, 'backups', id, name), docId: `case:${id}` });
    }
  }
  for (const name of await listDir(path.join(dataDir, 'quarantine'))) {
    if (!name.startsWith('.')) documents.push({ file: path.join(dataDir, 'quarantine', name), docId: quarantinedDocId(name) });
  }
  return documents;
}

/**
 * Encrypts in place, one atomic write per file, every store document still
 * in plain form, after deleting temp files a killed writer left (they may
 * hold plain text). Files already encrypted are left alone, so a run cut
 * short is finished by running it again. Only the store lock holder may call it.
 */
export async function encryptPlainStoreFiles(dataDir: string, codec: DocumentCodec): Promise<number> {
  for (const dir of await storeFolders(dataDir)) await removeStaleTempFiles(dir);
  let encrypted = 0;
  for (const { file, docId } of await listStoreDocuments(dataDir)) {
    const bytes = await readFileIfExists(file);
    if (bytes === null || isEncryptedFile(bytes)) continue;
    await writeFileAtomic(file, codec.encode(docId, bytes));
    encrypted += 1;
  }
  return encrypted;
}

/** True when `dataDir` holds any case store document (a store was opened there before). */
export async function hasStoreDocuments(dataDir: string): Promise<boolean> {
  return (await listStoreDocuments(dataDir)).length > 0;
}

/** The document id a quarantined file was written under, so a protected store's quarantine stays readable. */
function quarantinedDocId(name: string): string {
  const original = QUARANTINED_FILE.exec(name)?.[1];
  if (original === 'index.json') return 'index';
  const caseId = original === undefined ? undefined : QUARANTINED_CASE.exec(original)?.[1];
  return caseId === undefined ? `quarantine:${name}` : `case:${caseId}`;
}

async function storeFolders(dataDir: string): Promise<string[]> {
  const folders = [dataDir, ...['cases', 'trash', 'backups', 'quarantine'].map((folder) => path.join(dataDir, folder))];
  for (const name of await listDir(path.join(dataDir, 'backups'))) {
    const folder = path.join(dataDir, 'backups', name);
    if ((await fs.stat(folder)).isDirectory()) folders.push(folder);
  }
  return folders;
}
