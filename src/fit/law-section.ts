import type { BootstrapSummary, FittedRange, LawFit } from '../model/fit';
import type { ChinchillaConstants } from '../model/laws/types';

/** A fitted law as a scenario's `law` section holds it: the CLI's `--write-law`, the app's "Use this law". */
export interface FittedLawSection extends ChinchillaConstants {
  readonly form: 'chinchilla';
  readonly fittedRange: FittedRange;
  /** Over (ln A, ln B, ln E, α, β), from the bootstrap; absent without one. */
  readonly covariance?: readonly (readonly number[])[];
}

export function lawSection(fit: LawFit, bootstrap: BootstrapSummary | null): FittedLawSection {
  return {
    ...fit.law,
    fittedRange: fit.fittedRange,
    ...(bootstrap ? { covariance: bootstrap.covariance } : {}),
  };
}
