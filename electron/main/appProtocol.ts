import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../security/appOrigin';
import { resolveRendererFile } from '../security/rendererFiles';
import { answerRendererRequest } from '../security/rendererResponse';

/**
 * Declares `app://` a standard, secure scheme. Electron only accepts this
 * before the app is ready; it gives the page a real origin (so the CSP's
 * 'self' and the sender check mean something) without `file://`'s reach
 * over the whole disk (security checklist item 18).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer folder on `app://triptych`, with the CSP on every response. */
export function serveRenderer(target: Session, rendererRoot: string): void {
  target.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerRendererRequest(request.method, resolveRendererFile(rendererRoot, request.url));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
