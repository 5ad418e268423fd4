import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventChannel } from '../../src/shared/ipc';
import {
  app,
  dialog,
  FakeBrowserWindow,
  fakeEvent,
  FakeWebContents,
  resetFakeElectron,
} from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { Documents, filesFromArgv, handleOpenRequests, openInWindow, sendWhenLoaded } =
  await import('../../electron/main/documents');
const { memoryPreferences } = await import('./memory-preferences');

let folder: string;
let file: string;
beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(path.join(tmpdir(), 'tradeoff-docs-'));
  file = path.join(folder, 'run.tradeoff.json');
  await writeFile(file, '{"name": "run"}');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('filesFromArgv', () => {
  it('keeps scenario files, resolved against the launch folder', () => {
    expect(
      filesFromArgv(
        ['/opt/Tradeoff', '--flag', 'a.tradeoff.json', 'notes.txt', '/abs/B.TRADEOFF.JSON', '.'],
        '/home/u',
      ),
    ).toEqual(['/home/u/a.tradeoff.json', '/abs/B.TRADEOFF.JSON']);
  });

  it('ignores the executable itself', () => {
    expect(filesFromArgv(['/x/y.tradeoff.json'], '/')).toEqual([]);
  });
});

describe('Documents', () => {
  it('grants and lists opened files', async () => {
    const prefs = memoryPreferences();
    const documents = new Documents(prefs);
    const win = new FakeBrowserWindow() as unknown as BrowserWindow;
    expect(documents.isGranted(file)).toBe(false);
    await expect(documents.open(file, win)).resolves.toEqual({ path: file, text: '{"name": "run"}' });
    expect(documents.isGranted(path.join(folder, '.', 'run.tradeoff.json'))).toBe(true);
    expect(prefs.recentFiles()).toEqual([file]);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a named pipe, a symlink to /dev/zero and non-UTF-8 bytes at once, and opens a byte-order mark',
    async () => {
      const documents = new Documents(memoryPreferences());
      const win = new FakeBrowserWindow() as unknown as BrowserWindow;
      const pipe = path.join(folder, 'pipe.tradeoff.json');
      execFileSync('mkfifo', [pipe]);
      await expect(documents.open(pipe, win)).rejects.toThrow(
        'Could not open pipe.tradeoff.json: not a regular file (a named pipe)',
      );
      const zero = path.join(folder, 'zero.tradeoff.json');
      await symlink('/dev/zero', zero);
      await expect(documents.open(zero, win)).rejects.toThrow(
        'Could not open zero.tradeoff.json: not a regular file (a device)',
      );
      const latin1 = path.join(folder, 'latin1.tradeoff.json');
      await writeFile(latin1, Buffer.from('{"name": "Gr\xfc\xdfe"}', 'latin1'));
      await expect(documents.open(latin1, win)).rejects.toThrow(
        'Could not open latin1.tradeoff.json: not UTF-8 text',
      );
      const withMark = path.join(folder, 'bom.tradeoff.json');
      await writeFile(
        withMark,
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name": "run"}')]),
      );
      await expect(documents.open(withMark, win)).resolves.toEqual({
        path: withMark,
        text: '{"name": "run"}',
      });
    },
  );

  it('remembers what each window read of a file, and forgets it when the window closes', async () => {
    const documents = new Documents(memoryPreferences());
    const reader = new FakeBrowserWindow();
    const other = new FakeBrowserWindow();
    await documents.open(file, reader as unknown as BrowserWindow);
    expect(documents.versions.get(reader as unknown as BrowserWindow, file)).toMatchObject({
      size: 15,
      sha256: 'ce399ecce641f8ed6772b83788ef8fecc765968dede2dbd263534a02334c0dc4',
    });
    expect(documents.versions.get(other as unknown as BrowserWindow, file)).toBeUndefined();
    reader.emit('closed');
    expect(documents.versions.get(reader as unknown as BrowserWindow, file)).toBeUndefined();
  });

  it('allows a path without listing it as recent', () => {
    const prefs = memoryPreferences();
    const documents = new Documents(prefs);
    documents.allow(file);
    expect(documents.isGranted(file)).toBe(true);
    expect(prefs.recentFiles()).toEqual([]);
  });
});

describe('delivering files to the page', () => {
  it('waits for the page to load before sending', () => {
    const contents = new FakeWebContents();
    contents.loading = true;
    sendWhenLoaded(contents as unknown as WebContents, EventChannel.openFile, { path: file, text: '' });
    expect(contents.send).not.toHaveBeenCalled();
    contents.emit('did-finish-load');
    expect(contents.send).toHaveBeenCalledWith(EventChannel.openFile, { path: file, text: '' });
  });

  it('shows an error dialog when a file cannot be opened', async () => {
    const win = new FakeBrowserWindow();
    await openInWindow(
      new Documents(memoryPreferences()),
      win as unknown as BrowserWindow,
      path.join(folder, 'gone.tradeoff.json'),
    );
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'error',
      detail: 'Could not open gone.tradeoff.json: the file or its folder no longer exists',
    });
  });

  it('holds macOS open-file requests until ready, and takes second-instance files', async () => {
    let ready: () => void = () => undefined;
    app.isReady.mockReturnValue(false);
    app.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    const win = new FakeBrowserWindow();
    const show = vi.fn(() => win as unknown as BrowserWindow);
    handleOpenRequests(new Documents(memoryPreferences()), show);

    const event = fakeEvent();
    app.emit('open-file', event, file);
    expect(event.defaultPrevented).toBe(true);
    expect(show).not.toHaveBeenCalled();
    app.isReady.mockReturnValue(true);
    ready();
    // Opening reads the file: wait until it reaches the page, however long the disk takes.
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith(EventChannel.openFile, {
        path: file,
        text: '{"name": "run"}',
      }),
    );

    win.webContents.send.mockClear();
    app.emit('second-instance', fakeEvent(), ['/opt/Tradeoff', 'run.tradeoff.json'], folder);
    expect(show).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith(EventChannel.openFile, {
        path: file,
        text: '{"name": "run"}',
      }),
    );
  });
});
