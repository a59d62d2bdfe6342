import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run lint` part two: Doyensec's Electronegativity over the Electron
// sources and the built app. Fails on any finding above low severity that
// docs/electronegativity-accepted.json does not explain.
//
//   node scripts/electronegativity.mjs [--project DIR] [--accepted FILE]

const require = createRequire(import.meta.url);
const DEFAULT_PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What gets scanned, relative to the project: our sources (the Node side,
 * the shared code, the page), the built main process, preload and page, and
 * the manifest. The built renderer's script bundle is left out: beyond our
 * renderer sources (scanned here) it is React, Cytoscape and zod, which hold
 * no Electron configuration, and Electronegativity's parser cannot read
 * their modern syntax (private class fields).
 */
const SCAN_SOURCES = ['electron', 'shared', 'renderer', 'out/main', 'out/preload', 'out/renderer/index.html', 'package.json'];

/**
 * Checks left out, with the reason. Electronegativity's release check
 * downloads Electron's release list on every run, so it cannot run offline;
 * "use a current Electron" is kept by the pinned version instead (docs/security.md, item 16).
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Electronegativity's severity value of LOW; findings at or below it are printed, never fatal. */
const LOW = 1;

/** Parses this script's arguments: `--project DIR` and `--accepted FILE`. */
function parseArguments(argv) {
  const options = { project: DEFAULT_PROJECT, accepted: null };
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index];
    const value = argv[index + 1];
    if ((word === '--project' || word === '--accepted') && value !== undefined) {
      options[word.slice(2)] = value;
      index += 1;
    } else {
      throw new Error(`electronegativity.mjs: unknown argument "${word}" (expected --project DIR or --accepted FILE)`);
    }
  }
  options.accepted ??= join(options.project, 'docs', 'electronegativity-accepted.json');
  return options;
}

/**
 * Reads the accepted findings: `{ "accepted": [{ check, file, sample?, reason }] }`.
 * An entry without a reason is itself an error: the point of the list is the reason.
 */
function readAccepted(file) {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  const entries = parsed?.accepted;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an object with an "accepted" list`);
  entries.forEach((entry, index) => {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${file}: accepted[${index}] needs a non-empty "${key}"`);
      }
    }
    if (entry.sample !== undefined && typeof entry.sample !== 'string') throw new Error(`${file}: accepted[${index}].sample must be text`);
  });
  return entries;
}

/**
 * Copies what is scanned into a temp folder. Electronegativity reads only
 * .js/.ts/.html files, so the sandboxed preload's `.cjs` and any `.mjs` are
 * copied under a `.js` name; `renames` maps them back for the report.
 */
function stage(project, folder) {
  const renames = new Map();
  for (const source of SCAN_SOURCES) {
    const from = join(project, source);
    if (!existsSync(from)) continue;
    cpSync(from, join(folder, source), {
      recursive: true,
      filter: (path) => !path.split(sep).includes('node_modules'),
    });
  }
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(cjs|mjs)$/.test(entry.name)) {
        const renamed = path.replace(/\.(cjs|mjs)$/, '.js');
        renameSync(path, renamed);
        renames.set(relative(folder, renamed), relative(folder, path));
      }
    }
  };
  walk(folder);
  lowerBuiltScripts(join(folder, 'out'));
  return renames;
}

/**
 * Electronegativity's JavaScript parser stops at class private fields
 * (`#name`, ES2022), which the built main process carries from our own code.
 * The staged copies of the built scripts are rewritten as ES2021 first: the
 * same calls and options, only that syntax lowered, so nothing goes unchecked.
 */
function lowerBuiltScripts(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) lowerBuiltScripts(path);
    else if (entry.name.endsWith('.js')) {
      const { code } = transformSync(readFileSync(path, 'utf8'), { loader: 'js', target: 'es2021', format: undefined });
      writeFileSync(path, code);
    }
  }
}

/**
 * Electronegativity fetches translations (and, in the excluded check,
 * Electron's release list) over HTTPS. Lint must give the same answer
 * offline as online, so every outgoing request from this process is refused.
 */
function refuseNetwork() {
  const refuse = () => {
    throw new Error('electronegativity.mjs runs offline: network requests are refused');
  };
  for (const module of [http, https]) {
    module.request = refuse;
    module.get = refuse;
  }
}

function installedElectronVersion(project) {
  const manifest = join(project, 'node_modules', 'electron', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** Runs Electronegativity over the staged folder and returns its findings and unparsable files. */
async function scan(project) {
  const folder = mkdtempSync(join(tmpdir(), 'triptych-electronegativity-'));
  try {
    const renames = stage(project, folder);
    const run = require('@doyensec/electronegativity');
    const quietLog = console.log;
    // Its one line about the refused translation download is noise here.
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
    };
    let result;
    try {
      result = await (run.default ?? run)({
        input: folder,
        isRelative: true,
        excludeFromScan: EXCLUDED_CHECKS,
        electronVersion: installedElectronVersion(project),
      });
    } finally {
      console.log = quietLog;
    }
    const findings = result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      level: issue.severity.value,
      confidence: issue.confidence.name,
      file: (renames.get(issue.file) ?? issue.file).split(sep).join('/'),
      line: issue.location?.line ?? 0,
      sample: (issue.sample ?? '').trim(),
      description: issue.description,
      url: issue.shortenedURL,
    }));
    const unparsed = result.errors
      .filter((error) => !error.tolerable)
      .map((error) => ({ message: error.message, file: renames.get(relative(folder, error.file)) ?? relative(folder, error.file) }));
    return { findings, unparsed, scanned: SCAN_SOURCES.filter((source) => existsSync(join(project, source))) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function isAccepted(finding, entry) {
  return entry.check === finding.check && entry.file === finding.file && (entry.sample === undefined || entry.sample.trim() === finding.sample);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const accepted = readAccepted(options.accepted);
  refuseNetwork();
  const started = Date.now();
  const { findings, unparsed, scanned } = await scan(options.project);

  const failing = [];
  console.log(`Electronegativity over ${scanned.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  for (const finding of findings) {
    const entry = accepted.find((candidate) => isAccepted(finding, candidate));
    const verdict = finding.level <= LOW ? 'note' : entry ? 'accepted' : 'FAIL';
    if (verdict === 'FAIL') failing.push(finding);
    console.log(`  [${verdict}] ${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}`);
    console.log(`      ${finding.sample.split('\n')[0]?.slice(0, 120) ?? ''}`);
    console.log(`      ${entry ? `accepted: ${entry.reason}` : `${finding.description} ${finding.url}`}`);
  }
  if (findings.length === 0) console.log('  no findings');
  for (const error of unparsed) console.log(`  [FAIL] could not parse ${error.file}: ${error.message}`);

  for (const entry of accepted) {
    const fileWasScanned = scanned.some((source) => entry.file === source || entry.file.startsWith(`${source}/`));
    if (fileWasScanned && !findings.some((finding) => isAccepted(finding, entry))) {
      console.log(`  (the accepted ${entry.check} in ${entry.file} no longer occurs; remove it from ${relative(options.project, options.accepted)})`);
    }
  }

  if (failing.length > 0 || unparsed.length > 0) {
    console.error(
      `Electronegativity: ${failing.length} finding(s) above low severity without a reason, ${unparsed.length} file(s) it could not read. ` +
        `Fix each finding or explain it in ${relative(options.project, options.accepted)}; a file it cannot read is a file left unchecked.`,
    );
    process.exitCode = 1;
  } else {
    console.log('Electronegativity: nothing above low severity left unexplained.');
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
