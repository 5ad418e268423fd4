import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ROOT,
  LIMITS,
  parseArgs,
  startWebServer,
  type ServerLimits,
  type WebServer,
} from '../../scripts/serve-web';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let folder: string;
let server: WebServer;

/** A raw request: the path goes out exactly as written, `..` and all (fetch would normalise it). */
function get(rawPath: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${server.port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'serve-web-'));
  const root = path.join(folder, 'renderer');
  await mkdir(path.join(root, 'assets', 'nested'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'data.bin'), 'x');
  await writeFile(path.join(folder, 'secret.txt'), 'secret');
  await writeFile(path.join(folder, 'renderer-evil.txt'), 'secret');
  await symlink(path.join(folder, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  server = await startWebServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('serve-web', () => {
  it('listens on 127.0.0.1 at the port it reports', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html for / with the app’s CSP and hardening headers', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/data.bin', 'application/octet-stream'],
    ['/assets/index-abc.js?v=1#x', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (url, type) => {
    const reply = await get(url);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  // Which paths name a servable file is src/shared/static-files.ts's rule (tested there); these
  // check that the server applies it to the raw request path, `..` and encodings included.
  it.each([
    '/../secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/../renderer-evil.txt',
    '/assets/link.txt',
    '/assets/',
    '/missing.js',
    '/%E0%A4%A',
  ])('answers 404 to %s, never a file outside the folder', async (url) => {
    const reply = await get(url);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('secret');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get('/', { host: 'evil.example' })).status).toBe(421);
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('answers the browser’s automatic favicon request with no content', async () => {
    expect((await get('/favicon.ico')).status).toBe(204);
  });
});

describe('serve-web arguments', () => {
  it('takes the folder and port from the command line, else PORT, else defaults', () => {
    expect(parseArgs([], {})).toEqual({ root: DEFAULT_ROOT, port: undefined });
    expect(parseArgs([], { PORT: '0' })).toEqual({ root: DEFAULT_ROOT, port: 0 });
    expect(parseArgs(['--port', '8080', '--root', 'dist'], { PORT: '1' })).toEqual({
      root: 'dist',
      port: 8080,
    });
  });

  it('refuses to listen anywhere but 127.0.0.1', () => {
    expect(() => parseArgs(['--host', '0.0.0.0'], {})).toThrow(
      'serve-web listens on 127.0.0.1 only: the app and your files are for this machine, not the network',
    );
  });

  it('rejects bad ports and unknown arguments', () => {
    expect(() => parseArgs(['--port', 'x'], {})).toThrow('not a port number: x');
    expect(() => parseArgs(['--port', '70000'], {})).toThrow('not a port number');
    expect(() => parseArgs(['--port'], {})).toThrow('--port needs a value');
    expect(() => parseArgs(['--verbose'], {})).toThrow('unknown argument: --verbose');
  });
});

/** A raw connection to a server: what it has received so far, and whether the server closed it. */
interface Connection {
  readonly socket: Socket;
  received: string;
  /** Resolves once `received` contains `text`. */
  receive(text: string): Promise<void>;
  /** Resolves with everything received when the connection closes. */
  readonly closed: Promise<string>;
}

async function openConnection(port: number): Promise<Connection> {
  const socket = connect({ host: '127.0.0.1', port });
  const waiting: { text: string; resolve: () => void }[] = [];
  const connection: Connection = {
    socket,
    received: '',
    receive: (text) =>
      new Promise<void>((resolve) => {
        if (connection.received.includes(text)) resolve();
        else waiting.push({ text, resolve });
      }),
    closed: new Promise<string>((resolve) => socket.on('close', () => resolve(connection.received))),
  };
  socket.setEncoding('utf8');
  socket.on('error', () => undefined); // a refused connection may be reset; `closed` reports it
  socket.on('data', (chunk: string) => {
    connection.received += chunk;
    for (const wait of waiting.filter(({ text }) => connection.received.includes(text))) wait.resolve();
  });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return connection;
}

const getRequest = (port: number, extraHeaders = ''): string =>
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extraHeaders}\r\n`;

describe('serve-web limits', () => {
  const servers: WebServer[] = [];
  const connections: Connection[] = [];
  async function serve(limits: Partial<ServerLimits> = {}): Promise<WebServer> {
    const started = await startWebServer({ root: path.join(folder, 'renderer'), port: 0, limits });
    servers.push(started);
    return started;
  }
  async function connection(port: number): Promise<Connection> {
    const opened = await openConnection(port);
    connections.push(opened);
    return opened;
  }
  afterAll(async () => {
    for (const { socket } of connections) socket.destroy();
    await Promise.all(servers.map((started) => started.close()));
  });

  it('binds 127.0.0.1 and applies its limits by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.limits).toEqual(LIMITS);
    expect(LIMITS).toEqual({
      maxConnections: 32,
      maxHeaderSize: 8192,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
    });
  });

  it('closes connections beyond the cap unanswered, and keeps serving the ones it holds', async () => {
    const capped = await serve({ maxConnections: 3 });
    const first = await connection(capped.port);
    const held = [first, await connection(capped.port), await connection(capped.port)];
    for (const open of held) {
      open.socket.write(getRequest(capped.port));
      await open.receive('<title>app</title>');
    }
    const extra = await connection(capped.port);
    extra.socket.write(getRequest(capped.port));
    expect(await extra.closed).toBe('');
    first.received = '';
    first.socket.write(getRequest(capped.port));
    await first.receive('<title>app</title>');
    expect(first.received).toMatch(/^HTTP\/1\.1 200 OK/);
  });

  it('answers headers larger than the cap with 431', async () => {
    const open = await connection(server.port);
    open.socket.write(getRequest(server.port, `X-Padding: ${'a'.repeat(LIMITS.maxHeaderSize + 1024)}\r\n`));
    expect(await open.closed).toMatch(/^HTTP\/1\.1 431 /);
  });

  it.each([
    ['a length', 'Content-Length: 5\r\n', 'hello'],
    ['chunks', 'Transfer-Encoding: chunked\r\n', '5\r\nhello\r\n0\r\n\r\n'],
  ])('refuses a GET with a body (%s) with 413 and closes the connection', async (_kind, header, body) => {
    const open = await connection(server.port);
    open.socket.write(getRequest(server.port, header) + body);
    const reply = await open.closed;
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/\r\nConnection: close\r\n/i);
    expect(reply).not.toContain('<title>app</title>');
  });

  it('refuses other methods with 405 and closes without reading the body', async () => {
    const open = await connection(server.port);
    open.socket.write(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: 1000000\r\n\r\npartial`,
    );
    const reply = await open.closed;
    expect(reply).toMatch(/^HTTP\/1\.1 405 /);
    expect(reply).toMatch(/\r\nAllow: GET, HEAD\r\n/i);
  });

  it('closes a connection whose headers never finish with 408', async () => {
    const slow = await serve({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    const open = await connection(slow.port);
    open.socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1');
    expect(await open.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle kept-alive connection after its answer', async () => {
    const brief = await serve({ keepAliveTimeoutMs: 100 });
    const open = await connection(brief.port);
    open.socket.write(getRequest(brief.port));
    const reply = await open.closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(reply).toMatch(/\r\nKeep-Alive: timeout=0\r\n/i);
  });
});
