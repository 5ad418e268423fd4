import { requirePositive } from './errors';
import type { Allocation } from './allocation';
import { computeOptimalExcessForParams, computeOptimalForBudget } from './optimum/compute-optimal';
import type { LossLaw } from './laws/types';

/**
 * A quality target: a loss, or the loss of a reference model, of the compute-optimal model at a
 * training budget, or of the compute-optimal model of a given size.
 */
export type Target =
  | { readonly loss: number }
  | { readonly model: Allocation }
  | { readonly computeOptimalFlops: number }
  | { readonly computeOptimalParams: number };

/** The loss a target stands for under a law. Throws `unreachable` for a loss at or below the floor. */
export function targetLoss(law: LossLaw, target: Target): number {
  if ('loss' in target) {
    law.excessForLoss(target.loss);
    return target.loss;
  }
  if ('model' in target) {
    requirePositive(target.model.params, 'target.model.params');
    requirePositive(target.model.tokens, 'target.model.tokens');
    return law.loss(target.model.params, target.model.tokens);
  }
  if ('computeOptimalFlops' in target) {
    const model = computeOptimalForBudget(law.terms, target.computeOptimalFlops);
    return law.loss(model.params, model.tokens);
  }
  return law.lossForExcess(computeOptimalExcessForParams(law.terms, target.computeOptimalParams));
}
