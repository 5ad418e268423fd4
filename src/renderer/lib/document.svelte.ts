import type { Scenario, ScenarioIssue } from '../../scenario';
import { formFromScenario, scenarioFromForm, type ScenarioForm } from './form';

/** The file name of a path, for titles; works with / and \ separators. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The open scenario: what the user typed, where it lives, and whether it has unsaved changes.
 * Validation and dirtiness are derived, never stored, so they cannot drift from the form.
 */
export class ScenarioDocument {
  form: ScenarioForm = $state() as ScenarioForm;
  path: string | null = $state(null);
  #savedForm = $state('');

  readonly result = $derived(scenarioFromForm(this.form));
  readonly issues: readonly ScenarioIssue[] = $derived(this.result.ok ? [] : this.result.issues);
  readonly dirty = $derived(JSON.stringify(this.form) !== this.#savedForm);
  readonly title = $derived(this.path ? baseName(this.path) : this.form.name.trim() || 'Untitled scenario');

  constructor(scenario: Scenario, path: string | null = null, options: { dirty?: boolean } = {}) {
    this.load(scenario, path, options);
  }

  /** Replaces the document; a recovered draft stays dirty until it is saved. */
  load(scenario: Scenario, path: string | null, { dirty = false }: { dirty?: boolean } = {}): void {
    this.form = formFromScenario(scenario);
    this.path = path;
    this.#savedForm = dirty ? '' : JSON.stringify(this.form);
  }

  markSaved(path: string): void {
    this.path = path;
    this.#savedForm = JSON.stringify(this.form);
  }

  /** Messages for exactly this JSON path. */
  issuesAt(path: string): string[] {
    return this.issues.filter((issue) => issue.path === path).map((issue) => issue.message);
  }
}
