/**
 * A draft write that fails at each step of the atomic write (src/files/write-file-atomic.ts) must
 * leave the previous draft intact and readable, and say why it failed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The steps of an atomic write, in order. */
const STEPS = ['open', 'write half', 'sync', 'close', 'rename', 'folder sync'] as const;
type Step = (typeof STEPS)[number];

const faults = vi.hoisted(() => ({ step: undefined as string | undefined, hits: [] as string[] }));

function fail(step: string, code: string): never {
  faults.hits.push(step);
  throw Object.assign(new Error(`${code}: simulated failure at ${step}`), { code });
}

// Real fs, with one armed step of the atomic write failing the way a full or failing disk does.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const armed = (step: Step): boolean => faults.step === step;
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (armed('rename')) fail('rename', 'EIO');
      return fs.rename(from, to);
    },
    open: async (...args: Parameters<typeof fs.open>) => {
      const file = String(args[0]);
      const isTemp = file.endsWith('.tmp');
      if (isTemp && armed('open')) fail('open', 'ENOSPC');
      const handle = await fs.open(...args);
      const isFolder = !isTemp && !file.endsWith('.json');
      if (!isTemp && !isFolder) return handle;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: string | Uint8Array) => {
          if (!armed('write half')) return handle.writeFile(data);
          await handle.write(String(data).slice(0, Math.floor(data.length / 2)));
          return fail('write half', 'ENOSPC');
        },
        sync: async () => {
          if (isTemp && armed('sync')) fail('sync', 'EIO');
          if (isFolder && armed('folder sync')) fail('folder sync', 'EIO');
          return handle.sync();
        },
        close: async () => {
          await handle.close();
          if (isTemp && armed('close')) fail('close', 'EIO');
        },
      });
    },
  };
});

const { Drafts } = await import('../../electron/main/drafts');

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'tradeoff-draft-faults-'));
});
afterEach(async () => {
  faults.step = undefined;
  faults.hits = [];
  await rm(userData, { recursive: true, force: true });
});

/** A draft of some size, so that half of it is a real torn write. */
function draftText(version: string): string {
  return JSON.stringify({ format: 'tradeoff-scenario', name: version, notes: version.repeat(5000) });
}

describe('a draft write failing at every step of the atomic write', () => {
  it.each(STEPS.slice(0, -1))('keeps the previous draft intact when %s fails', async (step) => {
    const drafts = new Drafts(userData);
    await drafts.save('doc', { path: null, text: draftText('previous') });
    faults.step = step;
    const result = await drafts.write('doc', { path: null, text: draftText('next') });
    expect(faults.hits).toContain(step);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^(the disk is full|EIO: simulated failure)/);
    faults.step = undefined;
    // Read back by a fresh start, as after a crash.
    const [recovered, ...others] = await new Drafts(userData).list();
    expect(others).toEqual([]);
    expect(recovered?.text).toBe(draftText('previous'));
    // And the next write goes through.
    await expect(drafts.write('doc', { path: null, text: draftText('later') })).resolves.toEqual({
      ok: true,
    });
    expect((await new Drafts(userData).list())[0]?.text).toBe(draftText('later'));
  });

  it('keeps the new draft when only the folder sync fails (the rename already happened)', async () => {
    const drafts = new Drafts(userData);
    await drafts.save('doc', { path: null, text: draftText('previous') });
    faults.step = 'folder sync';
    await expect(drafts.write('doc', { path: null, text: draftText('next') })).resolves.toEqual({ ok: true });
    expect(faults.hits).toEqual(['folder sync']);
    expect((await new Drafts(userData).list())[0]?.text).toBe(draftText('next'));
  });
});
