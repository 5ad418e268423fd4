/**
 * Exposes DesktopApi as `window.tradeoff`. Runs sandboxed and context-isolated: the page gets
 * these functions only, never ipcRenderer, and each function talks on one fixed channel.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  EventChannel,
  InvokeChannel,
  type DesktopApi,
  type InvokeArgs,
  type MenuCommand,
  type OpenedFile,
  type PreferencesNotice,
  type Reply,
  type Unsubscribe,
} from '../../src/shared/ipc';

/** Arguments and results are typed by the contract (InvokeContract) that main's handlers serve. */
function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Reply<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<Reply<C>>;
}

function subscribe<T>(channel: EventChannel, callback: (payload: T) => void): Unsubscribe {
  // The IPC event (and its `sender`) is withheld from the page.
  const listener = (_event: IpcRendererEvent, payload: T): void => callback(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const api: DesktopApi = {
  openScenario: () => invoke(InvokeChannel.openScenario),
  openRecentFile: (path) => invoke(InvokeChannel.openRecentFile, path),
  // The path is looked up here, from a real dropped File: the page cannot name a file itself.
  openDroppedFile: (file) => invoke(InvokeChannel.openDroppedFile, webUtils.getPathForFile(file)),
  getPathForFile: (file) => webUtils.getPathForFile(file),
  saveScenario: (request) => invoke(InvokeChannel.saveScenario, request),
  saveScenarioAs: (request) => invoke(InvokeChannel.saveScenarioAs, request),
  exportResults: (request) => invoke(InvokeChannel.exportResults, request),
  getPreferences: () => invoke(InvokeChannel.getPreferences),
  setPreferences: (patch) => invoke(InvokeChannel.setPreferences, patch),
  getRecentFiles: () => invoke(InvokeChannel.getRecentFiles),
  listDrafts: () => invoke(InvokeChannel.listDrafts),
  setDraft: (draft) => invoke(InvokeChannel.setDraft, draft),
  clearDraft: (id) => invoke(InvokeChannel.clearDraft, id),
  setDocumentState: (state) => invoke(InvokeChannel.setDocumentState, state),
  confirmClose: (proceed) => invoke(InvokeChannel.confirmClose, proceed),
  openExternal: (url) => invoke(InvokeChannel.openExternal, url),
  openRuns: () => invoke(InvokeChannel.openRuns),
  openDroppedRuns: (file) => invoke(InvokeChannel.openDroppedRuns, webUtils.getPathForFile(file)),
  onMenuCommand: (callback) => subscribe<MenuCommand>(EventChannel.menuCommand, callback),
  onOpenFile: (callback) => subscribe<OpenedFile>(EventChannel.openFile, callback),
  onCloseRequested: (callback) => subscribe<undefined>(EventChannel.closeRequested, () => callback()),
  onPreferencesNotice: (callback) => subscribe<PreferencesNotice>(EventChannel.preferencesNotice, callback),
};

contextBridge.exposeInMainWorld('tradeoff', api);
