/**
 * The main-process side of DesktopApi. Every request is checked twice before any work: it must
 * come from the app's own top-level page, and its payload must have exactly the expected shape.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { SCENARIO_EXTENSION, serializeScenario, type Scenario } from '../../src/scenario';
import {
  checkScenarioFileName,
  EXPORT_FILE_TYPES,
  exportFileName,
  SCENARIO_FILE_TYPE,
  scenarioFileName,
  withExtension,
  type FileType,
} from '../../src/shared/documents';
import {
  InvokeChannel,
  type Draft,
  type OpenedFile,
  type SavedFile,
  type UserPreferences,
} from '../../src/shared/ipc';
import * as payloads from '../../src/shared/payloads';
import { PayloadError } from '../../src/shared/payloads';
import { checkPreferencesPatch } from '../../src/shared/preferences';
import type { CloseGuard } from './close-guard';
import type { Documents } from './documents';
import type { Drafts } from './drafts';
import { writeFileAtomic } from './files';
import type { AppOrigin } from './origin';
import type { Preferences } from './preferences';
import { openExternalSafely } from './security';

export interface IpcDependencies {
  readonly origin: AppOrigin;
  readonly documents: Documents;
  readonly preferences: Preferences;
  readonly drafts: Drafts;
  readonly closeGuard: CloseGuard;
}

type Handler = (payload: unknown, win: BrowserWindow) => unknown;

class UntrustedSenderError extends Error {
  constructor(url: string) {
    super(`Refused IPC from a page that is not the app: ${url || '(no frame)'}`);
    this.name = 'UntrustedSenderError';
  }
}

export function registerIpcHandlers(deps: IpcDependencies): void {
  const handlers = createHandlers(deps);
  for (const channel of Object.values(InvokeChannel)) {
    const handler = handlers[channel];
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const win = trustedWindow(event, deps.origin);
      if (args.length > 1) throw new PayloadError(channel, 'expected at most one argument');
      return handler(args[0], win);
    });
  }
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

function filters({ description, extension }: FileType): FileFilter[] {
  return [{ name: description, extensions: [extension.slice(1)] }];
}

function createHandlers({
  documents,
  preferences,
  drafts,
  closeGuard,
}: IpcDependencies): Record<InvokeChannel, Handler> {
  async function writeScenario(target: string, scenario: Scenario): Promise<SavedFile> {
    await writeFileAtomic(target, serializeScenario(scenario));
    return { path: documents.grant(target) };
  }

  async function saveAs(
    win: BrowserWindow,
    current: string | null,
    scenario: Scenario,
  ): Promise<SavedFile | null> {
    const defaultPath =
      current && documents.isGranted(current)
        ? current
        : path.join(app.getPath('documents'), scenarioFileName(scenario.name));
    const choice = await dialog.showSaveDialog(win, { defaultPath, filters: filters(SCENARIO_FILE_TYPE) });
    if (choice.canceled || !choice.filePath) return null;
    return writeScenario(withExtension(choice.filePath, SCENARIO_EXTENSION), scenario);
  }

  return {
    async [InvokeChannel.openScenario](payload, win): Promise<OpenedFile | null> {
      payloads.noPayload(payload, 'openScenario');
      const choice = await dialog.showOpenDialog(win, {
        properties: ['openFile'],
        filters: filters(SCENARIO_FILE_TYPE),
      });
      const chosen = choice.filePaths[0];
      return choice.canceled || !chosen ? null : documents.open(chosen);
    },
    [InvokeChannel.openRecentFile](payload): Promise<OpenedFile> {
      const filePath = payloads.filePath(payload, 'openRecentFile');
      if (!preferences.hasRecentFile(filePath)) throw new PayloadError('openRecentFile', 'not a recent file');
      return documents.open(filePath);
    },
    [InvokeChannel.openDroppedFile](payload): Promise<OpenedFile> {
      const filePath = payloads.filePath(payload, 'openDroppedFile');
      checkScenarioFileName(path.basename(filePath));
      return documents.open(filePath);
    },
    async [InvokeChannel.saveScenario](payload, win): Promise<SavedFile | null> {
      const { path: target, scenario } = payloads.saveScenarioRequest(payload, 'saveScenario');
      if (target === null) return saveAs(win, null, scenario);
      if (!documents.isGranted(target)) {
        throw new Error(
          `${path.basename(target)} was not opened in this session; use Save As to choose a location`,
        );
      }
      return writeScenario(target, scenario);
    },
    async [InvokeChannel.saveScenarioAs](payload, win): Promise<SavedFile | null> {
      const { path: current, scenario } = payloads.saveScenarioRequest(payload, 'saveScenarioAs');
      return saveAs(win, current, scenario);
    },
    async [InvokeChannel.exportResults](payload, win): Promise<SavedFile | null> {
      const { suggestedName, content, kind } = payloads.exportRequest(payload, 'exportResults');
      const type = EXPORT_FILE_TYPES[kind];
      const defaultPath = path.join(app.getPath('documents'), exportFileName(suggestedName, kind));
      const choice = await dialog.showSaveDialog(win, { defaultPath, filters: filters(type) });
      if (choice.canceled || !choice.filePath) return null;
      const target = withExtension(choice.filePath, type.extension);
      await writeFileAtomic(target, content);
      return { path: target };
    },
    [InvokeChannel.getPreferences](payload): UserPreferences {
      payloads.noPayload(payload, 'getPreferences');
      return preferences.user();
    },
    [InvokeChannel.setPreferences](payload): UserPreferences {
      return preferences.updateUser(checkPreferencesPatch(payload, 'setPreferences'));
    },
    [InvokeChannel.getRecentFiles](payload): string[] {
      payloads.noPayload(payload, 'getRecentFiles');
      return [...preferences.recentFiles()];
    },
    async [InvokeChannel.getDraft](payload): Promise<Draft | null> {
      payloads.noPayload(payload, 'getDraft');
      const draft = await drafts.load();
      // The path was checked when the draft was written, so saving back to it stays allowed.
      if (draft?.path) documents.allow(draft.path);
      return draft;
    },
    async [InvokeChannel.setDraft](payload): Promise<void> {
      const { path: filePath, scenario, form } = payloads.draftRequest(payload, 'setDraft');
      if (filePath !== null && !documents.isGranted(filePath)) {
        throw new PayloadError('setDraft', 'the path is not an open document');
      }
      await drafts.save({
        path: filePath,
        text: serializeScenario(scenario),
        ...(form === undefined ? {} : { form }),
      });
    },
    [InvokeChannel.clearDraft](payload): Promise<void> {
      payloads.noPayload(payload, 'clearDraft');
      return drafts.clear();
    },
    [InvokeChannel.setDocumentState](payload, win): void {
      closeGuard.setDocumentState(win, payloads.documentState(payload, 'setDocumentState'));
    },
    [InvokeChannel.confirmClose](payload, win): void {
      closeGuard.confirmClose(win, payloads.flag(payload, 'confirmClose'));
    },
    [InvokeChannel.openExternal](payload): Promise<void> {
      return openExternalSafely(payloads.url(payload, 'openExternal'));
    },
  };
}
