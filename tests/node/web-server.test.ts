import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/ipc/dispatch';
import type { Handlers } from '../../electron/ipc/handlers';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { bearerTokenOf, isAllowedHost, isAllowedOrigin, isLoopbackAddress, tokensMatch } from '../../electron/web/guards';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { TriptychError } from '../../shared/ipc/result';

type Answer = { status: number; headers: IncomingHttpHeaders; text: string; json(): unknown };

let folder: string;
let rendererDir: string;
let server: WebServer;
let port: number;
const calls: { channel: string; request: unknown }[] = [];

/** Sends one raw HTTP request, with exactly the headers given (Host included), to the server. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** A well-formed API call; each test overrides the one thing it is about. */
function callApi(channel: string, overrides: { headers?: Record<string, string>; body?: string | Buffer; method?: string } = {}) {
  return send({
    method: overrides.method ?? 'POST',
    path: `/api/${channel}`,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...overrides.headers },
    body: overrides.body ?? '{}',
  });
}

function expectRefusal(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.json()).toMatchObject({ ok: false, error: { code } });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'triptych-web-'));
  rendererDir = join(folder, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Triptych</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("triptych");');
  // A file beside the renderer folder that no request may ever reach.
  await writeFile(join(folder, 'secret.txt'), 'CLINICAL-SECRET');
  const record =
    (channel: string, answer: () => Promise<never> | Promise<object>) =>
    async (request: unknown) => {
      calls.push({ channel, request });
      return answer();
    };
  const notFound = async (): Promise<never> => {
    throw new TriptychError('not-found', 'No such case.');
  };
  const handlers = {
    'store:status': record('store:status', async () => ({ dataDir: folder, mode: 'browser', quarantined: [] })),
    'cases:list': record('cases:list', async () => ({ cases: [] })),
    'cases:get': record('cases:get', notFound),
    'cases:create': record('cases:create', notFound),
    'cases:save': record('cases:save', notFound),
    'cases:duplicate': record('cases:duplicate', notFound),
    'cases:trash': record('cases:trash', async () => ({})),
    'cases:list-trash': record('cases:list-trash', async () => ({ cases: [] })),
    'cases:restore': record('cases:restore', notFound),
    'cases:empty-trash': record('cases:empty-trash', async () => ({ removed: 0 })),
    'cases:import': record('cases:import', notFound),
    'cases:export': record('cases:export', notFound),
    'analysis:caseload': record('analysis:caseload', async () => ({ therapists: [], caseTitles: {} })),
  } as Handlers;
  server = await startWebServer({ dispatch: createDispatch(handlers, () => undefined), rendererDir });
  port = Number(new URL(server.origin).port);
});

afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  calls.length = 0;
});

