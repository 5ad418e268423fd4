/**
 * Serves the built renderer on `app://tradeoff/`, confined to the renderer folder and with the
 * CSP and the other security headers attached to every response (file:// responses carry no
 * headers to attach them to). Which file a URL names, and the headers, are the browser version's
 * too: src/shared/static-files.ts.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { errorHeaders, resolveStaticFile, staticFileHeaders } from '../../src/shared/static-files';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before `app.ready`: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure give the page a real origin and a secure context; nothing more is granted.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Maps an app:// URL to a file inside `root`, or null for anything that could escape it. */
export async function resolveAppFile(root: string, url: string): Promise<string | null> {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = parsed.pathname;
  } catch {
    return null;
  }
  return resolveStaticFile(root, pathname, { path, realpath, stat });
}

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: errorHeaders() });
}

export async function respondWithAppFile(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') return notFound();
  const file = await resolveAppFile(root, request.url);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), { headers: staticFileHeaders(file) });
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAppFile(root, request));
}
