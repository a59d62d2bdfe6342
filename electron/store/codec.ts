/**
 * The byte layer under every file the store writes (case documents, the
 * index, backups, trash, temp files). Today it is the identity; the encryption
 * of issue 5 replaces it with AES-256-GCM so plaintext never reaches disk.
 *
 * `docId` names the logical document, not its path: "case:<id>" for a case
 * wherever it sits (cases/, trash/, backups/), "index" for the index. So a
 * backup or a trashed copy decodes with the same id as the live case.
 *
 * A codec that cannot read the store at all (a wrong key) throws a
 * TriptychError: that aborts the open. Any other error from `decode` means
 * this one file is damaged, and the store quarantines it.
 */
export interface DocumentCodec {
  encode(docId: string, plaintext: Buffer): Buffer;
  decode(docId: string, bytes: Buffer): Buffer;
}

/** Stores documents as plain UTF-8 JSON. */
export const identityCodec: DocumentCodec = {
  encode: (_docId, plaintext) => plaintext,
  decode: (_docId, bytes) => bytes,
};
