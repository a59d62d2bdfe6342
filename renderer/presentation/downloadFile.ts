/**
 * Hands a file made in the page to the clinician as a download, the way the
 * case export does (renderer/caselist/caseFiles.ts): the downloads folder in
 * browser mode, Chromium's Save dialog in the desktop app.
 */
export function downloadFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the next task is late enough to let go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The bytes of base64 text, as the bridge carries a PDF. */
export function bytesFromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
