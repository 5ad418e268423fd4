import type { DemandKind, GpuDefinition, Scenario, ScenarioIssue, TargetKind } from '../../scenario';
import { demandFieldsForKind, targetFieldsForKind } from './entry-conversion';
import { baseName } from '../../shared/documents';
import { formFromScenario, scenarioFromForm, type ScenarioForm } from './form';

/**
 * The open scenario: what the user typed, where it lives, and whether it has unsaved changes.
 * Validation and dirtiness are derived, never stored, so they cannot drift from the form.
 */
export class ScenarioDocument {
  form: ScenarioForm = $state() as ScenarioForm;
  path: string | null = $state(null);
  #savedForm = $state('');

  /** The user's own GPUs (preferences): the form may name them, the scenario then carries them. */
  readonly #library: () => readonly GpuDefinition[] = () => [];
  readonly result = $derived(scenarioFromForm(this.form, this.#library()));
  readonly issues: readonly ScenarioIssue[] = $derived(this.result.ok ? [] : this.result.issues);
  readonly dirty = $derived(JSON.stringify(this.form) !== this.#savedForm);
  readonly title = $derived(this.path ? baseName(this.path) : this.form.name.trim() || 'Untitled scenario');

  constructor(
    scenario: Scenario,
    path: string | null = null,
    options: { dirty?: boolean; library?: () => readonly GpuDefinition[] } = {},
  ) {
    if (options.library) this.#library = options.library;
    this.load(scenario, path, options);
  }

  /**
   * Replaces the document; a recovered draft stays dirty until it is saved, and may bring the
   * fields as they were typed (`form`) when they did not make a valid scenario yet.
   */
  load(
    scenario: Scenario,
    path: string | null,
    { dirty = false, form }: { dirty?: boolean; form?: ScenarioForm } = {},
  ): void {
    this.form = form ?? formFromScenario(scenario);
    this.path = path;
    this.#savedForm = dirty ? '' : JSON.stringify(this.form);
  }

  markSaved(path: string): void {
    this.path = path;
    this.#savedForm = JSON.stringify(this.form);
  }

  /** Switches how the target is entered; its values carry over (same loss), see entry-conversion.ts. */
  setTargetKind(kind: TargetKind): void {
    this.form.target = targetFieldsForKind(this.form, kind);
    this.form.targetKind = kind;
  }

  /** Switches how the demand is entered; its values carry over (same token totals). */
  setDemandKind(kind: DemandKind): void {
    this.form.demand = demandFieldsForKind(this.form, kind);
    this.form.demandKind = kind;
  }

  /** Every GPU the form may name besides the presets: the scenario's own, then the user's. */
  customGpus(): GpuDefinition[] {
    const own = this.form.gpus;
    return [...own, ...this.#library().filter((gpu) => !own.some((mine) => mine.id === gpu.id))];
  }

  /** Messages for exactly this JSON path. */
  issuesAt(path: string): string[] {
    return this.issues.filter((issue) => issue.path === path).map((issue) => issue.message);
  }
}
