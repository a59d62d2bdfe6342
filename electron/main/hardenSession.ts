import type { Session } from 'electron';
import { isPermissionAllowed, isRequestAllowed } from '../security/requestPolicy';

/**
 * Closes the session to the outside world: every permission refused (checklist
 * item 5) and every request that is not the app's own cancelled, so no case
 * data can leave the machine even if a script got into the page.
 */
export function hardenSession(target: Session, options: { devTools: boolean }): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(isPermissionAllowed()));
  target.setPermissionCheckHandler(() => isPermissionAllowed());
  target.setDevicePermissionHandler(() => isPermissionAllowed());
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, options) });
  });
}
