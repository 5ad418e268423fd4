import { ScienceError } from '../../../model';
import type { Scenario, ScenarioResult } from '../../../scenario';
import { computeResults, type Results } from '../results';

/**
 * The results on screen: the newest the engine could compute for the open document, kept while
 * its form is invalid or the engine refuses it, so the charts never blank; the engine's refusal
 * becomes a message. Results never outlive their document (see `reset`), and only results of the
 * form as it is now are exported.
 */
export class LiveResults {
  /** Replaced whole, never changed in place; raw, as results are large and never edited. */
  results: Results | null = $state.raw(null);
  /** Why the current form has no fresh results, when the engine (not the validator) refused it. */
  error: string | null = $state(null);
  /** True while `results` are those of the form as it is now (not of an earlier, valid version). */
  current = $state(false);

  constructor(private readonly compute: (scenario: Scenario) => Results = computeResults) {}

  /** Follows the form: a valid scenario is computed, an invalid one leaves the last results up. */
  follow(result: ScenarioResult): void {
    if (result.ok) this.show(result.scenario);
    else this.current = false;
  }

  /** Computes and shows the results of `scenario`, or says why the engine refused it. */
  show(scenario: Scenario): void {
    try {
      this.results = this.compute(scenario);
      this.error = null;
      this.current = true;
    } catch (error) {
      if (!(error instanceof ScienceError)) throw error;
      this.error = error.message;
      this.current = false;
    }
  }

  /** Another document replaces the open one: nothing computed so far belongs to it. */
  reset(): void {
    this.results = null;
    this.error = null;
    this.current = false;
  }

  /** What Export writes: the results of the form as it is now, or null (exports are disabled). */
  get exportable(): Results | null {
    return this.current ? this.results : null;
  }
}
