import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerAppScheme, resolveAppFile, respondWithAppFile } =
  await import('../../electron/main/protocol');
const { AppOrigin } = await import('../../electron/main/origin');
const { CONTENT_SECURITY_POLICY } = await import('../../src/shared/csp');

let root: string;
beforeAll(async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'tradeoff-protocol-'));
  root = path.join(parent, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(parent, 'secret.txt'), 'outside the renderer');
});
afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme and nothing more', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('maps URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://tradeoff/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://tradeoff/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://tradeoff/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://tradeoff/../secret.txt',
    'app://tradeoff/%2e%2e/secret.txt',
    'app://tradeoff/a/%2e%2e%2f%2e%2e%2fsecret.txt',
  ])('keeps %s inside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://tradeoff/%00index.html',
    'app://tradeoff/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('serves files with their type and the CSP header', async () => {
    const response = await respondWithAppFile(root, new Request('app://tradeoff/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe('export {};');
  });

  it('answers 404 for missing files, escapes and non-GET requests', async () => {
    const status = async (url: string, method = 'GET') =>
      (await respondWithAppFile(root, new Request(url, { method }))).status;
    expect(await status('app://tradeoff/missing.js')).toBe(404);
    expect(await status('app://tradeoff/%2e%2e/secret.txt')).toBe(404);
    expect(await status('app://tradeoff/index.html', 'POST')).toBe(404);
  });
});

describe('AppOrigin', () => {
  it('owns app://tradeoff pages in builds', () => {
    const origin = new AppOrigin(undefined);
    expect(origin.entryUrl).toBe('app://tradeoff/index.html');
    expect(origin.owns('app://tradeoff/index.html#/results')).toBe(true);
    expect(origin.owns('app://tradeoff.evil/index.html')).toBe(false);
    expect(origin.owns('http://localhost:5173/')).toBe(false);
    expect(origin.owns('not a url')).toBe(false);
  });

  it('owns only the dev server in development', () => {
    const origin = new AppOrigin('http://localhost:5173/');
    expect(origin.entryUrl).toBe('http://localhost:5173/');
    expect(origin.owns('http://localhost:5173/index.html')).toBe(true);
    expect(origin.owns('http://localhost:5173.evil.com/')).toBe(false);
    expect(origin.owns('app://tradeoff/index.html')).toBe(false);
  });
});
