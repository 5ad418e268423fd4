import { ScienceError, supportedDtype, type GpuDefinition } from '../../model';
import { markdownReport } from '../../report/markdown';
import { solutionCsv } from '../../report/solution-report';
import { MAX_SCENARIO_BYTES, parseScenarioText, type Scenario } from '../../scenario';
import type { DesktopApi, Draft, OpenedFile, PreferencesPatch, UserPreferences } from '../../shared/ipc';
import { ScenarioDocument } from './document.svelte';
import { namesGpu, removalPatch, replaceGpu, withGpu } from './custom-gpus';
import { formFromScenario, pickGpu, type ScenarioForm } from './form';
import { restoreForm } from './form-restore';
import { newScenario } from './new-scenario';
import { computeResults, type Results } from './results';

/** How long edits settle before the crash-safety draft is written. */
const DRAFT_DELAY_MS = 400;

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** The fields as typed that a draft kept over its scenario, when it kept any that still parse. */
function typedForm(scenario: Scenario, form: string | undefined): ScenarioForm | undefined {
  if (form === undefined) return undefined;
  try {
    return restoreForm(formFromScenario(scenario), JSON.parse(form));
  } catch {
    return undefined;
  }
}

/**
 * The app's state and commands, independent of any component: the open document, the last good
 * results, the recovered draft on offer, and what to tell the user. Components only render it.
 */
