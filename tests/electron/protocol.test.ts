import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerAppScheme, resolveAppFile, respondWithAppFile } =
  await import('../../electron/main/protocol');
const { AppOrigin } = await import('../../electron/main/origin');
const { SECURITY_HEADERS } = await import('../../src/shared/static-files');

let root: string;
beforeAll(async () => {
  // The real path: resolved files are named by it (tmpdir may itself be behind a link).
  const parent = await realpath(await mkdtemp(path.join(tmpdir(), 'tradeoff-protocol-')));
  root = path.join(parent, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(parent, 'secret.txt'), 'outside the renderer');
  await symlink(path.join(parent, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
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

  it('maps URLs into the renderer folder', async () => {
    await expect(resolveAppFile(root, 'app://tradeoff/index.html')).resolves.toBe(
      path.join(root, 'index.html'),
    );
    await expect(resolveAppFile(root, 'app://tradeoff/')).resolves.toBe(path.join(root, 'index.html'));
    await expect(resolveAppFile(root, 'app://tradeoff/assets/index-abc.js?v=1#x')).resolves.toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://tradeoff/../secret.txt',
    'app://tradeoff/%2e%2e/secret.txt',
    'app://tradeoff/a/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://tradeoff/..%5csecret.txt',
    'app://tradeoff/assets/link.txt',
    'app://tradeoff/%00index.html',
    'app://tradeoff/%E0%A4%A',
    'app://tradeoff/assets',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    await expect(resolveAppFile(root, url)).resolves.toBeNull();
  });

  it('serves files with their type, the CSP and the other security headers', async () => {
    const response = await respondWithAppFile(root, new Request('app://tradeoff/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name)).toBe(value);
    expect(await response.text()).toBe('export {};');
  });

  it('answers 404, with the security headers, for missing files, escapes and non-GET requests', async () => {
    const reply = (url: string, method = 'GET') => respondWithAppFile(root, new Request(url, { method }));
    for (const response of [
      await reply('app://tradeoff/missing.js'),
      await reply('app://tradeoff/%2e%2e/secret.txt'),
      await reply('app://tradeoff/assets/link.txt'),
      await reply('app://tradeoff/index.html', 'POST'),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside');
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name)).toBe(value);
    }
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
