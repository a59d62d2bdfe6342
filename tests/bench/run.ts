import { formatTable } from './results';
import { FULL_SIZES, QUICK_SIZES } from './sizes';
import { runSuite } from './suite';

/**
 * `npm run bench [-- --json] [-- --quick]`: runs the suite and prints a table,
 * or exactly `{"results":[...]}` with --json. Progress goes to standard error
 * so standard output stays machine-readable.
 */
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--json' && arg !== '--quick');
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown[0]}\nUsage: npm run bench -- [--json] [--quick]\n`);
  process.exit(2);
}
const json = args.includes('--json');
const quick = args.includes('--quick');

const outcomes = await runSuite(quick ? QUICK_SIZES : FULL_SIZES, (message) => process.stderr.write(`bench: ${message}…\n`));
if (json) {
  process.stdout.write(`${JSON.stringify({ results: outcomes.map((outcome) => outcome.result) })}\n`);
} else {
  process.stdout.write(formatTable(outcomes));
  if (quick) process.stdout.write('(--quick: tiny sizes, renderer rows skipped; the figures say nothing about the targets)\n');
}
