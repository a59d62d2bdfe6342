import { spawn } from 'node:child_process';

/** The command that opens a URL in the system browser, or null when there is none to use. */
export type BrowserCommand = { command: string; args: string[] } | null;

/**
 * Whether `url` is our own browser-mode page on loopback. Only that URL is
 * ever handed to the system, so this can never become a way to open
 * arbitrary links (security checklist item 15).
 */
export function isOwnPageUrl(url: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d{1,5}\/#token=[A-Za-z0-9_-]+$/.test(url);
}

/** Picks the system's "open this URL" command for a platform; none on a Linux without a display. */
export function browserCommandFor(platform: NodeJS.Platform, url: string, env: NodeJS.ProcessEnv): BrowserCommand {
  if (!isOwnPageUrl(url)) return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // The URL has no characters cmd treats specially (checked above); the empty
  // title stops `start` from taking the URL as the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** Opens our page in the system browser if there is one; a failure only means the user opens it by hand. */
export function openSystemBrowser(url: string): boolean {
  const chosen = browserCommandFor(process.platform, url, process.env);
  if (chosen === null) return false;
  try {
    const child = spawn(chosen.command, chosen.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
