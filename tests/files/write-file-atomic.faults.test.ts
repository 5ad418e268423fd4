/**
 * Fault injection: a save fails at each of its steps in turn, and the file on disk is always one
 * complete saved version (the last one that succeeded), with no temp file left behind.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const STEPS = ['open', 'half write', 'sync', 'close', 'rename', 'folder sync'] as const;
type Step = (typeof STEPS)[number];

const faults = vi.hoisted(() => ({ failAt: null as string | null, reached: [] as string[] }));

function fail(step: Step): never {
  throw Object.assign(new Error(`EIO: simulated failure at ${step}`), { code: 'EIO' });
}

// Real fs, failing one step of a save: opening the temp file, writing it (after half the bytes
// reached the disk), flushing it, closing it, renaming it over the target, or flushing the folder.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const at = (step: Step): boolean => {
    faults.reached.push(step);
    return faults.failAt === step;
  };
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (at('rename')) fail('rename');
      return fs.rename(from, to);
    },
    open: async (...args: Parameters<typeof fs.open>) => {
      const isTemp = String(args[0]).endsWith('.tmp');
      if (isTemp && at('open')) fail('open');
      const handle = await fs.open(...args);
      const wrapped = Object.create(handle) as typeof handle;
      if (isTemp) {
        return Object.assign(wrapped, {
          writeFile: async (data: string) => {
            if (!at('half write')) return handle.writeFile(data);
            await handle.write(data.slice(0, Math.floor(data.length / 2)));
            fail('half write');
          },
          sync: async () => (at('sync') ? fail('sync') : handle.sync()),
          close: async () => {
            await handle.close();
            if (at('close')) fail('close');
          },
        });
      }
      return Object.assign(wrapped, {
        sync: async () => (at('folder sync') ? fail('folder sync') : handle.sync()),
        close: () => handle.close(),
      });
    },
  };
});

const { writeFileAtomic } = await import('../../src/files/write-file-atomic');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-faults-'));
});
afterEach(async () => {
  faults.failAt = null;
  faults.reached.length = 0;
  await rm(folder, { recursive: true, force: true });
});

/** A version large enough that half of it is clearly not the whole. */
const version = (n: number): string => `${JSON.stringify({ version: n, notes: 'x'.repeat(50_000) })}\n`;

describe('a save that fails at one step', () => {
  it('goes through every step when nothing fails', async () => {
    await writeFileAtomic(path.join(folder, 'run.tradeoff.json'), version(1));
    // On Windows there is no folder to flush.
    expect(faults.reached).toEqual(process.platform === 'win32' ? STEPS.slice(0, -1) : [...STEPS]);
  });

  it.each(STEPS.filter((step) => step !== 'folder sync'))(
    'keeps the last saved version when it fails at %s',
    async (step) => {
      const target = path.join(folder, 'run.tradeoff.json');
      await writeFileAtomic(target, version(1));
      faults.failAt = step;
      await expect(writeFileAtomic(target, version(2))).rejects.toThrow(`simulated failure at ${step}`);
      expect(await readFile(target, 'utf8')).toBe(version(1));
      expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
    },
  );

  it('has the new version in place when only flushing the folder fails', async () => {
    // The rename already happened: the new version is complete, only its durability is unconfirmed.
    const target = path.join(folder, 'run.tradeoff.json');
    await writeFileAtomic(target, version(1));
    faults.failAt = 'folder sync';
    await writeFileAtomic(target, version(2));
    expect(await readFile(target, 'utf8')).toBe(version(2));
    expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
  });

  it('creates no file when the first save of a new file fails at any step before the rename', async () => {
    for (const step of STEPS.slice(0, 5)) {
      faults.failAt = step;
      await expect(writeFileAtomic(path.join(folder, 'new.tradeoff.json'), version(1))).rejects.toThrow();
      expect(await readdir(folder)).toEqual([]);
    }
  });
});
