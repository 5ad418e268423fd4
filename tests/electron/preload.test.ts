import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel, type DesktopApi } from '../../src/shared/ipc';
import { contextBridge, ipcRenderer, webUtils } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let api: DesktopApi;
beforeAll(async () => {
  await import('../../electron/preload/index');
  const [name, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('tradeoff');
  api = exposed as DesktopApi;
});
beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.removeAllListeners();
});

const scenario = {} as Parameters<DesktopApi['saveScenario']>[0]['scenario'];
const file = {} as File;

describe('preload', () => {
  it('exposes exactly the DesktopApi functions and no generic invoke', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'openScenario',
        'openRecentFile',
        'openDroppedFile',
        'getPathForFile',
        'saveScenario',
        'saveScenarioAs',
        'exportResults',
        'getPreferences',
        'setPreferences',
        'getRecentFiles',
        'listDrafts',
        'setDraft',
        'clearDraft',
        'setDocumentState',
        'confirmClose',
        'openExternal',
        'openRuns',
        'openDroppedRuns',
        'onMenuCommand',
        'onOpenFile',
        'onCloseRequested',
        'onPreferencesNotice',
      ].sort(),
    );
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it.each([
    [() => api.openScenario(), InvokeChannel.openScenario, []],
    [() => api.openRecentFile('/a.tradeoff.json'), InvokeChannel.openRecentFile, ['/a.tradeoff.json']],
    [
      () => api.saveScenario({ path: null, scenario }),
      InvokeChannel.saveScenario,
      [{ path: null, scenario }],
    ],
    [
      () => api.saveScenarioAs({ path: '/a', scenario }),
      InvokeChannel.saveScenarioAs,
      [{ path: '/a', scenario }],
    ],
    [
      () => api.exportResults({ suggestedName: 'r', content: 'x', kind: 'md' }),
      InvokeChannel.exportResults,
      [{ suggestedName: 'r', content: 'x', kind: 'md' }],
    ],
    [() => api.getPreferences(), InvokeChannel.getPreferences, []],
    [() => api.setPreferences({ theme: 'light' }), InvokeChannel.setPreferences, [{ theme: 'light' }]],
    [() => api.getRecentFiles(), InvokeChannel.getRecentFiles, []],
    [() => api.listDrafts(), InvokeChannel.listDrafts, []],
    [
      () => api.setDraft({ id: 'd', path: null, scenario }),
      InvokeChannel.setDraft,
      [{ id: 'd', path: null, scenario }],
    ],
    [() => api.clearDraft('d'), InvokeChannel.clearDraft, ['d']],
    [
      () => api.setDocumentState({ title: 't', dirty: true }),
      InvokeChannel.setDocumentState,
      [{ title: 't', dirty: true }],
    ],
    [() => api.confirmClose(true), InvokeChannel.confirmClose, [true]],
    [() => api.openExternal('https://x.org'), InvokeChannel.openExternal, ['https://x.org']],
    [() => api.openRuns(), InvokeChannel.openRuns, []],
  ] as const)('call %# goes to its fixed channel', async (run, channel, args) => {
    await expect(run()).resolves.toBe('reply');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args);
  });

  it('resolves a dropped file to its path before asking main to open it', async () => {
    await api.openDroppedFile(file);
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(
      InvokeChannel.openDroppedFile,
      '/dropped/run.tradeoff.json',
    );
    expect(api.getPathForFile(file)).toBe('/dropped/run.tradeoff.json');
  });

  it('resolves a CSV dropped on the fit dialog to its path the same way', async () => {
    await api.openDroppedRuns(file);
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(
      InvokeChannel.openDroppedRuns,
      '/dropped/run.tradeoff.json',
    );
  });

  it('delivers main-process events without the IPC event, and unsubscribes', () => {
    const onCommand = vi.fn();
    const onFile = vi.fn();
    const onClose = vi.fn();
    const onNotice = vi.fn();
    const unsubscribe = api.onMenuCommand(onCommand);
    api.onOpenFile(onFile);
    api.onCloseRequested(onClose);
    api.onPreferencesNotice(onNotice);
    const notice = { message: 'Your preferences file was damaged…', backupPath: '/u/p.json.bad-x' };
    const ipcEvent = { sender: ipcRenderer };
    ipcRenderer.emit(EventChannel.menuCommand, ipcEvent, 'save');
    ipcRenderer.emit(EventChannel.openFile, ipcEvent, { path: '/a', text: '{}' });
    ipcRenderer.emit(EventChannel.closeRequested, ipcEvent);
    ipcRenderer.emit(EventChannel.preferencesNotice, ipcEvent, notice);
    expect(onNotice).toHaveBeenCalledExactlyOnceWith(notice);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith('save');
    expect(onFile).toHaveBeenCalledExactlyOnceWith({ path: '/a', text: '{}' });
    expect(onClose).toHaveBeenCalledExactlyOnceWith();
    unsubscribe();
    ipcRenderer.emit(EventChannel.menuCommand, ipcEvent, 'open');
    expect(onCommand).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(EventChannel.menuCommand)).toBe(0);
    expect(ipcRenderer.listenerCount(EventChannel.openFile)).toBe(1);
  });
});
