import { stat } from 'node:fs/promises';
import type { Case } from '../../shared/case/schema';
import { TriptychError } from '../../shared/ipc/result';
import { omittedNote } from '../../shared/presentation/handoutFit';
import { renderHandout, type HandoutPages, type Paper } from '../../shared/presentation/handoutHtml';
import { embeddedFontCss } from '../presentation/embeddedFont';
import { loadReflectivePrompts } from '../presentation/loadPrompts';
import { printHandoutPdf } from '../presentation/printHandout';
import { UsageError } from './args';
import type { CliCommand } from './command';
import { BadInputError } from './failure';
import { readCaseFile } from './readCaseFile';
import { withCaseStore } from './withCaseStore';
import { writeNewFile } from './writeNewFile';

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PAPERS: Record<string, Paper> = { a4: 'A4', letter: 'Letter' };
const PAGES: Record<string, HandoutPages> = { '1': 1, '2': 2, '3': 3 };

/**
 * `handout ID|FILE --out FILE.pdf [--deidentify] [--paper A4|Letter] [--pages 1|2|3]`:
 * a printable PDF of one case, on the pages its content needs, at most
 * --pages (2 by default); what did not fit is named on its last page and here.
 */
export const handoutCommand: CliCommand = {
  name: 'handout',
  synopsis: 'ID|FILE --out FILE.pdf [--deidentify]',
  summary: 'write a PDF handout of a case file or a stored case, for supervision or a peer group',
  positionalName: 'ID|FILE',
  minPositionals: 1,
  maxPositionals: 1,
  flags: ['--deidentify'],
  options: ['--out', '--paper', '--pages'],
  async run(args, output) {
    const source = args.positionals[0] as string;
    const out = args.options.get('--out');
    if (out === undefined) throw new UsageError('handout: needs --out FILE.pdf (the PDF is written to a new file)');
    if (!/\.pdf$/i.test(out)) throw new UsageError(`handout: --out must name a .pdf file, not "${out}"`);
    const paperWord = args.options.get('--paper') ?? 'A4';
    const paper = PAPERS[paperWord.toLowerCase()];
    if (paper === undefined) throw new UsageError(`handout: --paper must be A4 or Letter, not "${paperWord}"`);
    const pagesWord = args.options.get('--pages') ?? '2';
    const pages = PAGES[pagesWord];
    if (pages === undefined) throw new UsageError(`handout: --pages must be 1, 2 or 3, not "${pagesWord}"`);
    // Checked before any work, and again when writing: an existing file is never replaced.
    if (await exists(out)) throw new BadInputError(`${out} already exists; nothing was written. Choose another file name.`);

    const kase = await readCase(source);
    const prompts = await loadReflectivePrompts();
    const deidentify = args.flags.has('--deidentify');
    const { html, fit } = renderHandout({ kase, deidentify, paper, pages, date: localDate(new Date()), prompts, extraCss: embeddedFontCss() });
    const pdf = await printHandoutPdf(html, { paper });
    await writeNewFile(out, pdf);
    const privacy = deidentify ? 'de-identified' : 'with names (not de-identified)';
    output.out(`Wrote a ${fit.sheets.length}-page ${paper} handout of ${kase.id}, ${privacy}, to ${out}\n`);
    if (fit.omitted.length > 0) output.out(`${omittedNote(fit.omitted)}${pages < 3 ? ' Allow more pages (--pages 3) to make room.' : ''}\n`);
  },
};

/**
 * A case file when the argument names one (it ends in .json or contains a
 * folder), else the case with that id in the store, opened only to read.
 */
async function readCase(source: string): Promise<Case> {
  if (/\.json$/i.test(source) || /[\\/]/.test(source)) return (await readCaseFile(source)).case;
  if (!CASE_ID.test(source)) {
    throw new UsageError(`handout: "${source}" is neither a case file (.json) nor a case id (1–64 characters of A-Z a-z 0-9 _ -)`);
  }
  return withCaseStore(
    (store) => store.get(source),
    (dataDir) => {
      throw new TriptychError('not-found', `There is no case "${source}": there is no case store in ${dataDir} yet.`);
    },
  );
}

/** Today in the computer's own time zone, as YYYY-MM-DD: the date a clinician expects on the page. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