export class Workspace {
  readonly doc: ScenarioDocument;
  /**
   * Replaced whole, never changed in place; raw, so its GPUs stay plain objects that can be cloned
   * into a scenario or sent to the main process (a deep $state proxy cannot be).
   */
  preferences: UserPreferences = $state.raw({
    theme: 'system',
    defaultLaw: null,
    defaultHardware: null,
    customGpus: [],
  });
  /** The newest results that could be computed; kept while the form is invalid so charts never blank. */
  results: Results | null = $state.raw(null);
  /** Why the current form has no fresh results, when the engine (not the validator) refused it. */
  computeError: string | null = $state(null);
  status: { kind: 'info' | 'error'; text: string } | null = $state(null);
  recoverableDraft: Draft | null = $state(null);
  /** Set while the unsaved-changes question is on screen. */
  unsavedPrompt: { resolve: (choice: UnsavedChoice) => void } | null = $state(null);
  #draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly api: DesktopApi) {
    this.doc = new ScenarioDocument(newScenario(this.preferences), null, {
      library: () => this.preferences.customGpus,
    });
  }

  async start(): Promise<void> {
    this.preferences = await this.api.getPreferences();
    this.doc.load(newScenario(this.preferences), null);
    this.recoverableDraft = await this.api.getDraft();
  }

  /** Recomputes after every edit; the engine's refusals become a message, never a blank chart. */
  recompute(): void {
    const result = this.doc.result;
    if (result.ok) this.show(result.scenario);
  }

  /** Computes and shows the results of `scenario`, or says why the engine refused it. */
  private show(scenario: Scenario): void {
    try {
      this.results = computeResults(scenario);
      this.computeError = null;
    } catch (error) {
      if (!(error instanceof ScienceError)) throw error;
      this.computeError = error.message;
    }
  }

  /**
   * Keeps a draft of unsaved work for crash recovery, and clears it once nothing is unsaved. While
   * the fields do not make a valid scenario, the draft holds them as typed beside the last valid one.
   */
  scheduleDraft(): void {
    clearTimeout(this.#draftTimer);
    const result = this.doc.result;
    const dirty = this.doc.dirty;
    const path = this.doc.path;
    const typed = result.ok ? undefined : JSON.stringify(this.doc.form);
    // Fields as typed beyond what a draft takes are left out rather than losing the whole draft.
    const form = typed !== undefined && typed.length <= MAX_SCENARIO_BYTES ? typed : undefined;
    const scenario = result.ok ? result.scenario : this.results?.scenario;
    this.#draftTimer = setTimeout(() => {
      if (!dirty) void this.api.clearDraft();
      else if (scenario) {
        void this.api
          .setDraft({ path, scenario, ...(form === undefined ? {} : { form }) })
          .catch(() => undefined);
      }
    }, DRAFT_DELAY_MS);
  }

  recoverDraft(): void {
    const draft = this.recoverableDraft;
    this.recoverableDraft = null;
    if (!draft) return;
    const parsed = parseScenarioText(draft.text);
    if (!parsed.ok) {
      this.report('error', 'The recovered draft could not be read; it was discarded.');
      void this.api.clearDraft();
      return;
    }
    const form = typedForm(parsed.scenario, draft.form);
    this.doc.load(parsed.scenario, draft.path, { dirty: true, form });
    // Fields that do not make a scenario yet leave the results to the draft's last valid one.
    if (form) this.show(parsed.scenario);
  }

  discardDraft(): void {
    this.recoverableDraft = null;
    void this.api.clearDraft();
  }

  report(kind: 'info' | 'error', text: string): void {
    this.status = { kind, text };
  }

  /** Asks what to do with unsaved changes; true when it is fine to replace the document. */
  async readyToReplace(): Promise<boolean> {
    if (!this.doc.dirty) return true;
    const choice = await new Promise<UnsavedChoice>((resolve) => (this.unsavedPrompt = { resolve }));
    this.unsavedPrompt = null;
    if (choice === 'cancel') return false;
    return choice === 'discard' || (await this.save());
  }

  async newDocument(): Promise<void> {
    if (!(await this.readyToReplace())) return;
    this.doc.load(newScenario(this.preferences), null);
    void this.api.clearDraft();
  }

  async open(): Promise<void> {
    if (!(await this.readyToReplace())) return;
    await this.guard('Open', async () => {
      const file = await this.api.openScenario();
      if (file) this.loadFile(file);
    });
  }

  async openGiven(file: OpenedFile): Promise<void> {
    if (await this.readyToReplace()) this.loadFile(file);
  }

  async openDropped(file: File): Promise<void> {
    if (!(await this.readyToReplace())) return;
    await this.guard('Open', async () => this.loadFile(await this.api.openDroppedFile(file)));
  }

  /** Loads a file's text, or says precisely why not, leaving the current document untouched. */
  loadFile(file: OpenedFile): void {
    const parsed = parseScenarioText(file.text);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
      this.report(
        'error',
        `${file.path} was not opened: ${first?.path ? `${first.path}: ` : ''}${first?.message}${more}`,
      );
      return;
    }
    this.doc.load(parsed.scenario, file.path);
    this.report('info', `Opened ${file.path}`);
  }

  /** Saves in place (or asks where); true once the document is safely on disk. */
  async save(saveAs = false): Promise<boolean> {
    const scenario = this.validScenario('save');
    if (!scenario) return false;
    const done = await this.guard('Save', async () => {
      const request = { path: this.doc.path, scenario };
      const saved = saveAs ? await this.api.saveScenarioAs(request) : await this.api.saveScenario(request);
      if (!saved) return false;
      this.doc.markSaved(saved.path);
      void this.api.clearDraft();
      this.report('info', `Saved ${saved.path}`);
      return true;
    });
    return done ?? false;
  }

  async exportCsv(): Promise<void> {
    const results = this.results;
    if (!results) return;
    await this.exportContent(
      'csv',
      solutionCsv(results.scenario.name, results.problem.law, results.solution),
    );
  }

  async exportReport(): Promise<void> {
    const results = this.results;
    if (!results) return;
    await this.exportContent('md', markdownReport(results.scenario, results.problem.law, results.solution));
  }

  /**
   * Adds a GPU to the user's own (stored with the preferences) and picks it for `phase`, in a
   * number format it supports.
   */
  async addGpu(gpu: GpuDefinition, phase: 'training' | 'inference'): Promise<void> {
    const stored = await this.setPreference(
      { customGpus: [...this.preferences.customGpus, gpu] },
      `Added ${gpu.label}; it is offered in every scenario.`,
    );
    if (!stored) return;
    const hardware = this.doc.form[phase];
    hardware.accelerator = 'gpu';
    pickGpu(hardware, gpu.id);
    this.fitNumberFormats(gpu);
  }

  /** The user's own GPU (from the preferences) that `phase`'s hardware section has picked, if any. */
  userGpu(phase: 'training' | 'inference'): GpuDefinition | undefined {
    const hardware = this.doc.form[phase];
    if (hardware.accelerator !== 'gpu') return undefined;
    if (!this.preferences.customGpus.some((gpu) => gpu.id === hardware.gpu)) return undefined;
    // The definition this scenario computes with: a copy it carries wins over the preferences'.
    return this.doc.customGpus().find((gpu) => gpu.id === hardware.gpu);
  }

  /**
   * Replaces the definition of one of the user's GPUs (the id stays: scenarios refer to it); the
   * open scenario computes with the new numbers at once.
   */
  async updateGpu(gpu: GpuDefinition): Promise<void> {
    const stored = await this.setPreference(
      { customGpus: replaceGpu(this.preferences.customGpus, gpu) },
      `Updated ${gpu.label}.`,
    );
    if (!stored) return;
    // The scenario takes the new definition as its own whenever it uses or carries the GPU: its
    // copy wins over the preferences', and the change to its results is one to save.
    const form = this.doc.form;
    if (namesGpu(form, gpu.id) || form.gpus.some((mine) => mine.id === gpu.id)) {
      form.gpus = replaceGpu(withGpu(form.gpus, gpu), gpu);
    }
    this.fitNumberFormats(gpu);
  }

  /**
   * Removes one of the user's GPUs. A scenario that names it first takes its definition into its
   * own `gpus`, so it stays valid and nothing the user set up is lost.
   */
  async removeGpu(id: string): Promise<void> {
    const gpu = this.preferences.customGpus.find((mine) => mine.id === id);
    if (!gpu) return;
    const named = namesGpu(this.doc.form, id);
    const carried = this.doc.form.gpus;
    if (named) this.doc.form.gpus = withGpu(carried, gpu);
    const stored = await this.setPreference(
      removalPatch(this.preferences, id),
      named
        ? `Removed ${gpu.label} from your GPUs; this scenario uses it, so it keeps its definition.`
        : `Removed ${gpu.label} from your GPUs.`,
    );
    // Still in the preferences: the scenario goes back to naming it from there.
    if (!stored) this.doc.form.gpus = carried;
  }

  /** Keeps each hardware section that names `gpu` in a number format the GPU has a peak in. */
  private fitNumberFormats(gpu: GpuDefinition): void {
    for (const hardware of [this.doc.form.training, this.doc.form.inference]) {
      if (hardware.gpu === gpu.id) hardware.dtype = supportedDtype(gpu, hardware.dtype);
    }
  }

  /** Stores a preference (theme, default law or GPU for new scenarios) and says so; true once stored. */
  async setPreference(patch: PreferencesPatch, confirmation?: string): Promise<boolean> {
    const stored = await this.guard('Saving the preference', async () => {
      this.preferences = await this.api.setPreferences(patch);
      if (confirmation) this.report('info', confirmation);
      return true;
    });
    return stored ?? false;
  }

  private async exportContent(kind: 'csv' | 'md', content: string): Promise<void> {
    await this.guard('Export', async () => {
      const saved = await this.api.exportResults({ suggestedName: this.fileStem(), content, kind });
      if (saved) this.report('info', `Exported ${saved.path}`);
    });
  }

  /** A file-name-safe stem for exports, from the document's title. */
  fileStem(): string {
    const stem = this.doc.title
      .replace(/\.tradeoff\.json$/i, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return stem || 'scenario';
  }

  private validScenario(action: string): Scenario | undefined {
    const result = this.doc.result;
    if (result.ok) return result.scenario;
    const first = result.issues[0];
    this.report('error', `Cannot ${action} yet: ${first?.path}: ${first?.message}`);
    return undefined;
  }

  /** Runs a file operation, turning a rejection into a message on screen; undefined when it failed. */
  private async guard<T>(action: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.report('error', `${action} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
