/**
 * Electron security checklist items that apply to every page and session: no navigation away,
 * no new windows, no permissions, a strict CSP, and external links only to https sites.
 */
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { checkExternalUrl, isSafeExternalUrl } from '../../src/shared/external-url';

export async function openExternalSafely(url: string): Promise<void> {
  await shell.openExternal(checkExternalUrl(url));
}

/** Applied to every WebContents the app ever creates, including any a bug might create. */
export function hardenWebContents(contents: WebContents): void {
  // The app is a single page: any navigation is either a bug or an injected link.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // target="_blank" links to papers and docs open in the browser; the app never gets a window.
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  // The app needs no camera, notifications, geolocation, clipboard reads or device access.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Covers the dev server's pages and anything else the session loads; app:// responses also
  // carry the header from protocol.ts. A server's own, possibly looser, policy is replaced.
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}
