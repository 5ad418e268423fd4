import { mkdir, mkdtemp, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import {
  contentTypeFor,
  errorHeaders,
  requestedSegments,
  resolveStaticFile,
  SECURITY_HEADERS,
  staticFileHeaders,
} from '../../src/shared/static-files';

describe('headers', () => {
  it('carry the app’s CSP and the hardening headers on every response', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('give a served file its type, never left to sniffing', () => {
    expect(staticFileHeaders('/out/renderer/assets/index-abc.js')).toEqual({
      ...SECURITY_HEADERS,
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });

  it('give errors a plain-text body that is never cached', () => {
    expect(errorHeaders()).toEqual({
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['/a/b/index-abc.JS', 'text/javascript; charset=utf-8'],
    ['C:\\app\\renderer\\style.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.bin', 'application/octet-stream'],
    ['.htaccess', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
    ['a.b/README', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('requestedSegments', () => {
  it.each([
    ['/', ['index.html']],
    ['', ['index.html']],
    ['/index.html', ['index.html']],
    ['/assets/index-abc.js', ['assets', 'index-abc.js']],
    ['/assets/./a//b.js', ['assets', 'a', 'b.js']],
    ['/assets/../index.html', ['index.html']],
    ['/my%20file.js', ['my file.js']],
    ['/assets/..', ['index.html']],
  ])('%s names %j', (pathname, segments) => {
    expect(requestedSegments(pathname)).toEqual(segments);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/a%5cb.js',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(requestedSegments(pathname)).toBeNull();
  });
});

describe('resolveStaticFile', () => {
  const fs = { path, realpath, stat };
  let parent: string;
  let root: string;

  beforeAll(async () => {
    parent = await realpath(await mkdtemp(path.join(tmpdir(), 'static-files-')));
    root = path.join(parent, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(root, 'assets', 'index-abc.js'), 'export {};');
    await writeFile(path.join(parent, 'secret.txt'), 'secret');
    await writeFile(path.join(parent, 'renderer-evil.txt'), 'secret');
    await symlink(path.join(parent, 'secret.txt'), path.join(root, 'assets', 'out.txt'));
    await symlink(path.join(root, 'index.html'), path.join(root, 'assets', 'in.html'));
    await symlink(root, path.join(parent, 'linked-root'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('maps request paths to files inside the folder', async () => {
    await expect(resolveStaticFile(root, '/', fs)).resolves.toBe(path.join(root, 'index.html'));
    await expect(resolveStaticFile(root, '/assets/index-abc.js', fs)).resolves.toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it('follows links that stay inside the folder, and serves from a folder behind a link', async () => {
    await expect(resolveStaticFile(root, '/assets/in.html', fs)).resolves.toBe(path.join(root, 'index.html'));
    await expect(resolveStaticFile(path.join(parent, 'linked-root'), '/index.html', fs)).resolves.toBe(
      path.join(root, 'index.html'),
    );
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/../renderer-evil.txt',
    '/assets/out.txt',
    '/assets',
    '/assets/',
    '/missing.js',
    '/..%5csecret.txt',
  ])('finds nothing servable at %s', async (pathname) => {
    await expect(resolveStaticFile(root, pathname, fs)).resolves.toBeNull();
  });

  it('finds nothing when the folder itself is missing', async () => {
    await expect(resolveStaticFile(path.join(parent, 'gone'), '/', fs)).resolves.toBeNull();
  });
});
