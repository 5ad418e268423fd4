import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Drafts } from '../../electron/main/drafts';
import { MAX_SCENARIO_BYTES } from '../../src/scenario';
import { DraftTooLargeError, MAX_DRAFT_BYTES } from '../../src/shared/documents';

let folder: string;
let drafts: Drafts;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-drafts-'));
  drafts = new Drafts(folder);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const TEXT = '{\n  "format": "tradeoff-scenario",\n  "name": "Draft \\"one\\""\n}\n';

describe('Drafts', () => {
  it('has nothing to recover at first', async () => {
    expect(await drafts.load()).toBeNull();
  });

  it('recovers what was saved, with its path and time', async () => {
    await drafts.save({ path: '/work/run.tradeoff.json', text: TEXT }, new Date('2025-01-02T03:04:05Z'));
    const recovered = await new Drafts(folder).load();
    expect(recovered).toEqual({
      path: '/work/run.tradeoff.json',
      text: TEXT,
      savedAt: '2025-01-02T03:04:05.000Z',
    });
  });

  it('keeps the fields as typed beside the scenario, and discards a draft whose form is not text', async () => {
    const form = '{"target":{"loss":"1.5"}}';
    await drafts.save({ path: null, text: TEXT, form }, new Date('2025-01-02T03:04:05Z'));
    expect(await new Drafts(folder).load()).toEqual({
      path: null,
      text: TEXT,
      form,
      savedAt: '2025-01-02T03:04:05.000Z',
    });
    await writeFile(
      drafts.file,
      JSON.stringify({ format: 'tradeoff-draft', path: null, text: TEXT, form: 42, savedAt: '2025-01-02' }),
    );
    expect(await drafts.load()).toBeNull();
  });

  it('drops the fields as typed rather than the scenario when both do not fit, and refuses what never can', async () => {
    // JSON escapes a control character to six bytes: a million of them cannot fit in a draft.
    await drafts.save({ path: null, text: TEXT, form: '\u0001'.repeat(MAX_SCENARIO_BYTES) });
    const recovered = await drafts.load();
    expect(recovered?.text).toBe(TEXT);
    expect(recovered).not.toHaveProperty('form');
    await expect(drafts.save({ path: null, text: '€'.repeat(2 * MAX_SCENARIO_BYTES) })).rejects.toThrow(
      DraftTooLargeError,
    );
    expect((await drafts.load())?.text).toBe(TEXT);
  });

  it('creates its folder when userData does not exist yet', async () => {
    const nested = new Drafts(path.join(folder, 'not', 'yet'));
    await nested.save({ path: null, text: TEXT });
    expect((await nested.load())?.text).toBe(TEXT);
  });

  it('keeps only the newest draft', async () => {
    await drafts.save({ path: null, text: 'one' });
    await drafts.save({ path: null, text: 'two' });
    expect((await drafts.load())?.text).toBe('two');
    expect(await readdir(folder)).toEqual([path.basename(drafts.file)]);
  });

  it('clears the draft', async () => {
    await drafts.save({ path: null, text: TEXT });
    await drafts.clear();
    expect(await drafts.load()).toBeNull();
    expect(await readdir(folder)).toEqual([]);
    await expect(drafts.clear()).resolves.toBeUndefined();
  });

  it('applies writes in call order, so a clear is never undone by an earlier save', async () => {
    const saves = Array.from({ length: 20 }, (_, i) => drafts.save({ path: null, text: `v${i}` }));
    const cleared = drafts.clear();
    await Promise.all([...saves, cleared]);
    expect(await drafts.load()).toBeNull();
    const more = Array.from({ length: 20 }, (_, i) => drafts.save({ path: null, text: `w${i}` }));
    await Promise.all(more);
    expect((await drafts.load())?.text).toBe('w19');
  });

  it.each([
    ['not JSON', '{"format": "tradeoff-draft", "text": '],
    ['a foreign JSON file', '{"hello": "world"}'],
    ['a wrong field type', '{"format": "tradeoff-draft", "path": 3, "text": "x", "savedAt": "t"}'],
    [
      'larger than any draft written',
      `{"format": "tradeoff-draft", "text": "${'x'.repeat(MAX_DRAFT_BYTES)}"}`,
    ],
    ['not text', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('discards a corrupt draft (%s)', async (_label, content) => {
    await writeFile(drafts.file, content);
    expect(await drafts.load()).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });
});
