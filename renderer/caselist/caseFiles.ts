/**
 * Hands a case file to the clinician as a download. In browser mode it lands
 * in the downloads folder; in the desktop app Chromium's download handling
 * shows the native Save dialog for it, so one path serves both.
 */
export function downloadCaseFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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
