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

const { writeFileAtomic } = await import('../../src/files/write-file-atomic');

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
