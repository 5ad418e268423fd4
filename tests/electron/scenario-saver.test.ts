import { chmod, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeScenario, type Scenario } from '../../src/scenario';
import { valid } from '../support/scenarios';
import { app, dialog, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { Documents } = await import('../../electron/main/documents');
const { ScenarioSaver } = await import('../../electron/main/scenario-saver');
const { memoryPreferences } = await import('./memory-preferences');

const scenario = (name: string, notes = ''): Scenario =>
  valid({ name, target: { loss: 2.5 }, demand: { inputTokens: 1e12, outputTokens: 1e11 }, notes });

/** The buttons of the conflict dialog, by label, as the user would click them. */
function answerConflict(label: string): void {
  dialog.showMessageBox.mockImplementationOnce((_win: unknown, options: { buttons: string[] }) =>
    Promise.resolve({ response: options.buttons.indexOf(label) }),
  );
}

let folder: string;
let file: string;
let win: BrowserWindow;
let documents: InstanceType<typeof Documents>;
let dirty: boolean;
let saver: InstanceType<typeof ScenarioSaver>;

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-saver-'));
  app.getPath.mockReturnValue(folder);
  file = path.join(folder, 'run.tradeoff.json');
  await writeFile(file, serializeScenario(scenario('On disk')));
  win = new FakeBrowserWindow() as unknown as BrowserWindow;
  documents = new Documents(memoryPreferences());
  dirty = true;
  saver = new ScenarioSaver(documents, () => dirty);
  await documents.open(file, win);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Another program saves the file: new bytes, and a new modification time. */
async function changeOnDisk(name: string): Promise<string> {
  const text = serializeScenario(scenario(name));
  await writeFile(file, text);
  return text;
}

describe('Save over a file changed by another program', () => {
  it('saves without asking when the file is as it was read, even if only touched', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({ path: file });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    // What this save wrote is now what the next one compares with.
    await expect(saver.save(win, file, scenario('Mine again'))).resolves.toEqual({ path: file });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks, and Cancel leaves the other program’s version alone', async () => {
    const theirs = await changeOnDisk('Theirs');
    answerConflict('Cancel');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toBeNull();
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: 'run.tradeoff.json was changed by another program since you last opened or saved it',
      buttons: ['Overwrite', 'Save As…', 'Reload from Disk', 'Cancel'],
      cancelId: 3,
      defaultId: 3,
    });
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('overwrites when told to, and then no longer asks', async () => {
    await changeOnDisk('Theirs');
    answerConflict('Overwrite');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({ path: file });
    expect(await readFile(file, 'utf8')).toBe(serializeScenario(scenario('Mine')));
    await saver.save(win, file, scenario('Mine again'));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('offers Save As, starting from the file', async () => {
    const theirs = await changeOnDisk('Theirs');
    answerConflict('Save As…');
    const copy = path.join(folder, 'mine.tradeoff.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: copy });
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({ path: copy });
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: file });
    expect(await readFile(file, 'utf8')).toBe(theirs);
    expect(await readFile(copy, 'utf8')).toBe(serializeScenario(scenario('Mine')));
  });

  it('reloads the disk version after confirming that unsaved changes go', async () => {
    const theirs = await changeOnDisk('Theirs');
    answerConflict('Reload from Disk');
    answerConflict('Discard and Reload');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({
      reloaded: { path: file, text: theirs },
    });
    expect(dialog.showMessageBox.mock.calls[1]?.[1]).toMatchObject({
      message: 'Discard your unsaved changes and reload run.tradeoff.json?',
    });
    expect(await readFile(file, 'utf8')).toBe(theirs);
    // The reloaded version is the one Save now compares with.
    await saver.save(win, file, scenario('Mine'));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('reloads without a second question when nothing is unsaved, and keeps all when that is declined', async () => {
    const theirs = await changeOnDisk('Theirs');
    dirty = false;
    answerConflict('Reload from Disk');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({
      reloaded: { path: file, text: theirs },
    });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);

    await changeOnDisk('Theirs again');
    dirty = true;
    answerConflict('Reload from Disk');
    answerConflict('Cancel');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toBeNull();
  });

  it('asks before putting back a file that was deleted, without offering to reload it', async () => {
    await rm(file);
    answerConflict('Save');
    await expect(saver.save(win, file, scenario('Mine'))).resolves.toEqual({ path: file });
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: 'run.tradeoff.json was deleted or moved since you last opened or saved it',
      buttons: ['Save', 'Save As…', 'Cancel'],
    });
    expect(await readFile(file, 'utf8')).toBe(serializeScenario(scenario('Mine')));
  });

  it('keeps what each window read apart', async () => {
    const other = new FakeBrowserWindow() as unknown as BrowserWindow;
    await changeOnDisk('Theirs');
    await documents.open(file, other);
    await expect(saver.save(other, file, scenario('Other window'))).resolves.toEqual({ path: file });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    // The first window read an older version: its save asks.
    answerConflict('Cancel');
    await expect(saver.save(win, file, scenario('First window'))).resolves.toBeNull();
  });
});

describe('Save refuses before writing', () => {
  it('a read-only file, pointing to Save As', async () => {
    await chmod(file, 0o444);
    const before = await readFile(file, 'utf8');
    await expect(saver.save(win, file, scenario('Mine'))).rejects.toThrow(
      'run.tradeoff.json is read-only; use Save As to save a copy elsewhere',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('a scenario larger in UTF-8 than a scenario file may be, before asking where', async () => {
    // 340,000 characters, but 1,020,000 bytes: the file would be refused when opened again.
    const large = scenario('Large', '€'.repeat(340_000));
    const refused = /the scenario is too large to save: 1,020,\d{3} bytes is more than the 1,000,000 bytes/;
    await expect(saver.save(win, file, large)).rejects.toThrow(refused);
    await expect(saver.save(win, null, large)).rejects.toThrow(refused);
    await expect(saver.saveAs(win, file, large)).rejects.toThrow(refused);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual(['run.tradeoff.json']);
  });
});
