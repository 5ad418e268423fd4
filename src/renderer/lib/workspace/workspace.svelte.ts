import { untrack } from 'svelte';
import { parseScenarioText, type Scenario } from '../../../scenario';
import type { DesktopApi, OpenedFile } from '../../../shared/ipc';
import { ScenarioDocument } from '../document.svelte';
import { newScenario } from '../new-scenario';
import type { Results } from '../results';
import { Drafts } from './drafts.svelte';
import { Exports } from './exports';
import { Preferences } from './preferences.svelte';
import type { RangesService } from '../uncertainty/ranges';
import { LiveRanges } from './ranges.svelte';
import { OnDemand } from './on-demand.svelte';
import type { CompareService } from '../compare/compare';
import type { LawComparison } from '../../../scenario/across-laws';
import type { Sensitivity } from '../../../scenario/sensitivity';
import { LiveResults } from './results.svelte';
import { StatusLine } from './status.svelte';
import { UnsavedQuestion } from './unsaved.svelte';
import { UserGpus } from './user-gpus';

/** What the workspace asks of the desktop shell (or of the browser standing in for it). */
export type WorkspaceApi = Pick<
  DesktopApi,
  | 'getPreferences'
  | 'setPreferences'
  | 'listDrafts'
  | 'setDraft'
  | 'clearDraft'
  | 'openScenario'
  | 'openDroppedFile'
  | 'saveScenario'
  | 'saveScenarioAs'
  | 'exportResults'
>;

export interface WorkspaceOptions {
  /** How results are computed (the engine, by default). */
  readonly compute?: (scenario: Scenario) => Results;
  /** How the ranges over the law's uncertainty are computed (a Web Worker in the app); none without. */
  readonly ranges?: RangesService;
  /** How the scenario under every law, and its sensitivity, are computed (a Web Worker in the app). */
  readonly comparisons?: {
    readonly laws: CompareService<LawComparison>;
    readonly sensitivity: CompareService<Sensitivity>;
  };
  /** How long edits settle before a draft is written. */
  readonly draftDelayMs?: number;
}

/**
 * The app's state and commands, independent of any component: the open document and its file
 * commands, over one module per concern (results, drafts, preferences and the user's GPUs,
 * exports, the status line, the unsaved-changes question). Components only render it; App.svelte's effects
 * call `recompute` and `scheduleDraft` after every edit.
 */
export class Workspace {
  readonly status = new StatusLine();
  readonly preferences: Preferences;
  readonly live: LiveResults;
  readonly ranges: LiveRanges;
  /** Computed only while their panels are open (see OnDemand). */
  readonly laws: OnDemand<LawComparison>;
  readonly sensitivity: OnDemand<Sensitivity>;
  readonly drafts: Drafts;
  readonly unsaved = new UnsavedQuestion();
  readonly doc: ScenarioDocument;
  readonly gpus: UserGpus;
  readonly exports: Exports;

  constructor(
    private readonly api: WorkspaceApi,
    options: WorkspaceOptions = {},
  ) {
    this.preferences = new Preferences(api, this.status);
    this.live = new LiveResults(options.compute);
    this.ranges = new LiveRanges(options.ranges ?? null);
    this.laws = new OnDemand(options.comparisons?.laws ?? null);
    this.sensitivity = new OnDemand(options.comparisons?.sensitivity ?? null);
    this.drafts = new Drafts(api, options.draftDelayMs);
    this.doc = new ScenarioDocument(newScenario(this.preferences.current), null, {
      library: () => this.preferences.current.customGpus,
    });
    this.gpus = new UserGpus(this.doc, this.preferences);
    this.exports = new Exports(api, this.status, this.live, () => this.doc.title, this.ranges, {
      laws: this.laws,
      sensitivity: this.sensitivity,
    });
  }

  async start(): Promise<void> {
    await this.preferences.load();
    this.replaceDocument(newScenario(this.preferences.current), null);
    await this.status.guard('Looking for unsaved work', () => this.drafts.load());
  }

