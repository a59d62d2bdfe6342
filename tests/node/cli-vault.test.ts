import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeystore } from '../../electron/crypto/keystore';
import { vaultStatus } from '../../electron/crypto/vault';
import { parseCaseFileText, serializeCaseFile } from '../../shared/case/parse';
import { cliEnvironment, runCliInProcess, runCliProcess, type CliRun } from './fixtures/cliRun';
import { hashTree, makeTempDir } from './fixtures/storeFiles';
import { CLIENT_NAME, distinctiveCase, findPlainText, unencryptedFiles } from './fixtures/vault-files';

const PASSPHRASE = 'marble orchard kettle violin';
const WRONG_PASSPHRASE_MESSAGE = 'That passphrase does not open this case store.';

/**
 * Runs the command line in-process against `dataDir`, with no terminal and
 * without TRIPTYCH_PASSPHRASE unless given.
 */
function cli(args: readonly string[], dataDir: string, passphraseVariable?: string): Promise<CliRun> {
  return runCliInProcess(args, cliEnvironment(dataDir, passphraseVariable));
}

/** The same in a child process whose standard input is a pipe, not a terminal. */
function cliProcess(args: readonly string[], dataDir: string, passphraseVariable?: string): Promise<CliRun> {
  return runCliProcess(args, cliEnvironment(dataDir, passphraseVariable));
}

let root: string;
let passphraseFile: string;
let wrongFile: string;
let caseFile: string;

beforeAll(async () => {
  root = await makeTempDir('triptych-cli-vault-');
  passphraseFile = join(root, 'passphrase.txt');
  wrongFile = join(root, 'wrong.txt');
  caseFile = join(root, 'zq.json');
  // As an editor saves it, with a final newline that is not part of the passphrase.
  await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  await writeFile(wrongFile, 'marble orchard kettle viola\n', { mode: 0o600 });
  await writeFile(caseFile, serializeCaseFile(distinctiveCase('zq')));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function newFolder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  return dir;
}

describe('init', () => {
  it('creates an encrypted store and prints its recovery key once', async () => {
    const dataDir = await newFolder('init');
    // The real program once: init as a clinician runs it.
    const run = await cliProcess(['init', '--passphrase-file', passphraseFile], dataDir);
    expect(run.status, run.stderr).toBe(0);
    const recoveryKey = /(?:[0-9A-Z]{4}-){8}[0-9A-Z]{4}/.exec(run.stdout)?.[0];
    expect(recoveryKey).toBeDefined();
    expect(run.stdout).toContain('shown only this once');
    expect(run.stdout).toContain('If you forget your passphrase and lose your recovery key, your cases cannot be recovered — by anyone.');
    expect(await vaultStatus(dataDir)).toBe('locked');
    expect((await readKeystore(dataDir))?.protection).toBe('protected');
    expect(JSON.stringify(await hashTree(dataDir))).not.toContain(recoveryKey);

    const again = await cli(['init', '--passphrase-file', passphraseFile], dataDir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('There is already a case store');
    expect(again.stdout).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it('creates an unencrypted store only with --no-encryption, which then needs no passphrase', async () => {
    const dataDir = await newFolder('init-plain');
    const run = await cli(['init', '--no-encryption'], dataDir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('unencrypted');
    expect(await vaultStatus(dataDir)).toBe('unprotected');

    expect((await cli(['import', caseFile], dataDir)).status).toBe(0);
    const listed = await cli(['list'], dataDir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${CLIENT_NAME} intake`);
    expect((await findPlainText(dataDir)).length).toBeGreaterThan(0);
  });

  it('refuses a passphrase that is too short, both options at once, and creates nothing', async () => {
    const dataDir = await newFolder('init-refused');
    const shortFile = join(root, 'short.txt');
    await writeFile(shortFile, 'kettle');
    const short = await cli(['init', '--passphrase-file', shortFile], dataDir);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 8 characters/);
    const both = await cli(['init', '--no-encryption', '--passphrase-file', passphraseFile], dataDir);
    expect(both.status).toBe(2);
    const noSource = await cli(['init'], dataDir);
    expect(noSource.status).toBe(2);
    expect(noSource.stderr).toContain('--passphrase-file FILE');
    expect(await hashTree(dataDir)).toEqual({});
  });
});

describe('the store commands on an encrypted store', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await newFolder('encrypted');
    expect((await cli(['init', '--passphrase-file', passphraseFile], dataDir)).status).toBe(0);
  });

  it('import, list, export and handout open it with --passphrase-file or TRIPTYCH_PASSPHRASE', async () => {
    const imported = await cli(['import', caseFile, '--passphrase-file', passphraseFile], dataDir);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported');

    const listed = await cli(['list'], dataDir, PASSPHRASE);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^zq +\\d{4}-\\d\\d-\\d\\d +${CLIENT_NAME} intake$`, 'm'));

    const exported = await cli(['export', 'zq', `--passphrase-file=${passphraseFile}`], dataDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(parseCaseFileText(exported.stdout, 'zq.json').case).toEqual(distinctiveCase('zq'));

    const pdf = join(root, 'zq.pdf');
    const handout = await cli(['handout', 'zq', '--out', pdf, '--passphrase-file', passphraseFile], dataDir);
    expect(handout.status, handout.stderr).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(await findPlainText(dataDir)).toEqual([]);
    expect(await unencryptedFiles(dataDir)).toEqual([]);
  });

  it('exits 2 on a wrong passphrase, with a clear message, and changes no byte', async () => {
    const before = await hashTree(dataDir);
    const runs = [
      await cli(['list', '--passphrase-file', wrongFile], dataDir),
      await cli(['import', caseFile, '--passphrase-file', wrongFile], dataDir),
      await cli(['export', 'zq'], dataDir, 'not the passphrase'),
      await cli(['list'], dataDir, ''),
    ];
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(WRONG_PASSPHRASE_MESSAGE);
      expect(run.stderr).toContain('Nothing was changed.');
    }
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('exits 2 without a terminal and without a passphrase source, saying how to give one', async () => {
    const before = await hashTree(dataDir);
    // A real process, whose standard input really is no terminal.
    const run = await cliProcess(['list'], dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--passphrase-file FILE');
    expect(run.stderr).toContain('TRIPTYCH_PASSPHRASE');
    const missing = await cli(['list', '--passphrase-file', join(root, 'nowhere.txt')], dataDir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('takes no passphrase from the command line', async () => {
    const before = await hashTree(dataDir);
    const run = await cli(['list', '--passphrase', PASSPHRASE], dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --passphrase');
    expect(await hashTree(dataDir)).toEqual(before);
  });
});

describe('a folder with no store yet', () => {
  it('lists nothing and says to run init; import is refused and creates nothing', async () => {
    const dataDir = await newFolder('new');
    const listed = await cli(['list'], dataDir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('No cases');
    expect(listed.stderr).toContain('triptych init');

    const imported = await cli(['import', caseFile], dataDir);
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('There is no case store');
    expect(imported.stderr).toContain('triptych init');
    expect(await hashTree(dataDir)).toEqual({});

    const nowhere = join(root, 'not-created');
    expect((await cli(['import', caseFile], nowhere)).status).toBe(2);
    expect(existsSync(nowhere)).toBe(false);
  });
});
