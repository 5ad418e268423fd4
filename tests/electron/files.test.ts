import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ rename: false, writeMidway: false }));

// Real fs, with switches to fail the rename, or the write after half the bytes hit the disk.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (faults.rename) throw Object.assign(new Error('EXDEV: simulated rename failure'), { code: 'EXDEV' });
      return fs.rename(from, to);
    },
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      if (!faults.writeMidway) return handle;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: string | Uint8Array) => {
          await handle.write(String(data).slice(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error('ENOSPC: simulated full disk'), { code: 'ENOSPC' });
        },
        close: () => handle.close(),
      });
    },
  };
});

const { readTextFile, writeFileAtomic, FileTooLargeError, NotTextError } =
  await import('../../electron/main/files');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-files-'));
});
afterEach(async () => {
  faults.rename = false;
  faults.writeMidway = false;
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file and replaces an existing one', async () => {
    const target = path.join(folder, 'run.tradeoff.json');
    await writeFileAtomic(target, 'first\n');
    await writeFileAtomic(target, 'second\n');
    expect(await readFile(target, 'utf8')).toBe('second\n');
    expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
  });

  it('keeps the old content and leaves no temp file when the rename fails', async () => {
    const target = path.join(folder, 'run.tradeoff.json');
    await writeFile(target, 'old content\n');
    faults.rename = true;
    await expect(writeFileAtomic(target, 'new content\n')).rejects.toThrow(/simulated rename failure/);
    expect(await readFile(target, 'utf8')).toBe('old content\n');
    expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
  });

  it('keeps the old content and leaves no temp file when the disk fills mid-write', async () => {
    const target = path.join(folder, 'run.tradeoff.json');
    await writeFile(target, 'old content\n');
    faults.writeMidway = true;
    await expect(writeFileAtomic(target, 'a much longer new content\n')).rejects.toThrow(
      /simulated full disk/,
    );
    expect(await readFile(target, 'utf8')).toBe('old content\n');
    expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
  });

  it('does not create the target when writing a new file fails', async () => {
    faults.rename = true;
    await expect(writeFileAtomic(path.join(folder, 'new.csv'), 'a,b\n')).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes through a symlink to the file it points at', async () => {
    const real = path.join(folder, 'real.tradeoff.json');
    const link = path.join(folder, 'link.tradeoff.json');
    await writeFile(real, 'old\n');
    await symlink(real, link);
    await writeFileAtomic(link, 'new\n');
    expect(await readFile(real, 'utf8')).toBe('new\n');
  });
});

describe('readTextFile', () => {
  it('reads UTF-8 text', async () => {
    const file = path.join(folder, 'a.json');
    await writeFile(file, '{"name":"Grüße"}');
    expect(await readTextFile(file, 1000)).toBe('{"name":"Grüße"}');
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
