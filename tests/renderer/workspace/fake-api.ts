import type {
  Draft,
  DraftRequest,
  DraftWriteResult,
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
  /** The drafts on offer at start. */
  stored: Draft[] = [];
  readonly drafts: DraftRequest[] = [];
  /** The ids of the drafts cleared, in order. */
  readonly cleared: string[] = [];
  /** What the next draft writes answer, as the host would when the disk is full. */
  draftFailure: string | null = null;
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
  async listDrafts(): Promise<Draft[]> {
    this.check('listDrafts');
    return this.stored;
  }
  async setDraft(draft: DraftRequest): Promise<DraftWriteResult> {
    this.check('setDraft');
    if (this.draftFailure !== null) return { ok: false, reason: this.draftFailure };
    this.drafts.push(draft);
    return { ok: true };
  }
  async clearDraft(id: string): Promise<void> {
    this.cleared.push(id);
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
