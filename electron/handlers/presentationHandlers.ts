import { TriptychError } from '../../shared/ipc/result';
import { renderHandoutHtml, type Paper } from '../../shared/presentation/handoutHtml';
import type { ReflectivePrompts } from '../../shared/presentation/prompts';
import type { Handlers } from '../ipc/handlers';
import { embeddedFontCss } from '../presentation/embeddedFont';
import { loadReflectivePrompts } from '../presentation/loadPrompts';
import type { CaseStore } from '../store/caseStore';

/**
 * Prints a handout's HTML to a PDF. The desktop app can pass one built on
 * Electron's webContents.printToPDF; browser mode and the tests use
 * Chromium through playwright-core (printWithChromium).
 */
export type HandoutPrinter = (html: string, paper: Paper) => Promise<Uint8Array>;

/** What the handout channel needs besides the store. */
export interface PresentationHandlerOptions {
  printPdf: HandoutPrinter;
  /** The reflective prompts; read from resources/prompts on every handout, so an edit shows without a restart. */
  prompts?: () => Promise<ReflectivePrompts>;
  /** Today as YYYY-MM-DD, printed on the handout; the computer's local date by default. */
  today?: () => string;
}

/** The handlers of the presentation channels. */
export type PresentationHandlers = Pick<Handlers, 'presentation:handout-pdf'>;

/**
 * Binds the handout channel: the stored case is rendered with the same
 * template the export dialog previews (renderHandoutHtml), with the same
 * choices, and printed. The file name carries only the case id and the date,
 * never a title, since titles can hold names.
 */
export function createPresentationHandlers(store: CaseStore, options: PresentationHandlerOptions): PresentationHandlers {
  const loadPrompts = options.prompts ?? (() => loadReflectivePrompts());
  const today = options.today ?? (() => localDate(new Date()));
  return {
    'presentation:handout-pdf': async ({ caseId, deidentify, paper, pages, selectedEchoIds }) => {
      const kase = await store.get(caseId);
      const date = today();
      const html = renderHandoutHtml({ kase, deidentify, paper, pages, selectedEchoIds, date, prompts: await loadPrompts(), extraCss: embeddedFontCss() });
      let pdf: Uint8Array;
      try {
        pdf = await options.printPdf(html, paper);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TriptychError('internal', `The handout could not be printed to PDF; nothing was saved. ${reason}`);
      }
      return { fileName: `handout-${caseId}-${date}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  };
}

/**
 * Prints through Chromium with playwright-core, loaded only when a handout
 * is asked for, so the desktop app starts without it.
 */
export const printWithChromium: HandoutPrinter = async (html, paper) => {
  const { printHandoutPdf } = await import('../presentation/printHandout');
  return printHandoutPdf(html, { paper });
};

/** Today in the computer's own time zone, as YYYY-MM-DD: the date a clinician expects on the page. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
