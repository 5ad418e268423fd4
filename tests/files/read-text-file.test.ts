import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FileTooLargeError,
  NotRegularFileError,
  NotTextError,
  readTextFile,
} from '../../src/files/read-text-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-read-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

/** The prototype of Node's FileHandle (not exported), to watch what the reader does with it. */
async function fileHandlePrototype(): Promise<{
  read: (...args: unknown[]) => unknown;
  stat: (...args: unknown[]) => unknown;
}> {
  const handle = await open(path.join(folder, '.probe'), 'w');
  await handle.close();
  return Object.getPrototypeOf(handle) as never;
}

const onWindows = process.platform === 'win32';

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

  it('accepts a UTF-8 byte-order mark, leaves it out of the text and keeps it in the stamp', async () => {
    const file = path.join(folder, 'windows.json');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    await writeFile(file, bytes);
    const { text, stamp } = await readTextFile(file, 1000);
    expect(text).toBe('{"a":1}');
    expect(stamp.size).toBe(10);
    expect(stamp.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses files over the limit', async () => {
    const file = path.join(folder, 'big.json');
    await writeFile(file, 'x'.repeat(101));
    await expect(readTextFile(file, 100)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(readTextFile(file, 100)).rejects.toThrow('big.json is larger than 100 bytes');
  });

  it('accepts a file of exactly the limit', async () => {
    const file = path.join(folder, 'full.json');
    await writeFile(file, 'x'.repeat(100));
    expect((await readTextFile(file, 100)).text).toHaveLength(100);
  });

  it('reads no more than the limit of a file that grows after it was measured', async () => {
    const file = path.join(folder, 'growing.json');
    await writeFile(file, '');
    await truncate(file, 10_000_000);
    const handles = await fileHandlePrototype();
    const realStat = handles.stat;
    // The stat sees the file as it was (empty); by the read it holds ten million bytes.
    vi.spyOn(handles, 'stat').mockImplementation(async function (this: unknown, ...args: unknown[]) {
      const info = (await realStat.apply(this, args)) as { size: number };
      info.size = 0;
      return info;
    });
    const read = vi.spyOn(handles, 'read');
    await expect(readTextFile(file, 100)).rejects.toThrow('growing.json is larger than 100 bytes');
    expect(read).toHaveBeenCalled();
    const asked = read.mock.calls.reduce((sum, call) => sum + Number(call[2]), 0);
    expect(asked).toBeLessThanOrEqual(101);
  });

  it('refuses bytes that are not UTF-8 as "not UTF-8 text"', async () => {
    const file = path.join(folder, 'image.json');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    await expect(readTextFile(file, 1000)).rejects.toThrow(NotTextError);
    await expect(readTextFile(file, 1000)).rejects.toThrow('image.json is not UTF-8 text');
  });

  it('refuses Latin-1 text rather than mangling it', async () => {
    const file = path.join(folder, 'latin1.json');
    await writeFile(file, Buffer.from('{"name":"Gr\xfc\xdfe"}', 'latin1'));
    await expect(readTextFile(file, 1000)).rejects.toThrow('latin1.json is not UTF-8 text');
  });

  it('refuses a folder', async () => {
    await expect(readTextFile(folder, 1000)).rejects.toThrow(NotRegularFileError);
    await expect(readTextFile(folder, 1000)).rejects.toThrow(
      `${path.basename(folder)} is not a regular file (a folder)`,
    );
  });

  it.skipIf(onWindows)(
    'refuses a named pipe without a writer at once instead of waiting for one',
    async () => {
      const fifo = path.join(folder, 'pipe.tradeoff.json');
      execFileSync('mkfifo', [fifo]);
      await expect(readTextFile(fifo, 1000)).rejects.toThrow(
        'pipe.tradeoff.json is not a regular file (a named pipe)',
      );
    },
  );

  it.skipIf(onWindows || !existsSync('/dev/zero'))(
    'refuses /dev/zero and a symlink to it without reading from it',
    async () => {
      const link = path.join(folder, 'zero.tradeoff.json');
      await symlink('/dev/zero', link);
      const read = vi.spyOn(await fileHandlePrototype(), 'read');
      await expect(readTextFile('/dev/zero', 1000)).rejects.toThrow('zero is not a regular file (a device)');
      await expect(readTextFile(link, 1000)).rejects.toThrow(
        'zero.tradeoff.json is not a regular file (a device)',
      );
      expect(read).not.toHaveBeenCalled();
    },
  );

  it('reports a missing file with its code', async () => {
    await expect(readTextFile(path.join(folder, 'gone.json'), 1000)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
