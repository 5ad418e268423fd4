/**
 * A draft writer killed with SIGKILL at random moments (several rounds, seeded) always leaves the
 * latest complete draft readable: never a torn or empty one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Drafts } from '../../electron/main/drafts';
import { killMidWrite } from '../support/kill-mid-write';
import { draftText } from './draft-text';

const WRITER = path.resolve('tests/electron/draft-writer.ts');

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'tradeoff-draft-kill-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('a draft writer killed mid-write', () => {
  it('leaves the latest complete draft readable after every kill', { timeout: 120_000 }, async () => {
    const survivors: number[] = [];
    await killMidWrite({
      script: WRITER,
      args: [userData],
      rounds: 6,
      seed: 20261202,
      maxWrites: 12,
      afterKill: async ({ lastReported }) => {
        const listed = await new Drafts(userData).list();
        expect(listed).toHaveLength(1);
        const [draft] = listed;
        const n = Number(/^\{"format":"tradeoff-scenario","name":"write (\d+)"/.exec(draft?.text ?? '')?.[1]);
        // The write reported last, or one that completed after it before the kill landed: whole.
        expect(n).toBeGreaterThanOrEqual(lastReported);
        expect(draft?.text).toBe(draftText(n));
        survivors.push(n);
      },
    });
    expect(survivors).toHaveLength(6);
  });
});
