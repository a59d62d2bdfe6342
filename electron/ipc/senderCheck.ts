import { isAppUrl } from '../security/appOrigin';

/** The part of an Electron IPC event the sender check reads (`IpcMainInvokeEvent` fits it). */
export type IpcSenderEvent = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};

/**
 * Whether an IPC call comes from the app's own top-level page. A subframe, a
 * page of another origin (or `file://`), or a frame already gone (Electron
 * reports it as null) is refused: only our bundled page may reach the store.
 */
export function isTrustedSender(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
