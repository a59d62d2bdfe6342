import { chromium, type Browser } from 'playwright-core';
import type { Paper } from '../../shared/presentation/handoutStyles';

/**
 * The flags of architecture.md: no GPU, no sandbox (CI runs as root), and
 * none of Chromium's own background traffic. The e2e harness launches with
 * the same flags.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium could not be started or could not print; the message says what to install or set. */
export class HandoutPrintError extends Error {
  readonly code = 'print-failed';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'HandoutPrintError';
  }
}

/** Where Chromium is: CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/** Starts headless Chromium for printing; one browser can print several handouts. */
export async function launchPrinter(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (error) {
    throw new HandoutPrintError(
      `could not start Chromium at ${chromiumPath()} to print the handout. Install Chromium, or set CHROME_PATH to a Chromium or Chrome executable.`,
      { cause: error },
    );
  }
}

/**
 * Prints a handout's HTML to PDF through Chromium, fully offline: the page
 * runs no JavaScript, the context is offline and every request it would
 * make is aborted, so nothing in a case can reach the network. Pass a
 * browser from launchPrinter to print several handouts with one Chromium;
 * without one, a Chromium is started and closed for this handout.
 */
export async function printHandoutPdf(html: string, options: { paper: Paper; browser?: Browser }): Promise<Buffer> {
  const browser = options.browser ?? (await launchPrinter());
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: options.paper, printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } catch (error) {
    if (error instanceof HandoutPrintError) throw error;
    throw new HandoutPrintError(`Chromium could not print the handout: ${(error as Error).message}`, { cause: error });
  } finally {
    if (options.browser === undefined) await browser.close();
  }
}
