/**
 * Serves the built renderer on `app://tradeoff/`, confined to the renderer folder and with the
 * CSP attached to every response (file:// responses carry no headers to attach it to).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { contentTypeFor } from '../../src/shared/content-types';

/** Must run before `app.ready`: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure give the page a real origin and a secure context; nothing more is granted.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Maps an app:// URL to a file inside `root`, or null for anything that could escape it. */
export function resolveAppFile(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export async function respondWithAppFile(root: string, request: Request): Promise<Response> {
  const file = resolveAppFile(root, request.url);
  if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentTypeFor(path.extname(file)),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAppFile(root, request));
}
