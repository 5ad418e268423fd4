import { serializeScenario } from '../../../scenario';
import type { CompareService } from '../compare/compare';
import type { Results } from '../results';

/** A comparison of the results on screen, each state naming the results it belongs to. */
export type OnDemandState<T> =
  /** Never asked for these results (the panel is closed), or no worker to compute with. */
  | { readonly kind: 'off' }
  | { readonly kind: 'computing'; readonly results: Results }
  | { readonly kind: 'ready'; readonly results: Results; readonly value: T }
  | { readonly kind: 'failed'; readonly results: Results; readonly message: string };

/**
 * A slow comparison of the results on screen (the scenario under every law, its sensitivity),
 * computed off the UI thread only while its panel is open: the panel calls `follow` with the
 * results it shows. An answer for results no longer followed is ignored, as the service drops
 * superseded requests.
 */
export class OnDemand<T> {
  state: OnDemandState<T> = $state.raw({ kind: 'off' });
  private followed: Results | null = null;
  /** Settles when the newest request has been answered (and the state updated). */
  private answered: Promise<void> = Promise.resolve();

  constructor(private readonly service: CompareService<T> | null) {}

  /** Computes the comparison of `results` unless it is already computed or being computed. */
  follow(results: Results): void {
    if (results === this.followed) return;
    this.followed = results;
    const { service } = this;
    if (!service) {
      this.state = { kind: 'off' };
      return;
    }
    this.state = { kind: 'computing', results };
    this.answered = service({ scenario: serializeScenario(results.scenario) }).then(
      (answer) => {
        if (answer.kind === 'superseded' || this.followed !== results) return;
        const { value } = answer;
        this.state =
          value.kind === 'done'
            ? { kind: 'ready', results, value: value.value }
            : { kind: 'failed', results, message: value.message };
      },
      (error: unknown) => {
        if (this.followed !== results) return;
        this.state = {
          kind: 'failed',
          results,
          message: `the comparison could not be computed: ${error instanceof Error ? error.message : String(error)}`,
        };
      },
    );
  }

  /** The state if it belongs to `results` (never another form's), else off. */
  stateFor(results: Results): OnDemandState<T> {
    const { state } = this;
    return state.kind !== 'off' && state.results === results ? state : { kind: 'off' };
  }

  /**
   * The comparison of `results` for the exported report: once computed, waiting for it while it is
   * computed; null when it was never asked for (its panel stayed closed) or failed.
   */
  async valueFor(results: Results): Promise<T | null> {
    if (this.stateFor(results).kind === 'computing') await this.answered;
    const state = this.stateFor(results);
    return state.kind === 'ready' ? state.value : null;
  }
}