describe('browser-mode server: the page', () => {
  it('listens on 127.0.0.1 only and puts a fresh 32-byte token in the page URL fragment', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${port}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`http://127.0.0.1:${port}/#token=${server.token}`);
  });

  it('is unreachable on the machine’s other network addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal);
    if (external === undefined) return;
    await expect(send({ path: '/', host: external.address })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves the renderer with the CSP and the other security headers', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Triptych</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await send({ path: '/assets/app.js?v=3' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a missing file 404, with the CSP too', async () => {
    const missing = await send({ path: '/nothing-here.js' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
  ])('refuses the traversal %s', async (path) => {
    const answer = await send({ path });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.text).not.toContain('CLINICAL-SECRET');
  });

  it('keeps an absolute path inside the renderer folder', async () => {
    for (const path of [`/${encodeURIComponent(join(folder, 'secret.txt'))}`, `/${join(folder, 'secret.txt')}`]) {
      const answer = await send({ path });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.text).not.toContain('CLINICAL-SECRET');
    }
  });

  it('refuses the page to a foreign Host (DNS rebinding)', async () => {
    const answer = await send({ path: '/', headers: { Host: `evil.example:${port}` } });
    expectRefusal(answer, 403, 'forbidden-sender');
    expect(answer.text).not.toContain('<title>');
  });

  it('never sends CORS headers, not even to a preflight', async () => {
    const preflight = await send({
      method: 'OPTIONS',
      path: '/api/cases:list',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    const answers = [preflight, await send({ path: '/' }), await callApi('cases:list'), await callApi('cases:list', { headers: { Authorization: 'Bearer nope' } })];
    for (const answer of answers) {
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});

describe('browser-mode server: the API', () => {
  it('answers a good call with the envelope from the handler', async () => {
    const answer = await callApi('cases:list', { headers: { Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json()).toEqual({ ok: true, value: { cases: [] } });
    expect(calls).toEqual([{ channel: 'cases:list', request: {} }]);
  });

  it('accepts a percent-encoded channel and a page opened as localhost', async () => {
    const answer = await callApi('cases%3Atrash', {
      headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}` },
      body: JSON.stringify({ id: 'abc' }),
    });
    expect(answer.json()).toEqual({ ok: true, value: {} });
    expect(calls).toEqual([{ channel: 'cases:trash', request: { id: 'abc' } }]);
  });

  it('hands on a handler refusal as its coded error', async () => {
    const answer = await callApi('cases:get', { body: JSON.stringify({ id: 'missing' }) });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ ok: false, error: { code: 'not-found', message: 'No such case.' } });
  });

  const refused: [string, () => Promise<Answer>, number, string][] = [
    ['no token', () => callApi('cases:list', { headers: { Authorization: '' } }), 401, 'forbidden-sender'],
    ['a wrong token', () => callApi('cases:list', { headers: { Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }), 401, 'forbidden-sender'],
    ['a token one character short', () => callApi('cases:list', { headers: { Authorization: `Bearer ${server.token.slice(0, -1)}` } }), 401, 'forbidden-sender'],
    ['the token in another scheme', () => callApi('cases:list', { headers: { Authorization: `Basic ${server.token}` } }), 401, 'forbidden-sender'],
    [
      'the token in the query string',
      () => send({ method: 'POST', path: `/api/cases:list?token=${server.token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      401,
      'forbidden-sender',
    ],
    ['a foreign Host', () => callApi('cases:list', { headers: { Host: `evil.example:${port}` } }), 403, 'forbidden-sender'],
    ['our address on another port', () => callApi('cases:list', { headers: { Host: '127.0.0.1:1' } }), 403, 'forbidden-sender'],
    ['a Host with no port', () => callApi('cases:list', { headers: { Host: '127.0.0.1' } }), 403, 'forbidden-sender'],
    ['a foreign Origin', () => callApi('cases:list', { headers: { Origin: 'https://evil.example' } }), 403, 'forbidden-sender'],
    ['an opaque Origin', () => callApi('cases:list', { headers: { Origin: 'null' } }), 403, 'forbidden-sender'],
    ['our address on another port as Origin', () => callApi('cases:list', { headers: { Origin: 'http://127.0.0.1:1' } }), 403, 'forbidden-sender'],
    ['a cross-site fetch', () => callApi('cases:list', { headers: { 'Sec-Fetch-Site': 'cross-site' } }), 403, 'forbidden-sender'],
    ['a GET', () => callApi('cases:list', { method: 'GET', body: '' }), 405, 'invalid-request'],
    ['a form post (text/plain)', () => callApi('cases:list', { headers: { 'Content-Type': 'text/plain' } }), 415, 'invalid-request'],
    ['malformed JSON', () => callApi('cases:list', { body: '{"oops":' }), 400, 'invalid-request'],
    ['an empty body', () => callApi('cases:list', { body: '' }), 400, 'invalid-request'],
    ['a body over the limit', () => callApi('cases:import', { body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20) }), 413, 'invalid-request'],
    ['a request that breaks the contract', () => callApi('cases:get', { body: JSON.stringify({ id: '../../secret' }) }), 200, 'invalid-request'],
    ['a channel the contract lacks', () => callApi('store:delete-everything'), 200, 'unknown-channel'],
    ['a prototype channel name', () => callApi('__proto__'), 200, 'unknown-channel'],
  ];

  it.each(refused)('refuses %s, and no handler runs', async (_label, make, status, code) => {
    expectRefusal(await make(), status, code);
    expect(calls).toEqual([]);
  });
});

describe('browser-mode guards', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('treats %s as loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.1', '172.16.0.1', 'fe80::1', '::', '0.0.0.0', '', 'localhost', undefined])(
    'does not treat %s as loopback',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );

  it('accepts only our own Host and the Origin matching it', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
    expect(isAllowedOrigin(undefined, '127.0.0.1:4000')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', '127.0.0.1:4000')).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4000', '127.0.0.1:4000')).toBe(false);
  });

  it('reads a bearer token and compares it exactly', () => {
    expect(bearerTokenOf('Bearer abc_-9')).toBe('abc_-9');
    expect(bearerTokenOf('bearer abc')).toBeNull();
    expect(bearerTokenOf('Bearer abc def')).toBeNull();
    expect(bearerTokenOf(undefined)).toBeNull();
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch(null, 'abc')).toBe(false);
  });
});
