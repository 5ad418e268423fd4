import type { UncertaintySummary } from '../../../model';
import { serializeScenario } from '../../../scenario';
import type { Results } from '../results';
import type { RangesState } from '../uncertainty/ranges-state';
import { APP_DRAWS, APP_SEED, bandSizes, uncertainForApp, type RangesService } from '../uncertainty/ranges';

/**
 * The law's uncertainty of the results on screen, computed off the UI thread: the point answer
 * shows at once and its ranges follow. Only the newest results' ranges are ever shown: the
 * service drops superseded requests, and an answer that arrives for results no longer on screen
 * is ignored here too (results without ranges send no request that could supersede the last).
 */
export class LiveRanges {
  state: RangesState = $state.raw({ kind: 'off' });
  /** The results the state follows; compared by identity, as results are replaced whole. */
  private followed: Results | null = null;
  /** Settles when the newest request has been answered (and the state updated). */
  private answered: Promise<void> = Promise.resolve();

  constructor(private readonly service: RangesService | null) {}

  /** Follows the results on screen (called after every recompute; cheap when they did not change). */
  follow(results: Results | null): void {
    this.start(results);
  }

  /** The ranges of `results` once computed, or null when they have none (for the exported report). */
  async summaryFor(results: Results): Promise<UncertaintySummary | null> {
    if (this.state.kind === 'computing' && this.state.results === results) await this.answered;
    return this.state.kind === 'ready' && this.state.results === results ? this.state.summary : null;
  }

  private start(results: Results | null): void {
    if (results === this.followed) return;
    this.followed = results;
    if (!results) {
      this.state = { kind: 'off' };
      return;
    }
    const resolved = uncertainForApp(results.scenario, results.problem);
    if (!resolved.ok) {
      this.state = { kind: 'none', results, note: resolved.reason };
      return;
    }
    const { service } = this;
    if (!service) {
      this.state = { kind: 'off' };
      return;
    }
    this.state = { kind: 'computing', results };
    const request = {
      scenario: serializeScenario(results.scenario),
      draws: APP_DRAWS,
      seed: APP_SEED,
      sizes: bandSizes(results.isoLoss),
    };
    this.answered = service(request).then(
      (answer) => {
        if (answer.kind === 'superseded' || this.followed !== results) return;
        const { value } = answer;
        this.state =
          value.kind === 'ranges'
            ? { kind: 'ready', results, summary: value.summary, bands: value.bands }
            : value.kind === 'none'
              ? { kind: 'none', results, note: value.note }
              : { kind: 'failed', results, message: value.message };
      },
      (error: unknown) => {
        if (this.followed !== results) return;
        this.state = {
          kind: 'failed',
          results,
          message: `the ranges could not be computed: ${error instanceof Error ? error.message : String(error)}`,
        };
      },
    );
  }
}
