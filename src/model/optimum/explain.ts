import type { Allocation } from '../allocation';
import { computeOptimalForExcess, excessOf } from './compute-optimal';
import { dataConstrainedLoss, effectiveTokens, epochs } from '../data/data-constrained';
import { requirePositive } from '../errors';
import type { LossLaw } from '../laws/types';
import { breakEvenDemand } from './lifetime';

/** What a given model (N, D) is, seen through a law: the inverse problem. */
export interface Explanation {
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  readonly loss: number;
  readonly trainingFlops: number;
  /** The training-compute-optimal model of the same loss. */
  readonly chinchillaEquivalent: Allocation & {
    readonly tokensPerParam: number;
    readonly trainingFlops: number;
  };
  /**
   * Extra training compute over that model, as a fraction: k_N·k_D − 1 in de Vries 2023
   * ("Go smol or go home"), about 0.2 at k_N = 0.5. Never negative.
   */
  readonly trainingOverhead: number;
  /**
   * Lifetime inference tokens for which this model is exactly lifetime-optimal under the FLOPs
   * objective; `null` when it is trained on fewer tokens than the compute-optimal model (no demand).
   */
  readonly breakEvenDemandTokens: number | null;
  /** Under a data limit: epochs over the unique data, effective tokens and the loss they give. */
  readonly dataLimit: {
    readonly uniqueTokens: number;
    readonly epochs: number;
    readonly effectiveTokens: number;
    readonly loss: number;
  } | null;
}

/**
 * The inverse problem for a given model. With `uniqueTokens`, also the data-constrained loss
 * (Muennighoff et al. 2023): the other figures stay those of unlimited data, for comparison.
 */
export function explainModel(law: LossLaw, model: Allocation, uniqueTokens?: number): Explanation {
  requirePositive(model.params, 'params');
  requirePositive(model.tokens, 'tokens');
  const equivalent = computeOptimalForExcess(law.terms, excessOf(law.terms, model));
  const trainingFlops = 6 * model.params * model.tokens;
  const equivalentFlops = 6 * equivalent.params * equivalent.tokens;
  return {
    params: model.params,
    tokens: model.tokens,
    tokensPerParam: model.tokens / model.params,
    loss: law.loss(model.params, model.tokens),
    trainingFlops,
    chinchillaEquivalent: {
      ...equivalent,
      tokensPerParam: equivalent.tokens / equivalent.params,
      trainingFlops: equivalentFlops,
    },
    trainingOverhead: Math.max(0, trainingFlops / equivalentFlops - 1),
    breakEvenDemandTokens: breakEvenDemand(law.terms, model),
    dataLimit:
      uniqueTokens === undefined
        ? null
        : {
            uniqueTokens,
            epochs: epochs(model.tokens, uniqueTokens),
            effectiveTokens: effectiveTokens(model.tokens, uniqueTokens),
            loss: dataConstrainedLoss(law, model.params, model.tokens, uniqueTokens),
          },
  };
}
