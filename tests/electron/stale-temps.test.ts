import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { removeTempsOfKilledSaves } from '../../electron/main/stale-temps';
import { STALE_TEMP_AGE_MS } from '../../src/files/remove-stale-temps';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tradeoff-start-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const TEMP = '.run.tradeoff.json.0123456789ab.tmp';

async function folderWithTemp(name: string): Promise<string> {
  const folder = path.join(root, name);
  await mkdir(folder);
  await writeFile(path.join(folder, TEMP), 'partial');
  return folder;
}

it('cleans the folders of recent files and the drafts folder, and no other', async () => {
  const projects = await folderWithTemp('projects');
  const drafts = await folderWithTemp('user-data');
  const elsewhere = await folderWithTemp('elsewhere');
  const later = Date.now() + 2 * STALE_TEMP_AGE_MS;
  const removed = await removeTempsOfKilledSaves([path.join(projects, 'run.tradeoff.json')], drafts, later);
  expect(removed.sort()).toEqual([path.join(drafts, TEMP), path.join(projects, TEMP)].sort());
  expect(await readdir(projects)).toEqual([]);
  expect(await readdir(drafts)).toEqual([]);
  expect(await readdir(elsewhere)).toEqual([TEMP]);
});
