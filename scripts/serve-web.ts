/**
 * A small static server for the built renderer (`out/renderer`), so the app runs in a browser:
 * bound to 127.0.0.1 only, with the app's strict Content-Security-Policy as a header, and no
 * access outside the served folder. It serves one person's browser, so it caps what any client
 * may cost it (LIMITS): connections, header size, time to send a request, and no request bodies. Which file a request names, and the headers, are the desktop
 * app's app:// protocol's too: src/shared/static-files.ts. No dependencies beyond Node.
 *
 *   tsx scripts/serve-web.ts [--root DIR] [--port N]     (PORT=N also works; 0 picks a free port)
 */
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  errorHeaders,
  resolveStaticFile,
  SECURITY_HEADERS,
  staticFileHeaders,
} from '../src/shared/static-files';

export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;
export const DEFAULT_ROOT = 'out/renderer';

/** What clients may cost the server. A browser opens about six connections per host. */
export interface ServerLimits {
  /** Open connections at once; more are closed as they arrive. */
  readonly maxConnections: number;
  /** Bytes of request line and headers; more is answered 431. Node's default is 16 KiB. */
  readonly maxHeaderSize: number;
  /** Time to send the headers, then the whole request; later is answered 408 and closed. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
}

export const LIMITS: ServerLimits = {
  maxConnections: 32,
  maxHeaderSize: 8 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export interface WebServer {
  readonly url: string;
  /** Always HOST: the server never listens on another interface. */
  readonly host: string;
  readonly port: number;
  /** The limits as the running server applies them. */
  readonly limits: ServerLimits;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...errorHeaders(),
    'Content-Length': String(Buffer.byteLength(message)),
    ...extra,
  });
  response.end(message);
}

/** Only requests addressed to this server by name: a DNS-rebinding page cannot read the app. */
function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

async function handle(
  root: string,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!hostAllowed(request, port)) return send(response, 421, 'Misdirected request\n');
  // Closing the connection after these answers means the refused body is never read.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD', Connection: 'close' });
  }
  if (hasBody(request))
    return send(response, 413, 'Request bodies are not accepted\n', { Connection: 'close' });
  let pathname: string;
  try {
    pathname = new URL(request.url ?? '/', `http://${HOST}`).pathname;
  } catch {
    return send(response, 400, 'Bad request\n');
  }
  const file = await resolveStaticFile(root, pathname, { path, realpath, stat });
  if (file === null && pathname === '/favicon.ico') {
    // Browsers ask for it whether or not the page names an icon; an empty answer keeps their
    // consoles free of a 404 error.
    response.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
    response.end();
    return;
  }
  if (file === null) return send(response, 404, 'Not found\n');
  const info = await stat(file);
  response.writeHead(200, { ...staticFileHeaders(file), 'Content-Length': String(info.size) });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** Serves `root` on 127.0.0.1; port 0 picks a free port. `limits` default to LIMITS. */
export async function startWebServer(options: {
  root: string;
  port?: number;
  limits?: Partial<ServerLimits>;
}): Promise<WebServer> {
  const root = await realpath(path.resolve(options.root));
  let port = options.port ?? DEFAULT_PORT;
  const limits: ServerLimits = { ...LIMITS, ...options.limits };
  const serverOptions: ServerOptions = {
    maxHeaderSize: limits.maxHeaderSize,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (30 s by default).
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
  const server: Server = createServer(serverOptions, (request, response) => {
    handle(root, port, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'Internal server error\n');
      else response.destroy();
      console.error(error);
    });
  });
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://${HOST}:${port}/`,
    host: address.address,
    port,
    limits: {
      maxConnections: server.maxConnections,
      maxHeaderSize: limits.maxHeaderSize,
      headersTimeoutMs: server.headersTimeout,
      requestTimeoutMs: server.requestTimeout,
      keepAliveTimeoutMs: server.keepAliveTimeout,
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`not a port number: ${text}`);
  }
  return port;
}

export interface CliOptions {
  readonly root: string;
  /** Undefined: the default port, or any free one when it is taken. */
  readonly port: number | undefined;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  let root = DEFAULT_ROOT;
  let port = parsePort(env.PORT);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--port' || arg === '--root') && value === undefined)
      throw new Error(`${arg} needs a value`);
    if (arg === '--host') {
      throw new Error(
        `serve-web listens on ${HOST} only: the app and your files are for this machine, not the network`,
      );
    }
    if (arg === '--port') port = parsePort(value);
    else if (arg === '--root') root = value ?? root;
    else throw new Error(`unknown argument: ${arg} (usage: serve-web [--root DIR] [--port N])`);
    i++;
  }
  return { root, port };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`serve-web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (!existsSync(path.join(options.root, 'index.html'))) {
    console.error(`serve-web: ${options.root}/index.html not found; build the app first (npm run build).`);
    process.exit(1);
  }
  let server: WebServer;
  try {
    server = await startWebServer({ root: options.root, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    if (!inUse || options.port !== undefined) throw error;
    server = await startWebServer({ root: options.root, port: 0 });
  }
  console.log(`Tradeoff Explorer is running at ${server.url}  (Ctrl+C to stop)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
