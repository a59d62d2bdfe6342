import { promises as fs } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/app/openWorkspace';
import { openCaseStore } from '../../electron/store/caseStore';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { CHANNELS, CONTRACT, isChannel } from '../../shared/ipc/contract';
import { BRIDGE_ERROR_CODES, BridgeResultSchema, type BridgeResult } from '../../shared/ipc/result';
import { caseFileText, SEED_FILES } from './fuzz-caseFiles';
import { makeTempDir } from './fixtures/storeFiles';

/**
 * Random payloads to every channel of the contract, through the dispatch the
 * desktop app and browser mode share, over a real store; then random requests
 * to every endpoint of the browser-mode server. Each must be answered with a
 * coded error a clinician can read, or handled: never an internal error,
 * never an unhandled rejection, and the store and server still work after.
 */

const DISPATCH_RUNS = 5_000;
const HTTP_RUNS = 2_000;

/**
 * The same payloads on every run unless FUZZ_SEED asks for others: the
 * coverage checks below (every channel reached, more than half of them doing
 * their work) are likely but not certain for an arbitrary seed, and a test
 * run must not pass or fail by chance. A failure prints the seed to replay.
 */
const SEED = fuzzSeed(process.env.FUZZ_SEED);

function fuzzSeed(asked: string | undefined): number {
  if (asked === undefined) return 20261125;
  const seed = Number(asked);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be a whole number, not "${asked}".`);
  return seed;
}

/** Codes that would mean a bug of ours rather than a refused request. */
const BUG_CODES = ['internal', 'invalid-response'];

const SEED_IDS = SEED_FILES.map((text) => (JSON.parse(text) as { case: { id: string } }).case.id);

const channelName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CHANNELS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'cases:list ', 'CASES:LIST', 'cases:', ':list', 'store:delete-everything', ''),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

const caseId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SEED_IDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
  { weight: 2, arbitrary: fc.constantFrom('../../etc/passwd', '..', '.', '__proto__', 'constructor', 'a/b', 'a\\b', 'C:', 'x'.repeat(65), '', ' ', '\u0000') },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

/** A case object as a page might send it: a seed case, damaged or not, sometimes under another id. */
const caseObject: fc.Arbitrary<unknown> = fc.oneof(
  caseFileText.map((text) => {
    try {
      return (JSON.parse(text) as { case?: unknown }).case ?? null;
    } catch {
      return text;
    }
  }),
  fc.record({ seed: fc.nat(), id: fc.stringMatching(/^fz-[a-z0-9]{1,10}$/) }).map(({ seed, id }) => {
    const kase = (JSON.parse(SEED_FILES[seed % SEED_FILES.length] as string) as { case: Record<string, unknown> }).case;
    return { ...kase, id };
  }),
);

const payload: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom<unknown>({}, null, undefined, [], '', 0, { id: undefined }, Object.create(null)) },
  { weight: 3, arbitrary: fc.record({ id: caseId }) },
  { weight: 1, arbitrary: fc.record({ id: caseId, extra: fc.jsonValue({ maxDepth: 1 }) }) },
  { weight: 3, arbitrary: fc.record({ case: caseObject }) },
  { weight: 3, arbitrary: fc.record({ fileName: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('case.json')), text: caseFileText }) },
  // Keys an object literal cannot hold as its own, the way a request parsed from JSON can.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"id":"abc","__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"case":{"__proto__":{"polluted":true}}}',
      '{"fileName":"a.json","text":"{}","__proto__":null}',
    ).map((text) => JSON.parse(text) as unknown),
  },
);

/** JSON.stringify's replacer for what JSON cannot hold (a page's fetch would have failed on it). */
function asJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A payload as the JSON body a page would post; one too deep to stringify is sent as deep JSON text instead. */
function requestText(value: unknown): string {
  try {
    return JSON.stringify(value, asJson) ?? 'null';
  } catch {
    return `{"case":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
  }
}

function prototypeSnapshot(): string[][] {
  return [Object.prototype, Array.prototype, Function.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort());
}

/** Checks one answer: a well-formed envelope, never a bug's code, and a value that fits the channel. */
function expectAnswered(channel: unknown, answer: BridgeResult<unknown>): void {
  expect(BridgeResultSchema.safeParse(answer).success).toBe(true);
  if (!answer.ok) {
    expect(BRIDGE_ERROR_CODES).toContain(answer.error.code);
    expect(BUG_CODES, answer.error.message).not.toContain(answer.error.code);
    expect(answer.error.message.trim().length).toBeGreaterThan(0);
    expect(answer.error.message.length).toBeLessThan(4_000);
    if (!isChannel(channel)) expect(answer.error.code).toBe('unknown-channel');
    return;
  }
  expect(isChannel(channel)).toBe(true);
  if (isChannel(channel)) expect(CONTRACT[channel].response.safeParse(answer.value).success).toBe(true);
}

let root: string;
let workspace: Workspace;
let internalErrors: unknown[];
let unhandled: unknown[];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  root = await makeTempDir('triptych-fuzz-ipc-');
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  internalErrors = [];
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});

afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('random payloads to every IPC channel, through dispatch over a real store', () => {
  it(`answers each of ${DISPATCH_RUNS.toLocaleString('en')} with a coded refusal or a valid result, and leaves a sound store`, async () => {
    const dataDir = path.join(root, 'dispatch-store');
    workspace = await openWorkspace({ dataDir, mode: 'test', seedExamples: true, firstRun: 'unprotected', logInternalError: (error) => internalErrors.push(error) });
    const prototypes = prototypeSnapshot();
    const seen = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(channelName, payload, async (channel, request) => {
          const answer = await workspace.dispatch(channel, request);
          expectAnswered(channel, answer);
          const key = `${typeof channel === 'string' && isChannel(channel) ? channel : '(unknown)'} ${answer.ok ? 'ok' : answer.error.code}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }),
        { numRuns: DISPATCH_RUNS, seed: SEED },
      );
      const list = await workspace.dispatch('cases:list', {});
      expect(list.ok).toBe(true);
    } finally {
      await workspace.close();
    }
    expect(internalErrors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(prototypeSnapshot()).toEqual(prototypes);
    // Every channel was reached, and every one both refused something and (where it can) did its work.
    for (const channel of CHANNELS) expect([...seen.keys()].some((key) => key.startsWith(`${channel} `)), channel).toBe(true);
    expect([...seen.keys()].filter((key) => key.endsWith(' ok')).length).toBeGreaterThan(CHANNELS.length / 2);
    console.info(`fuzz-ipc (dispatch): ${[...seen].map(([key, count]) => `${key}: ${count}`).join(', ')}`);

    const reopened = await openCaseStore({ dataDir });
    try {
      expect(reopened.quarantined()).toEqual([]);
      for (const summary of await reopened.list()) await expect(reopened.get(summary.id)).resolves.toMatchObject({ id: summary.id });
    } finally {
      await reopened.close();
    }
  }, 120_000);
});

describe('random requests to every browser-mode endpoint, with the token', () => {
  it(`answers each of ${HTTP_RUNS.toLocaleString('en')} with a coded refusal or a valid result, and keeps serving`, async () => {
    const dataDir = path.join(root, 'web-store');
    const rendererDir = path.join(root, 'renderer');
    await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Triptych</title>');
    await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), '// app');
    workspace = await openWorkspace({ dataDir, mode: 'browser', seedExamples: true, firstRun: 'unprotected', logInternalError: (error) => internalErrors.push(error) });
    const server: WebServer = await startWebServer({ dispatch: workspace.dispatch, rendererDir });
    const port = Number(new URL(server.origin).port);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const statuses = new Map<number, number>();

    const send = (method: string, target: string, headers: Record<string, string>, body: Buffer) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        // An explicit length, as a browser sends it: without one, Node's client
        // streams a GET/DELETE/OPTIONS body unframed into the next request.
        const framing = { Host: `127.0.0.1:${port}`, 'Content-Length': String(body.length), ...headers };
        const outgoing = httpRequest({ host: '127.0.0.1', port, method, path: target, agent, headers: framing }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });

    const apiChannel = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...CHANNELS).map((channel) => encodeURIComponent(channel)) },
      { weight: 2, arbitrary: fc.constantFrom(...CHANNELS) },
      { weight: 1, arbitrary: fc.constantFrom('', '%E0%A4%A', '%00', '__proto__', 'cases:list/extra', '..%2f..%2fpackage.json', 'cases%3Alist%00', '%2e%2e') },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((name) => encodeURIComponent(name)) },
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: payload.map((value) => Buffer.from(requestText(value), 'utf8')) },
      { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map((text) => Buffer.from(text, 'utf8')) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.from(bytes)) },
    );
    const endpoint = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({
          method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }),
          target: fc.tuple(apiChannel, fc.constantFrom('', '?x=1', '#frag', '?token=nope')).map(([channel, suffix]) => `/api/${channel}${suffix}`),
          contentType: fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON') },
            { weight: 1, arbitrary: fc.constantFrom('text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', '') },
          ),
          body,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          method: fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE'),
          target: fc.oneof(fc.webPath(), fc.constantFrom('/', '/index.html', '/assets/app.js', '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/api', '//api/cases:list', '/%')),
          contentType: fc.constant(''),
          body: fc.constant(Buffer.alloc(0)),
        }),
      },
    );

    const prototypes = prototypeSnapshot();
    try {
      await fc.assert(
        fc.asyncProperty(endpoint, async ({ method, target, contentType, body: bytes }) => {
          const headers: Record<string, string> = { Authorization: `Bearer ${server.token}` };
          if (contentType !== '') headers['Content-Type'] = contentType;
          const answer = await send(method, target, headers, bytes);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status).not.toBe(500);
          expect([200, 400, 401, 403, 404, 405, 413, 415]).toContain(answer.status);
          if (!target.startsWith('/api/')) return;
          const envelope = JSON.parse(answer.text) as BridgeResult<unknown>;
          if (answer.status === 200) {
            let channel: unknown;
            try {
              channel = decodeURIComponent(target.slice('/api/'.length).split(/[?#]/, 1)[0] ?? '');
            } catch {
              channel = '';
            }
            expectAnswered(channel, envelope);
          } else {
            expect(envelope.ok).toBe(false);
            if (!envelope.ok) {
              expect(BRIDGE_ERROR_CODES).toContain(envelope.error.code);
              expect(BUG_CODES).not.toContain(envelope.error.code);
            }
          }
        }),
        { numRuns: HTTP_RUNS, seed: SEED },
      );
      // Still alive and still itself.
      const page = await send('GET', '/', {}, Buffer.alloc(0));
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Triptych</title>');
      const list = await send('POST', '/api/cases:list', { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, Buffer.from('{}'));
      expect(JSON.parse(list.text)).toMatchObject({ ok: true, value: { cases: expect.any(Array) } });
    } finally {
      agent.destroy();
      await server.close();
      await workspace.close();
    }
    expect(internalErrors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(prototypeSnapshot()).toEqual(prototypes);
    console.info(`fuzz-ipc (browser mode): statuses ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(', ')}`);
  }, 120_000);
});
