/**
 * A save killed with `kill -9` at seeded random moments leaves the file as one complete saved
 * version, and the next start removes the temp files the killed saves left.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { removeStaleTemps, STALE_TEMP_AGE_MS } from '../../src/files/remove-stale-temps';
import { isAtomicWriteTemp, writeFileAtomic } from '../../src/files/write-file-atomic';
import { killMidWrite } from '../support/kill-mid-write';
import { largeScenarioText, largeScenarioVersion } from '../support/large-scenarios';

const SAVER = path.resolve('tests/support/save-forever.ts');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-kill-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('keeps one complete saved version through kill -9 mid-save, and cleans up at the next start', async () => {
  const target = path.join(folder, 'run.tradeoff.json');
  await writeFileAtomic(target, largeScenarioText(0));
  let last = 0;
  await killMidWrite({
    script: SAVER,
    args: [target],
    rounds: 6,
    seed: 20261202,
    afterKill: async () => {
      const version = largeScenarioVersion(await readFile(target, 'utf8'));
      expect(version).not.toBeNull();
      // Each round saved at least once before it was killed, so the file moved on.
      expect(version).toBeGreaterThan(last);
      last = version ?? last;
    },
  });
  const names = await readdir(folder);
  expect(names.filter((name) => name !== 'run.tradeoff.json').every(isAtomicWriteTemp)).toBe(true);

  // The next start, more than a minute later.
  await removeStaleTemps([folder], Date.now() + 2 * STALE_TEMP_AGE_MS);
  expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
}, 60_000);
