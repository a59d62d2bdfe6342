import { describe, expect, it } from 'vitest';
import { browserCommandFor, isOwnPageUrl } from '../../electron/web/openBrowser';

const page = 'http://127.0.0.1:41234/#token=AbC-_123';

describe('opening the system browser', () => {
  it('opens only our own loopback page', () => {
    expect(isOwnPageUrl(page)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:41234/',
      'http://localhost:41234/#token=abc',
      'http://127.0.0.1:41234/#token=abc&x=1',
      'http://127.0.0.1:41234/#token=abc" & calc',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(isOwnPageUrl(url), url).toBe(false);
      expect(browserCommandFor('darwin', url, {}), url).toBeNull();
    }
  });

  it('uses the platform’s own opener', () => {
    expect(browserCommandFor('darwin', page, {})).toEqual({ command: 'open', args: [page] });
    expect(browserCommandFor('win32', page, {})).toEqual({ command: 'cmd', args: ['/c', 'start', '""', page] });
    expect(browserCommandFor('linux', page, { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [page] });
    expect(browserCommandFor('linux', page, { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open', args: [page] });
  });

  it('does not try on a Linux machine without a display', () => {
    expect(browserCommandFor('linux', page, {})).toBeNull();
  });
});
