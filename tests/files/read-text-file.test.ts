import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, NotTextError, readTextFile } from '../../src/files/read-text-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-read-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readTextFile', () => {
  it('reads UTF-8 text', async () => {
    const file = path.join(folder, 'a.json');
    await writeFile(file, '{"name":"Grüße"}');
    const { text, stamp } = await readTextFile(file, 1000);
    expect(text).toBe('{"name":"Grüße"}');
    const bytes = Buffer.from('{"name":"Grüße"}', 'utf8');
    expect(stamp.size).toBe(18);
    expect(stamp.size).toBe(bytes.byteLength);
    expect(stamp.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stamp.mtimeMs).toBeGreaterThan(0);
  });

  it('refuses files over the limit', async () => {
    const file = path.join(folder, 'big.json');
    await writeFile(file, 'x'.repeat(101));
    await expect(readTextFile(file, 100)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(readTextFile(file, 100)).rejects.toThrow('big.json is larger than 100 bytes');
  });

  it('refuses bytes that are not UTF-8', async () => {
    const file = path.join(folder, 'image.json');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    await expect(readTextFile(file, 1000)).rejects.toThrow(NotTextError);
    await expect(readTextFile(file, 1000)).rejects.toThrow('image.json is not a text file');
  });

  it('reports a missing file with its code', async () => {
    await expect(readTextFile(path.join(folder, 'gone.json'), 1000)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
