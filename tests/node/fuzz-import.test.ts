import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { openCaseStore, type CaseStore } from '../../electron/store/caseStore';
import { DATA_DIR_VARIABLE } from '../../electron/store/dataDir';
import { parseCaseFileText } from '../../shared/case/parse';
import { CaseSchema } from '../../shared/case/schema';
import { TriptychError } from '../../shared/ipc/result';
import { caseFileText, SEED_FILES } from './fuzz-caseFiles';
import { hashTree, makeTempDir } from './fixtures/storeFiles';

/**
 * Property-based tests of the one door case files come in by: every
 * malformed file is refused with case-format.md's error text and changes
 * nothing on disk, whatever its damage; none makes import throw anything
 * else, and none pollutes a prototype.
 */

const IMPORT_RUNS = 10_000;
const CLI_RUNS = 300;
/** How many of the generated files that are still valid go all the way into the store. */
const STORED_VALID_IMPORTS = 40;

let root: string;

/** The own properties of the built-in prototypes a polluting file would add to. */
function prototypeSnapshot(): Record<string, string[]> {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    function: Object.getOwnPropertyNames(Function.prototype).sort(),
  };
}

/** A store's file hashes without its derived index and the lock of the process holding it. */
function withoutIndex(hashes: Record<string, string>): Record<string, string> {
  const { ['index.json']: _index, ['store.lock']: _lock, ...files } = hashes;
  return files;
}

function isValidCaseFile(text: string): boolean {
  try {
    parseCaseFileText(text, 'check.json');
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  root = await makeTempDir('triptych-fuzz-import-');
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('importing generated malformed case files into one real store', () => {
  it(`refuses every malformed one of ${IMPORT_RUNS.toLocaleString('en')} with the case-file error and leaves the store's files byte-identical`, async () => {
    const dataDir = path.join(root, 'store');
    const store: CaseStore = await openCaseStore({ dataDir });
    // A store with cases in it, so a refusal has something it could damage.
    for (const text of SEED_FILES) await store.importCaseFile(text, 'seed.json');
    const prototypesBefore = prototypeSnapshot();
    // Every file and its hash. The index is left out while the store is open:
    // it is derived data the store rewrites a moment after an import, and is
    // checked at the end by reopening the store.
    const expected = await hashTree(dataDir);
    const importedIds: string[] = [];
    let run = 0;
    let refused = 0;
    let parsedOnly = 0;
    try {
      await fc.assert(
        fc.asyncProperty(caseFileText, async (text) => {
          run += 1;
          const fileName = `fuzz-${run}.json`;
          const valid = isValidCaseFile(text);
          if (valid && importedIds.length >= STORED_VALID_IMPORTS) {
            // Each import costs the store a few fsyncs; the parser (the same
            // check import runs first) vouches for the remaining valid ones.
            parsedOnly += 1;
            return;
          }
          let outcome: 'imported' | 'refused';
          try {
            const kase = await store.importCaseFile(text, fileName);
            outcome = 'imported';
            expect(CaseSchema.safeParse(kase).success).toBe(true);
            importedIds.push(kase.id);
            // An import adds its own case file; every refusal before and after must change nothing.
            const caseFile = path.join('cases', `${kase.id}.json`);
            expected[caseFile] = createHash('sha256').update(await fs.readFile(path.join(dataDir, caseFile))).digest('hex');
          } catch (error) {
            outcome = 'refused';
            refused += 1;
            expect(error).toBeInstanceOf(TriptychError);
            const refusal = error as TriptychError;
            expect(refusal.code).toBe('invalid-case-file');
            const [headline, ...problems] = refusal.message.split('\n');
            expect(headline).toBe(`${fileName}: not a valid case file`);
            expect(problems.length).toBeGreaterThan(0);
            // Clear means short: the text of a huge or deep file is never echoed back.
            expect(refusal.message.length).toBeLessThan(4_000);
          }
          expect(outcome === 'imported').toBe(valid);
        }),
        { numRuns: IMPORT_RUNS },
      );
      expect(store.quarantined()).toEqual([]);
      expect(withoutIndex(await hashTree(dataDir))).toEqual(withoutIndex(expected));
    } finally {
      await store.close();
    }
    expect(prototypeSnapshot()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const reopened = await openCaseStore({ dataDir });
    try {
      expect(reopened.quarantined()).toEqual([]);
      expect((await reopened.list()).map((summary) => summary.id).sort()).toEqual(
        [...SEED_FILES.map((text) => parseCaseFileText(text, 'seed.json').case.id), ...importedIds].sort(),
      );
    } finally {
      await reopened.close();
    }
    expect(refused).toBeGreaterThan(IMPORT_RUNS * 0.8);
    expect(refused + importedIds.length + parsedOnly).toBe(IMPORT_RUNS);
    console.info(
      `fuzz-import: ${refused} malformed case files refused by the store; ${importedIds.length + parsedOnly} mutants still valid (${importedIds.length} imported)`,
    );
  }, 120_000);
});

describe('the command line on generated malformed case files', () => {
  it(`exits with status 2 and the case-file error for ${CLI_RUNS} of them, without touching the store`, async () => {
    const dataDir = path.join(root, 'cli-store');
    const seeded = await openCaseStore({ dataDir });
    await seeded.importCaseFile(SEED_FILES[0] as string, 'seed.json');
    await seeded.close();
    const before = await hashTree(dataDir);
    const filesDir = path.join(root, 'cli-files');
    await fs.mkdir(filesDir);
    const previousDataDir = process.env[DATA_DIR_VARIABLE];
    process.env[DATA_DIR_VARIABLE] = dataDir;
    const prototypesBefore = prototypeSnapshot();
    const malformedBytes = fc.oneof(
      { weight: 9, arbitrary: caseFileText.filter((text) => !isValidCaseFile(text)).map((text) => Buffer.from(text, 'utf8')) },
      // Bytes that are not UTF-8 at all.
      { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), bytes])) },
    );
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(malformedBytes, fc.constantFrom('import', 'analyze'), async (bytes, command) => {
          run += 1;
          const file = path.join(filesDir, `case-${run}.json`);
          await fs.writeFile(file, bytes);
          let stdout = '';
          let stderr = '';
          const status = await runCli([command, file], { out: (text) => (stdout += text), err: (text) => (stderr += text) });
          expect(status).toBe(2);
          expect(stdout).toBe('');
          expect(stderr.split('\n')[0]).toBe(`${file}: not a valid case file`);
          expect(stderr.length).toBeLessThan(4_000);
        }),
        { numRuns: CLI_RUNS },
      );
    } finally {
      if (previousDataDir === undefined) delete process.env[DATA_DIR_VARIABLE];
      else process.env[DATA_DIR_VARIABLE] = previousDataDir;
    }
    expect(await hashTree(dataDir)).toEqual(before);
    expect(prototypeSnapshot()).toEqual(prototypesBefore);
  }, 120_000);
});
