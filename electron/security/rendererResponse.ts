import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from './csp';
import { contentTypeOf, type RendererFileResolution } from './rendererFiles';

/** One answer to a request for a renderer file, in a shape both transports can send. */
export type RendererResponse = {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
};

function plain(status: number, text: string): RendererResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new Uint8Array(Buffer.from(text, 'utf8')),
  };
}

/**
 * Reads the renderer file a request resolved to and answers it with the
 * security headers; a refused path, a missing file or a method other than
 * GET/HEAD gets a short plain-text refusal with the same headers.
 */
export async function answerRendererRequest(method: string, resolution: RendererFileResolution): Promise<RendererResponse> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  if (!resolution.ok) return plain(resolution.reason === 'malformed' ? 400 : 403, 'Forbidden');
  let body: Buffer;
  try {
    body = await readFile(resolution.filePath);
  } catch {
    return plain(404, 'Not found');
  }
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(resolution.filePath) },
    body: new Uint8Array(body),
  };
}
