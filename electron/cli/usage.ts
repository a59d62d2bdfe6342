import type { CliCommand } from './command';

/** The usage text, built from the commands so it cannot drift from what they accept. */
export function formatUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => `${c.name} ${c.synopsis}`.trim().length), 'help'.length);
  const lines = commands.map((c) => `  ${`${c.name} ${c.synopsis}`.trim().padEnd(width)}  ${c.summary}`);
  return [
    'Triptych command line: parallel process across the client\'s world, the therapy and the supervision.',
    '',
    'Usage: triptych COMMAND [ARGUMENTS]   (from the repository: npm run --silent cli -- COMMAND ...)',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  show this text (also --help)`,
    '',
    'Without --json the report is written for a clinician to read and paste into notes; with --json it is',
    'one JSON object for scripts. Echoes are hypotheses for reflection, never findings.',
    'Case files larger than 10 MiB are refused without being read.',
    'handout also takes --paper A4|Letter (default A4) and --pages 1|2|3, the most pages it may take (default 2; what does not fit is named on the last page); it prints offline',
    'through Chromium (CHROME_PATH, else /usr/bin/chromium).',
    '',
    'The store is the folder named by TRIPTYCH_DATA_DIR, or the app\'s own data folder when it is not set.',
    'The store cannot be opened while the app has it open. Create it first with init.',
    '',
    'A store protected by a passphrase is opened by list, import, export and handout with the passphrase from',
    '--passphrase-file FILE (a file holding only the passphrase), else the TRIPTYCH_PASSPHRASE environment',
    'variable, else a prompt in the terminal; never from an argument. A wrong passphrase changes nothing.',
    '',
    'Exit status: 0 done; 2 the input needs fixing (invalid case file, unknown case id, missing file,',
    'bad arguments, wrong or missing passphrase, no store yet), with the problem on standard error;',
    '1 anything else, including a store that could not be opened.',
    '',
  ].join('\n');
}
