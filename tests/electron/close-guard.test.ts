import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventChannel } from '../../src/shared/ipc';
import { app, dialog, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { CloseGuard } = await import('../../electron/main/close-guard');

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

let win: FakeBrowserWindow;
let guard: InstanceType<typeof CloseGuard>;
let discard: ReturnType<typeof vi.fn<() => Promise<void>>>;
let closed: ReturnType<typeof vi.fn<() => void>>;
const asWindow = (fake: FakeBrowserWindow) => fake as unknown as BrowserWindow;

beforeEach(() => {
  resetFakeElectron();
  discard = vi.fn(() => Promise.resolve());
  guard = new CloseGuard(discard);
  win = new FakeBrowserWindow();
  guard.attach(asWindow(win));
  closed = vi.fn<() => void>();
  win.on('closed', closed);
});

/** Waits until the user has answered every prompt shown so far (the promise the guard awaits). */
async function promptsAnswered(count = 1): Promise<void> {
  await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(count));
  await Promise.all(dialog.showMessageBox.mock.results.map((result) => result.value as unknown));
}

describe('CloseGuard', () => {
  it('closes a clean window without asking', () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: false });
    win.close();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledOnce();
  });

  it('asks before closing a dirty window, and Cancel keeps it open', async () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox.mockResolvedValueOnce({ response: CANCEL });
    win.close();
    await promptsAnswered();
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      buttons: ['Save', "Don't Save", 'Cancel'],
      message: 'Save changes to “Run” before closing?',
    });
    expect(closed).not.toHaveBeenCalled();
    expect(discard).not.toHaveBeenCalled();
  });

  it("Don't Save discards the draft and closes", async () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox.mockResolvedValueOnce({ response: DONT_SAVE });
    win.close();
    await vi.waitFor(() => expect(closed).toHaveBeenCalledOnce());
    expect(discard).toHaveBeenCalled();
  });

  it('Save asks the page to save and closes once it confirms', async () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox.mockResolvedValueOnce({ response: SAVE });
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(EventChannel.closeRequested));
    expect(closed).not.toHaveBeenCalled();
    guard.confirmClose(asWindow(win), true);
    expect(closed).toHaveBeenCalledOnce();
  });

  it('stays open when the page reports the save failed', async () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox.mockResolvedValueOnce({ response: SAVE });
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(EventChannel.closeRequested));
    guard.confirmClose(asWindow(win), false);
    expect(closed).not.toHaveBeenCalled();
  });

  it('asks again if the page never answers and the user closes again', async () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox
      .mockResolvedValueOnce({ response: SAVE })
      .mockResolvedValueOnce({ response: DONT_SAVE });
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(EventChannel.closeRequested));
    win.close();
    await vi.waitFor(() => expect(closed).toHaveBeenCalledOnce());
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('ignores confirmClose that was not asked for', () => {
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    guard.confirmClose(asWindow(win), true);
    expect(closed).not.toHaveBeenCalled();
  });

  it('resumes a quit that waited for the prompt', async () => {
    app.emit('before-quit');
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    dialog.showMessageBox.mockResolvedValueOnce({ response: DONT_SAVE });
    win.close();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('marks unsaved changes in the title', () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    expect(win.setTitle).toHaveBeenLastCalledWith('• Run — Tradeoff Explorer');
    platform.mockReturnValue('darwin');
    guard.setDocumentState(asWindow(win), { title: 'Run', dirty: true });
    expect(win.setTitle).toHaveBeenLastCalledWith('Run — Tradeoff Explorer');
    expect(win.setDocumentEdited).toHaveBeenCalledWith(true);
    platform.mockRestore();
  });
});
