import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { FakeWebContents, fakeEvent, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { hardenSession, hardenWebContents, openExternalSafely } = await import('../../electron/main/security');

beforeEach(resetFakeElectron);

type OpenHandler = (details: { url: string }) => { action: string };

function hardened(): { contents: FakeWebContents; openHandler: OpenHandler } {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as OpenHandler;
  return { contents, openHandler };
}

describe('hardenWebContents', () => {
  it.each(['https://example.com/', 'file:///etc/passwd', 'app://tradeoff/index.html', 'javascript:alert(1)'])(
    'prevents navigation to %s',
    (url) => {
      const { contents } = hardened();
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('prevents attaching <webview>', () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies new windows and opens https links in the browser', () => {
    const { openHandler } = hardened();
    expect(openHandler({ url: 'https://arxiv.org/abs/2203.15556' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2203.15556');
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker/share',
    'javascript:alert(1)',
    'app://tradeoff/index.html',
    'https://user:pass@example.com/',
    'not a url',
  ])('denies %s without opening anything', (url) => {
    const { openHandler } = hardened();
    expect(openHandler({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('openExternalSafely', () => {
  it('opens https URLs', async () => {
    await openExternalSafely('https://example.com/paper');
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/paper');
  });

  it('rejects other schemes with a clear error', async () => {
    await expect(openExternalSafely('file:///etc/passwd')).rejects.toThrow(
      'Only https:// links can be opened',
    );
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    return {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
  }

  it('denies every permission request, check and device', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://tradeoff', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('sets the CSP header on responses, replacing a looser one', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders(
      {
        url: 'http://localhost:5173/',
        responseHeaders: {
          'content-security-policy': ["script-src 'unsafe-eval'"],
          'Content-Type': ['text/html'],
        },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});
