import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A folder served over HTTP on a loopback port of its own. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files of one folder read-only on 127.0.0.1, on a port the OS
 * picks, with the given headers (the app's CSP) on every answer. Nothing
 * outside the folder can be reached, and there is no API: the e2e bridge
 * goes through `page.exposeFunction`, not HTTP.
 */
export async function serveFolder(root: string, headers: Readonly<Record<string, string>>): Promise<StaticServer> {
  const folder = resolve(root);
  const server = createServer((request, response) => {
    void answer(folder, headers, request.method ?? 'GET', request.url ?? '/', response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

async function answer(
  folder: string,
  headers: Readonly<Record<string, string>>,
  method: string,
  url: string,
  response: import('node:http').ServerResponse,
): Promise<void> {
  const refuse = (status: number) => {
    response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(status === 405 ? 'Method not allowed' : 'Not found');
  };
  if (method !== 'GET' && method !== 'HEAD') return refuse(405);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return refuse(404);
  }
  const file = resolve(folder, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!file.startsWith(folder + sep)) return refuse(404);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return refuse(404);
  response.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
  });
  if (method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.close((error) => (error ? fail(error) : done()));
    server.closeAllConnections();
  });
}
