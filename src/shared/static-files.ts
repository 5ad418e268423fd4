/**
 * Serving the built renderer: which file a request names, and the headers every response
 * carries. Shared by the desktop app's app:// protocol (electron/main/protocol.ts) and the
 * browser version's server (scripts/serve-web.ts). Pure: the file system comes in as a
 * parameter (Node's `path` and `fs/promises` fit it), so this module needs no Node itself.
 */
import { CONTENT_SECURITY_POLICY } from './csp';

/** Sent with every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Module scripts are refused without a JavaScript type, so types are set from the extension,
 * never sniffed.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The content type for a file name or path, by its extension (any case); octet-stream when unknown. */
export function contentTypeFor(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** The headers of an error response (its body a short plain-text message). */
export function errorHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
}

/** The headers of a served file. */
export function staticFileHeaders(fileName: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(fileName),
    // Hashed assets could be cached for ever; the app is served locally, so keep it simple.
    'Cache-Control': 'no-cache',
  };
}

/**
 * The path segments a request's URL path names below the served folder (`/` is index.html), or
 * null when it names nothing servable: undecodable, with a NUL or a backslash (a Windows separator
 * that URL parsing leaves alone), or climbing above the folder with `..`.
 */
export function requestedSegments(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return null;
  }
  return segments.length > 0 ? segments : ['index.html'];
}

/** What resolving a request needs of the file system; Node's `path` and `fs/promises` provide it. */
export interface StaticFileSystem {
  readonly path: { readonly sep: string; join(...paths: string[]): string };
  /** The canonical path, symbolic links resolved; rejects when the file does not exist. */
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<{ isFile(): boolean }>;
}

function isInside(folder: string, file: string, sep: string): boolean {
  return file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * The file a request's URL path names inside `root`, or null when it names nothing servable:
 * see requestedSegments, and besides a file that does not exist, is not a regular file, or lies
 * outside `root` once symbolic links are resolved.
 */
export async function resolveStaticFile(
  root: string,
  pathname: string,
  fs: StaticFileSystem,
): Promise<string | null> {
  const segments = requestedSegments(pathname);
  if (!segments) return null;
  try {
    const folder = await fs.realpath(root);
    const file = await fs.realpath(fs.path.join(folder, ...segments));
    if (!isInside(folder, file, fs.path.sep)) return null;
    return (await fs.stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}