  /** Recomputes after every edit; the engine's refusals become a message, never a blank chart. */
  recompute(): void {
    this.live.follow(this.doc.result);
    this.followRanges();
  }

  /** The ranges follow the results on screen, which change because of the caller, not before it. */
  private followRanges(): void {
    untrack(() => this.ranges.follow(this.live.results));
  }

  /** Keeps a draft of unsaved work for crash recovery, and clears it once nothing is unsaved. */
  scheduleDraft(): void {
    this.drafts.schedule(this.doc, this.live.results?.scenario);
  }

  /** Restores a draft on offer into the open document, which from then on keeps it as its draft. */
  recoverDraft(id: string): void {
    const recovered = this.drafts.take(id);
    if (!recovered) return;
    if (!recovered.ok) {
      this.status.report('error', 'The recovered draft could not be read; it was discarded.');
      return;
    }
    const { scenario, path, form } = recovered;
    this.replaceDocument(scenario, path, { dirty: true, form });
    // Fields that do not make a scenario yet leave the results to the draft's last valid one.
    if (form) this.live.show(scenario);
    this.followRanges();
  }

  /**
   * Puts another document on screen with its own results: those of the previous one are dropped
   * first, so a document the engine refuses shows the reason and no one else's numbers.
   */
  private replaceDocument(...load: Parameters<ScenarioDocument['load']>): void {
    this.doc.load(...load);
    this.live.reset();
    this.recompute();
  }

  /** Asks what to do with unsaved changes; true when it is fine to replace the document. */
  async readyToReplace(): Promise<boolean> {
    if (!this.doc.dirty) return true;
    const choice = await this.unsaved.ask();
    if (choice === 'cancel') return false;
    return choice === 'discard' || (await this.save());
  }

  async newDocument(): Promise<void> {
    if (!(await this.readyToReplace())) return;
    this.replaceDocument(newScenario(this.preferences.current), null);
    this.drafts.startDocument();
  }

  async open(): Promise<void> {
    if (!(await this.readyToReplace())) return;
    await this.status.guard('Open', async () => {
      const file = await this.api.openScenario();
      if (file) this.loadFile(file);
    });
  }

  async openGiven(file: OpenedFile): Promise<void> {
    if (await this.readyToReplace()) this.loadFile(file);
  }

  async openDropped(file: File): Promise<void> {
    if (!(await this.readyToReplace())) return;
    await this.status.guard('Open', async () => this.loadFile(await this.api.openDroppedFile(file)));
  }

  /** Loads a file's text, or says precisely why not, leaving the current document untouched. */
  loadFile(file: OpenedFile): void {
    const parsed = parseScenarioText(file.text);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
      this.status.report(
        'error',
        `${file.path} was not opened: ${first?.path ? `${first.path}: ` : ''}${first?.message}${more}`,
      );
      return;
    }
    this.replaceDocument(parsed.scenario, file.path);
    this.drafts.startDocument();
    this.status.report('info', `Opened ${file.path}`);
  }

  /** Saves in place (or asks where); true once the document is safely on disk. */
  async save(saveAs = false): Promise<boolean> {
    const scenario = this.validScenario('save');
    if (!scenario) return false;
    const done = await this.status.guard('Save', async () => {
      const request = { path: this.doc.path, scenario };
      const saved = saveAs ? await this.api.saveScenarioAs(request) : await this.api.saveScenario(request);
      if (!saved) return false;
      if ('reloaded' in saved) {
        // The file had changed on disk and the user chose its version over this one.
        this.loadFile(saved.reloaded);
        return false;
      }
      this.doc.markSaved(saved.path);
      this.drafts.clear();
      this.status.report('info', `Saved ${saved.path}`);
      return true;
    });
    return done ?? false;
  }

  private validScenario(action: string): Scenario | undefined {
    const result = this.doc.result;
    if (result.ok) return result.scenario;
    const first = result.issues[0];
    this.status.report('error', `Cannot ${action} yet: ${first?.path}: ${first?.message}`);
    return undefined;
  }
}
