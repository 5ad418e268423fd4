import type {
  Draft,
  DraftRequest,
  ExportRequest,
  OpenedFile,
  PreferencesPatch,
  SaveReply,
  SaveScenarioRequest,
  SavedFile,
  UserPreferences,
} from '../../../src/shared/ipc';
import type { WorkspaceApi } from '../../../src/renderer/lib/workspace/workspace.svelte';
import { INITIAL_PREFERENCES } from '../../../src/renderer/lib/workspace/preferences.svelte';

/**
 * The desktop shell as the workspace sees it, in memory: stored preferences and draft, scripted
 * answers to the file dialogs, and a record of what was asked.
 */
export class FakeApi implements WorkspaceApi {
  preferences: UserPreferences = INITIAL_PREFERENCES;
  draft: Draft | null = null;
  readonly drafts: DraftRequest[] = [];
  draftsCleared = 0;
  /** What the Open dialog answers; null cancels. */
  nextOpen: OpenedFile | null = null;
  /** Where the Save dialogs save; null cancels. */
  saveAnswer: string | null = 'plan.tradeoff.json';
  /** The file on disk Save reads back instead of writing (the user chose Reload from Disk). */
  reloadOnSave: OpenedFile | null = null;
  readonly saves: (SaveScenarioRequest & { as: boolean })[] = [];
  readonly exports: ExportRequest[] = [];
  /** Makes the next call of that name reject with this message. */
  failing: Partial<Record<keyof WorkspaceApi, string>> = {};

  private check(name: keyof WorkspaceApi): void {
    const message = this.failing[name];
    if (message) throw new Error(message);
  }

  async getPreferences(): Promise<UserPreferences> {
    this.check('getPreferences');
    return this.preferences;
  }
  async setPreferences(patch: PreferencesPatch): Promise<UserPreferences> {
    this.check('setPreferences');
    this.preferences = { ...this.preferences, ...patch };
    return this.preferences;
  }
  async getDraft(): Promise<Draft | null> {
    return this.draft;
  }
  async setDraft(draft: DraftRequest): Promise<void> {
    this.check('setDraft');
    this.drafts.push(draft);
  }
  async clearDraft(): Promise<void> {
    this.draftsCleared += 1;
  }
  async openScenario(): Promise<OpenedFile | null> {
    this.check('openScenario');
    return this.nextOpen;
  }
  async openDroppedFile(file: File): Promise<OpenedFile> {
    this.check('openDroppedFile');
    return { path: file.name, text: await file.text() };
  }
  async saveScenario(request: SaveScenarioRequest): Promise<SaveReply> {
    if (this.reloadOnSave) return { reloaded: this.reloadOnSave };
    return this.saveFile(request, false);
  }
  async saveScenarioAs(request: SaveScenarioRequest): Promise<SavedFile | null> {
    return this.saveFile(request, true);
  }
  async exportResults(request: ExportRequest): Promise<SavedFile | null> {
    this.check('exportResults');
    this.exports.push(request);
    return { path: `${request.suggestedName}.${request.kind}` };
  }

  private saveFile(request: SaveScenarioRequest, as: boolean): SavedFile | null {
    this.check(as ? 'saveScenarioAs' : 'saveScenario');
    this.saves.push({ ...request, as });
    const path = as || request.path === null ? this.saveAnswer : request.path;
    return path === null ? null : { path };
  }
}
