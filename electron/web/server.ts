import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BridgeErrorCode, BridgeResult } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security/csp';
import { resolveRendererPath } from '../security/rendererFiles';
import { answerRendererRequest } from '../security/rendererResponse';
import {
  bearerTokenOf,
  createToken,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  isLoopbackAddress,
  tokensMatch,
} from './guards';

/**
 * Browser mode: the same renderer and the same contract as the desktop app,
 * carried over HTTP on 127.0.0.1 instead of Electron IPC. The wire protocol
 * (what renderer/bridge/fetchTransport.ts speaks):
 *
 *   POST /api/<channel>            channel as in the contract, e.g. /api/cases:list
 *   Authorization: Bearer <token>  the token from the page URL's #token=...
 *   Content-Type: application/json
 *   body: the request as JSON      answer: the BridgeResult envelope as JSON
 *
 * A call that passed the guards is answered 200 with dispatch's envelope
 * (which may itself be {ok:false}); a refused one gets 4xx with
 * {ok:false,error:{code,message}}.
 */

export type WebServer = {
  /** The page to open, carrying the token in its fragment (never sent to the server). */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
};

export type WebServerOptions = { dispatch: Dispatch; rendererDir: string; port?: number };

/** Largest request body accepted: a generous case file with pictures, still bounded. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

const API_PREFIX = '/api/';

type Refusal = { status: number; code: BridgeErrorCode; message: string };

const NOT_FROM_TRIPTYCH: Omit<Refusal, 'status'> = {
  code: 'forbidden-sender',
  message: 'This request did not come from the Triptych page on this computer, so it was refused.',
};

function sendJson(response: ServerResponse, status: number, envelope: BridgeResult<unknown>): void {
  const body = JSON.stringify(envelope);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  sendJson(response, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } });
}

type BodyReading = { ok: true; text: string } | { ok: false; refusal: Refusal };

const TOO_LARGE: Refusal = {
  status: 413,
  code: 'invalid-request',
  message: `The request was larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB, so it was refused.`,
};

/** Reads a request body up to the limit, refusing early when the client announces more. */
function readBody(request: IncomingMessage): Promise<BodyReading> {
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > MAX_BODY_BYTES) return Promise.resolve({ ok: false, refusal: TOO_LARGE });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settled = true;
        resolve({ ok: false, refusal: TOO_LARGE });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', () => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, refusal: { status: 400, code: 'invalid-request', message: 'The request was cut off.' } });
    });
  });
}

async function answerApi(request: IncomingMessage, response: ServerResponse, rawPath: string, token: string, dispatch: Dispatch) {
  if (!tokensMatch(bearerTokenOf(request.headers.authorization), token)) {
    return refuse(response, { status: 401, ...NOT_FROM_TRIPTYCH });
  }
  // A browser marks where a request came from; anything but our own page is refused.
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    return refuse(response, { status: 403, ...NOT_FROM_TRIPTYCH });
  }
  if (request.method !== 'POST') {
    return refuse(response, { status: 405, code: 'invalid-request', message: 'Triptych requests are sent with POST.' });
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    return refuse(response, { status: 415, code: 'invalid-request', message: 'Triptych requests are sent as JSON.' });
  }
  const body = await readBody(request);
  if (!body.ok) {
    response.setHeader('Connection', 'close');
    return refuse(response, body.refusal);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return refuse(response, { status: 400, code: 'invalid-request', message: 'The request was not valid JSON.' });
  }
  let channel: string;
  try {
    channel = decodeURIComponent(rawPath.slice(API_PREFIX.length));
  } catch {
    channel = '';
  }
  sendJson(response, 200, await dispatch(channel, parsed));
}

async function answerRequest(request: IncomingMessage, response: ServerResponse, port: number, token: string, options: WebServerOptions) {
  if (!isLoopbackAddress(request.socket.remoteAddress)) return refuse(response, { status: 403, ...NOT_FROM_TRIPTYCH });
  const host = request.headers.host;
  if (host === undefined || !isAllowedHost(host, port)) return refuse(response, { status: 403, ...NOT_FROM_TRIPTYCH });
  if (!isAllowedOrigin(request.headers.origin, host)) return refuse(response, { status: 403, ...NOT_FROM_TRIPTYCH });
  const target = request.url ?? '';
  // Only origin-form targets ("/path?query"); an absolute URL here means a proxy-style request.
  if (!target.startsWith('/')) return refuse(response, { status: 400, code: 'invalid-request', message: 'Malformed request.' });
  const rawPath = target.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.startsWith(API_PREFIX)) return answerApi(request, response, rawPath, token, options.dispatch);
  const answer = await answerRendererRequest(request.method ?? '', resolveRendererPath(options.rendererDir, rawPath));
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': answer.body.byteLength });
  response.end(answer.body);
}

/**
 * Starts the browser-mode server on 127.0.0.1 (a free port unless one is
 * given) with a fresh token, serving the built renderer and the contract.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = createToken();
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      server.on('request', (request: IncomingMessage, response: ServerResponse) => {
        answerRequest(request, response, port, token, options).catch((error: unknown) => {
          console.error(error);
          if (response.headersSent) {
            response.destroy();
            return;
          }
          refuse(response, { status: 500, code: 'internal', message: 'Something went wrong inside Triptych; nothing was changed by this request.' });
        });
      });
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
