import { ScienceError } from '../../../model';
import type { Scenario, ScenarioResult } from '../../../scenario';
import { computeResults, type Results } from '../results';

/**
 * The results on screen: the newest the engine could compute, kept while the form is invalid or
 * the engine refuses it, so the charts never blank; the engine's refusal becomes a message.
 */
export class LiveResults {
  /** Replaced whole, never changed in place; raw, as results are large and never edited. */
  results: Results | null = $state.raw(null);
  /** Why the current form has no fresh results, when the engine (not the validator) refused it. */
  error: string | null = $state(null);

  constructor(private readonly compute: (scenario: Scenario) => Results = computeResults) {}

  /** Follows the form: a valid scenario is computed, an invalid one leaves the last results up. */
  follow(result: ScenarioResult): void {
    if (result.ok) this.show(result.scenario);
  }

  /** Computes and shows the results of `scenario`, or says why the engine refused it. */
  show(scenario: Scenario): void {
    try {
      this.results = this.compute(scenario);
      this.error = null;
    } catch (error) {
      if (!(error instanceof ScienceError)) throw error;
      this.error = error.message;
    }
  }
}
