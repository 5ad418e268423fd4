import type { IsoLossBands, UncertaintySummary } from '../../../model';
import type { Results } from '../results';

/** The ranges of the results on screen, each state naming the results it belongs to. */
export type RangesState =
  /** No results, or no worker to compute ranges with. */
  | { readonly kind: 'off' }
  | { readonly kind: 'computing'; readonly results: Results }
  | {
      readonly kind: 'ready';
      readonly results: Results;
      readonly summary: UncertaintySummary;
      readonly bands: IsoLossBands;
    }
  /** The law carries no uncertainty (or the target is not drawn): why. */
  | { readonly kind: 'none'; readonly results: Results; readonly note: string }
  | { readonly kind: 'failed'; readonly results: Results; readonly message: string };
