import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Drafts, DRAFTS_FOLDER, LEGACY_DRAFT_FILE, writeFailure } from '../../electron/main/drafts';
import { MAX_SCENARIO_BYTES } from '../../src/scenario';
import { draftBody, DraftTooLargeError, MAX_DRAFT_BYTES } from '../../src/shared/documents';

let userData: string;
let drafts: Drafts;
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'tradeoff-drafts-'));
  drafts = new Drafts(userData);
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const TEXT = '{\n  "format": "tradeoff-scenario",\n  "name": "Draft \\"one\\""\n}\n';
const AT = new Date('2025-01-02T03:04:05Z');

describe('Drafts', () => {
  it('has nothing to recover at first', async () => {
    expect(await drafts.list()).toEqual([]);
  });

  it('recovers what was saved, under its id, with its name, path and time', async () => {
    await drafts.save('doc-1', { path: '/work/run.tradeoff.json', text: TEXT }, AT);
    expect(await new Drafts(userData).list()).toEqual([
      {
        id: 'doc-1',
        name: 'Draft "one"',
        path: '/work/run.tradeoff.json',
        text: TEXT,
        savedAt: '2025-01-02T03:04:05.000Z',
      },
    ]);
    expect(await readdir(path.join(userData, DRAFTS_FOLDER))).toEqual(['doc-1.draft.json']);
  });

  it('keeps one draft per document, newest first, and clears each alone', async () => {
    await drafts.save('a', { path: null, text: 'one' }, new Date('2025-01-01T00:00:00Z'));
    await drafts.save('b', { path: null, text: 'two' }, new Date('2025-01-03T00:00:00Z'));
    await drafts.save('c', { path: null, text: 'three' }, new Date('2025-01-02T00:00:00Z'));
    await drafts.save('a', { path: null, text: 'one, later' }, new Date('2025-01-04T00:00:00Z'));
    expect((await drafts.list()).map(({ id, text }) => [id, text])).toEqual([
      ['a', 'one, later'],
      ['b', 'two'],
      ['c', 'three'],
    ]);
    await drafts.clear('b');
    expect((await drafts.list()).map(({ id }) => id)).toEqual(['a', 'c']);
    await expect(drafts.clear('b')).resolves.toBeUndefined();
  });

  it('refuses ids that could name another file, without touching the disk', async () => {
    await writeFile(path.join(userData, 'preferences.json'), '{}');
    for (const id of ['../preferences', '/etc/passwd', 'a/b', '', 'x'.repeat(65)]) {
      await expect(drafts.save(id, { path: null, text: TEXT })).rejects.toThrow(/not a draft id/);
      await expect(drafts.clear(id)).rejects.toThrow(/not a draft id/);
    }
    expect((await readdir(userData)).sort()).toEqual(['preferences.json']);
  });

  it('keeps the fields as typed beside the scenario, and discards a draft whose form is not text', async () => {
    const form = '{"target":{"loss":"1.5"}}';
    await drafts.save('d', { path: null, text: TEXT, form }, AT);
    expect((await new Drafts(userData).list())[0]).toMatchObject({ text: TEXT, form });
    await writeFile(
      drafts.fileOf('d'),
      JSON.stringify({ format: 'tradeoff-draft', path: null, text: TEXT, form: 42, savedAt: '2025-01-02' }),
    );
    expect(await drafts.list()).toEqual([]);
  });

  it('drops the fields as typed rather than the scenario when both do not fit, and refuses what never can', async () => {
    // JSON escapes a control character to six bytes: a million of them cannot fit in a draft.
    await drafts.save('d', { path: null, text: TEXT, form: '\u0001'.repeat(MAX_SCENARIO_BYTES) });
    const [recovered] = await drafts.list();
    expect(recovered?.text).toBe(TEXT);
    expect(recovered).not.toHaveProperty('form');
    await expect(drafts.save('d', { path: null, text: '€'.repeat(2 * MAX_SCENARIO_BYTES) })).rejects.toThrow(
      DraftTooLargeError,
    );
    expect((await drafts.list())[0]?.text).toBe(TEXT);
  });

  it('answers why a write failed instead of rejecting, and keeps the previous draft', async () => {
    await drafts.save('d', { path: null, text: TEXT });
    await expect(
      drafts.write('d', { path: null, text: '€'.repeat(2 * MAX_SCENARIO_BYTES) }),
    ).resolves.toEqual({ ok: false, reason: new DraftTooLargeError().message });
    await expect(drafts.write('d', { path: null, text: 'new' })).resolves.toEqual({ ok: true });
    expect((await drafts.list())[0]?.text).toBe('new');
  });

  it('words the common failures for the user', () => {
    const failure = (code: string) => writeFailure(Object.assign(new Error(code), { code }), '/u/drafts');
    expect(failure('ENOSPC')).toBe('the disk is full (/u/drafts)');
    expect(failure('EDQUOT')).toBe('the disk quota is used up (/u/drafts)');
    expect(failure('EPERM')).toBe('no permission to write to /u/drafts');
    expect(failure('EROFS')).toBe('the disk is read-only (/u/drafts)');
    expect(failure('EIO')).toBe('EIO');
  });

  it('creates its folders when userData does not exist yet', async () => {
    const nested = new Drafts(path.join(userData, 'not', 'yet'));
    await nested.save('d', { path: null, text: TEXT });
    expect((await nested.list())[0]?.text).toBe(TEXT);
  });

  it('applies writes of one draft in call order, so a clear is never undone by an earlier save', async () => {
    const saves = Array.from({ length: 20 }, (_, i) => drafts.save('d', { path: null, text: `v${i}` }));
    const other = drafts.save('e', { path: null, text: 'other' });
    const cleared = drafts.clear('d');
    await Promise.all([...saves, other, cleared]);
    expect((await drafts.list()).map(({ id }) => id)).toEqual(['e']);
    const more = Array.from({ length: 20 }, (_, i) => drafts.save('d', { path: null, text: `w${i}` }));
    await Promise.all(more);
    expect((await drafts.list()).find(({ id }) => id === 'd')?.text).toBe('w19');
  });

  it('drops the drafts this session wrote when its work is thrown away, and no others', async () => {
    await new Drafts(userData).save('crashed', { path: null, text: 'left by a crash' });
    await drafts.save('mine', { path: null, text: TEXT });
    await drafts.clearWritten();
    expect((await drafts.list()).map(({ id }) => id)).toEqual(['crashed']);
  });

  it('moves the one draft of older versions into the folder at first start', async () => {
    await writeFile(path.join(userData, LEGACY_DRAFT_FILE), draftBody({ path: null, text: TEXT }, AT));
    const listed = await drafts.list();
    expect(listed).toMatchObject([{ name: 'Draft "one"', text: TEXT, savedAt: AT.toISOString() }]);
    expect(await readdir(userData)).toEqual([DRAFTS_FOLDER]);
    expect(await new Drafts(userData).list()).toEqual(listed);
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
    await drafts.save('good', { path: null, text: TEXT });
    await writeFile(drafts.fileOf('bad'), content);
    expect((await drafts.list()).map(({ id }) => id)).toEqual(['good']);
    expect(await readdir(path.join(userData, DRAFTS_FOLDER))).toEqual(['good.draft.json']);
  });

  it('ignores files in its folder that are not drafts', async () => {
    await drafts.save('good', { path: null, text: TEXT });
    const folder = path.join(userData, DRAFTS_FOLDER);
    await writeFile(path.join(folder, 'notes.txt'), 'x');
    await writeFile(path.join(folder, '.good.draft.json.0a1b2c.tmp'), 'half');
    expect((await drafts.list()).map(({ id }) => id)).toEqual(['good']);
  });
});
