import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampOf, stampOnDisk } from '../../src/files/file-stamp';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-stamp-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('stampOnDisk', () => {
  it('stamps the bytes on disk, and is null for a missing file or a folder', async () => {
    const file = path.join(folder, 'run.tradeoff.json');
    await writeFile(file, '{"name":"a"}');
    const when = new Date('2026-01-02T03:04:05Z');
    await utimes(file, when, when);
    expect(await stampOnDisk(file, 100)).toEqual(stampOf(bytes('{"name":"a"}'), when.getTime()));
    expect(await stampOnDisk(path.join(folder, 'gone.json'), 100)).toBeNull();
    await mkdir(path.join(folder, 'dir.json'));
    expect(await stampOnDisk(path.join(folder, 'dir.json'), 100)).toBeNull();
  });

  it('reads no more than one byte past the limit of a file that grew', async () => {
    const file = path.join(folder, 'big.json');
    await writeFile(file, 'x'.repeat(10_000));
    expect((await stampOnDisk(file, 100))?.size).toBe(101);
  });
});
