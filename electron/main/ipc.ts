/**
 * The main-process side of DesktopApi. Every request is checked twice before any work: it must
 * come from the app's own top-level page, and its payload must pass its channel's check in the
 * shared contract (PAYLOAD_VALIDATORS in src/shared/ipc.ts). Then one handler per channel runs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { serializeScenario } from '../../src/scenario';
import {
  checkScenarioFileName,
  EXPORT_FILE_TYPES,
  exportFileName,
  SCENARIO_FILE_TYPE,
  withExtension,
} from '../../src/shared/documents';
import {
  InvokeChannel,
  PAYLOAD_VALIDATORS,
  PayloadError,
  requestName,
  type Payload,
  type Reply,
} from '../../src/shared/ipc';
import type { CloseGuard } from './close-guard';
import type { Documents } from './documents';
import type { Drafts } from './drafts';
import { fileFilters } from './file-filters';
import { ScenarioSaver } from './scenario-saver';
import { writeFileAtomic } from '../../src/files/write-file-atomic';
import type { AppOrigin } from './origin';
import type { Preferences } from './preferences';
import { chooseRunsFile, openDroppedRunsFile } from './runs-files';
import { openExternalSafely } from './security';

export interface IpcDependencies {
  readonly origin: AppOrigin;
  readonly documents: Documents;
  readonly preferences: Preferences;
  readonly drafts: Drafts;
  readonly closeGuard: CloseGuard;
}

/** Serves one channel with its checked payload, for the window that asked. */
type Handler<C extends InvokeChannel> = (
  payload: Payload<C>,
  win: BrowserWindow,
) => Reply<C> | Promise<Reply<C>>;

/** One handler per channel of the contract: leaving one out does not compile. */
export type IpcHandlers = { readonly [C in InvokeChannel]: Handler<C> };

class UntrustedSenderError extends Error {
  constructor(url: string) {
    super(`Refused IPC from a page that is not the app: ${url || '(no frame)'}`);
    this.name = 'UntrustedSenderError';
  }
}

export function registerIpcHandlers(deps: IpcDependencies): void {
  const handlers = createHandlers(deps);
  for (const channel of Object.values(InvokeChannel)) register(channel, handlers, deps.origin);
}

function register<C extends InvokeChannel>(channel: C, handlers: IpcHandlers, origin: AppOrigin): void {
  const handler: Handler<C> = handlers[channel];
  const validate = PAYLOAD_VALIDATORS[channel];
  const request = requestName(channel);
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    const win = trustedWindow(event, origin);
    if (args.length > 1) throw new PayloadError(request, 'expected at most one argument');
    return handler(validate(args[0], request), win);
  });
}

/** Only the top-level frame of our own page may call; iframes and foreign pages are refused. */
function trustedWindow(event: IpcMainInvokeEvent, origin: AppOrigin): BrowserWindow {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !origin.owns(frame.url)) {
    throw new UntrustedSenderError(frame?.url ?? '');
  }
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win) throw new UntrustedSenderError(frame.url);
  return win;
}

function createHandlers({ documents, preferences, drafts, closeGuard }: IpcDependencies): IpcHandlers {
  const saver = new ScenarioSaver(documents, (win) => closeGuard.isDirty(win));

  return {
    async [InvokeChannel.openScenario](_payload, win) {
      const choice = await dialog.showOpenDialog(win, {
        properties: ['openFile'],
        filters: fileFilters(SCENARIO_FILE_TYPE),
      });
      const chosen = choice.filePaths[0];
      return choice.canceled || !chosen ? null : documents.open(chosen, win);
    },
    [InvokeChannel.openRecentFile](filePath, win) {
      if (!preferences.hasRecentFile(filePath)) throw new PayloadError('openRecentFile', 'not a recent file');
      return documents.open(filePath, win);
    },
    [InvokeChannel.openDroppedFile](filePath, win) {
      checkScenarioFileName(path.basename(filePath));
      return documents.open(filePath, win);
    },
    [InvokeChannel.saveScenario]({ path: target, scenario }, win) {
      return saver.save(win, target, scenario);
    },
    [InvokeChannel.saveScenarioAs]({ path: current, scenario }, win) {
      return saver.saveAs(win, current, scenario);
    },
    async [InvokeChannel.exportResults]({ suggestedName, content, kind }, win) {
      const type = EXPORT_FILE_TYPES[kind];
      const defaultPath = path.join(app.getPath('documents'), exportFileName(suggestedName, kind));
      const choice = await dialog.showSaveDialog(win, { defaultPath, filters: fileFilters(type) });
      if (choice.canceled || !choice.filePath) return null;
      const target = withExtension(choice.filePath, type.extension);
      await writeFileAtomic(target, content);
      return { path: target };
    },
    [InvokeChannel.getPreferences]() {
      return preferences.user();
    },
    [InvokeChannel.setPreferences](patch) {
      return preferences.updateUser(patch);
    },
    [InvokeChannel.getRecentFiles]() {
      return [...preferences.recentFiles()];
    },
    async [InvokeChannel.listDrafts]() {
      const list = await drafts.list();
      // Each path was checked when its draft was written, so saving back to it stays allowed.
      for (const draft of list) if (draft.path) documents.allow(draft.path);
      return list;
    },
    [InvokeChannel.setDraft]({ id, path: filePath, scenario, form }) {
      if (filePath !== null && !documents.isGranted(filePath)) {
        throw new PayloadError('setDraft', 'the path is not an open document');
      }
      return drafts.write(id, {
        path: filePath,
        text: serializeScenario(scenario),
        ...(form === undefined ? {} : { form }),
      });
    },
    [InvokeChannel.clearDraft](id) {
      return drafts.clear(id);
    },
    [InvokeChannel.setDocumentState](state, win) {
      closeGuard.setDocumentState(win, state);
    },
    [InvokeChannel.confirmClose](proceed, win) {
      closeGuard.confirmClose(win, proceed);
    },
    [InvokeChannel.openExternal](url) {
      return openExternalSafely(url);
    },
    [InvokeChannel.openRuns](_payload, win) {
      return chooseRunsFile(win);
    },
    [InvokeChannel.openDroppedRuns](filePath) {
      return openDroppedRunsFile(filePath);
    },
  };
}
