import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ rename: false, writeMidway: false, opened: [] as string[] }));

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
      faults.opened.push(String(args[0]));
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

const { isAtomicWriteTemp, ReadOnlyFileError, writeFileAtomic } =
  await import('../../src/files/write-file-atomic');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-files-'));
});
afterEach(async () => {
  faults.rename = false;
  faults.writeMidway = false;
  faults.opened.length = 0;
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

  it('refuses a read-only file, leaving it as it was', async () => {
    const target = path.join(folder, 'locked.tradeoff.json');
    await writeFile(target, 'old\n');
    await chmod(target, 0o444);
    const refused = writeFileAtomic(target, 'new\n');
    await expect(refused).rejects.toThrow(ReadOnlyFileError);
    await expect(refused).rejects.toThrow('locked.tradeoff.json is read-only');
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await stat(target)).mode & 0o777).toBe(0o444);
    expect(await readdir(folder)).toEqual(['locked.tradeoff.json']);
  });

  it('keeps a file’s permissions when it replaces it', async () => {
    const target = path.join(folder, 'private.tradeoff.json');
    await writeFile(target, 'old\n');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new\n');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('isAtomicWriteTemp', () => {
  it('recognises the temp files writeFileAtomic creates', async () => {
    await writeFileAtomic(path.join(folder, 'run.tradeoff.json'), 'x\n');
    const temp = faults.opened.find((opened) => opened.endsWith('.tmp'));
    expect(temp).toBeDefined();
    expect(isAtomicWriteTemp(path.basename(temp ?? ''))).toBe(true);
  });

  it.each([
    'run.tradeoff.json',
    'run.tradeoff.json.0123456789ab.tmp',
    '.run.tradeoff.json.0123456789a.tmp',
    '.run.tradeoff.json.0123456789abc.tmp',
    '.run.tradeoff.json.0123456789AB.tmp',
    '.run.tradeoff.json.0123456789ab.tmp.bak',
    '..0123456789ab.tmp',
    '.run.tradeoff.json.tmp',
    'notes.tmp',
  ])('leaves look-alike %s alone', (name) => {
    expect(isAtomicWriteTemp(name)).toBe(false);
  });
});
