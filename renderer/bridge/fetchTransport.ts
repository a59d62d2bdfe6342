import type { BridgeTransport } from '../../shared/ipc/bridge';

const TOKEN_STORAGE_KEY = 'triptych.accessToken';
// Chromium's budget for keepalive bodies in flight is 64 KiB; leave room for the headers.
const KEEPALIVE_LIMIT = 60_000;

// Module scope, never React state: the token must not end up in anything the
// page renders or logs.
let accessToken: string | null = null;

const NO_TOKEN = {
  ok: false,
  error: {
    code: 'forbidden-sender',
    message: 'This page was opened without its access key. Open Triptych again from the address the web command printed.',
  },
} as const;

/**
 * Takes the access token from the address (`#token=…`) the server printed,
 * keeps it in memory and in this tab's session storage (so a reload still
 * works), and removes it from the visible address so it is not shared by a
 * screenshot or a copied link.
 */
export function takeAccessToken(): string | null {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromAddress) {
    accessToken = fromAddress;
    rememberForReload(fromAddress);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  } else if (accessToken === null) {
    accessToken = recallAfterReload();
  }
  return accessToken;
}

/** The browser-mode transport: each call is one POST to the local server, authorised by the access token. */
export function createFetchTransport(): BridgeTransport {
  const token = takeAccessToken();
  return async (channel, request) => {
    if (!token) return NO_TOKEN;
    const body = JSON.stringify(request);
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      cache: 'no-store',
      credentials: 'omit',
      // A save started as the tab closes must outlive the page; browsers allow
      // that (keepalive) only for small bodies, so larger ones rely on the
      // beforeunload prompt holding the tab open until they finish.
      keepalive: body.length <= KEEPALIVE_LIMIT,
    });
    // The server answers with an envelope even on 401/403, so the status code
    // carries nothing the envelope does not; checkedTransport parses it.
    return (await response.json()) as Awaited<ReturnType<BridgeTransport>>;
  };
}

function rememberForReload(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage can be disabled by the browser; the token still works until reload.
  }
}

function recallAfterReload(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
