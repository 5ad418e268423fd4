import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, STALE_TEMP_AGE_MS } from '../../src/files/remove-stale-temps';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-stale-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const NOW = Date.parse('2026-12-02T12:00:00Z');

/** Creates a file last modified `ageMs` before NOW. */
async function fileAged(name: string, ageMs: number): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, 'partial');
  const when = new Date(NOW - ageMs);
  await utimes(file, when, when);
  return file;
}

describe('removeStaleTemps', () => {
  it('removes only our own temp files older than a minute', async () => {
    const old = STALE_TEMP_AGE_MS + 1_000;
    const stale = await fileAged('.run.tradeoff.json.0123456789ab.tmp', old);
    await fileAged('.run.tradeoff.json.a1b2c3d4e5f6.tmp', STALE_TEMP_AGE_MS - 1_000);
    await fileAged('run.tradeoff.json', old);
    // Look-alikes, all old: other programs' temp files and names that only resemble ours.
    await fileAged('run.tradeoff.json.0123456789ab.tmp', old);
    await fileAged('.run.tradeoff.json.0123456789AB.tmp', old);
    await fileAged('.run.tradeoff.json.012345.tmp', old);
    await fileAged('.run.tradeoff.json.0123456789ab.tmp.swp', old);
    await fileAged('.~lock.run.tradeoff.json#', old);
    await mkdir(path.join(folder, '.folder.0123456789ab.tmp'));
    await symlink(path.join(folder, 'run.tradeoff.json'), path.join(folder, '.link.0123456789ab.tmp'));

    expect(await removeStaleTemps([folder, path.join(folder, '.')], NOW)).toEqual([stale]);
    expect((await readdir(folder)).sort()).toEqual(
      [
        '.run.tradeoff.json.a1b2c3d4e5f6.tmp',
        'run.tradeoff.json',
        'run.tradeoff.json.0123456789ab.tmp',
        '.run.tradeoff.json.0123456789AB.tmp',
        '.run.tradeoff.json.012345.tmp',
        '.run.tradeoff.json.0123456789ab.tmp.swp',
        '.~lock.run.tradeoff.json#',
        '.folder.0123456789ab.tmp',
        '.link.0123456789ab.tmp',
      ].sort(),
    );
  });

  it('skips folders that do not exist or cannot be read', async () => {
    const missing = path.join(folder, 'gone');
    const notAFolder = await fileAged('plain.txt', 0);
    await expect(removeStaleTemps([missing, notAFolder], NOW)).resolves.toEqual([]);
  });
});
