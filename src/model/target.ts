import { formatForMessage, requirePositive, ScienceError } from './errors';
import type { Allocation } from './allocation';
import {
  computeOptimalExcessForParams,
  computeOptimalForBudget,
  computeOptimalForExcess,
} from './optimum/compute-optimal';
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
    return aboveFloor(
      law,
      law.loss(target.model.params, target.model.tokens),
      'target.model',
      'a smaller model',
    );
  }
  if ('computeOptimalFlops' in target) {
    const model = computeOptimalForBudget(law.terms, target.computeOptimalFlops);
    return aboveFloor(
      law,
      law.loss(model.params, model.tokens),
      'target.computeOptimalFlops',
      'a smaller budget',
    );
  }
  return aboveFloor(
    law,
    law.lossForExcess(computeOptimalExcessForParams(law.terms, target.computeOptimalParams)),
    'target.computeOptimalParams',
    'a smaller model',
  );
}

/** One loss stated each way a target can state it (see `targetsForLoss`). */
export interface EquivalentTargets {
  readonly loss: number;
  readonly model: Allocation;
  readonly computeOptimalFlops: number;
  readonly computeOptimalParams: number;
}

/**
 * Every target that stands for `loss` under a law: the loss itself, the training-compute-optimal
 * model that reaches it (Hoffmann et al. 2022, Eq. 4), that model's budget C = 6ND, and its size.
 * `targetLoss` of each gives `loss` back (to rounding). Throws `unreachable` at or below the floor.
 */
export function targetsForLoss(law: LossLaw, loss: number): EquivalentTargets {
  const model = computeOptimalForExcess(law.terms, law.excessForLoss(loss));
  return {
    loss,
    model,
    computeOptimalFlops: 6 * model.params * model.tokens,
    computeOptimalParams: model.params,
  };
}

/**
 * A target model so large that its loss rounds to the law's floor (or beyond) in double precision
 * stands for no reachable target: say which field to change rather than "equals the floor".
 */
function aboveFloor(law: LossLaw, loss: number, field: string, instead: string): number {
  if (!(loss > law.floor)) {
    throw new ScienceError(
      'out-of-range',
      `the loss of this target is indistinguishable from ${law.floorName} (${formatForMessage(law.floor, 4)}) of law ${law.id} in double precision; change ${field}: ${instead}`,
    );
  }
  // A tiny model under a steep law (e.g. Kaplan's N_c/N raised to α_N/α_D ≈ 20) overflows instead.
  if (!Number.isFinite(loss)) {
    throw new ScienceError(
      'out-of-range',
      `the loss of this target under law ${law.id} is ${formatForMessage(loss)}; change ${field}: a larger model, or the law's constants`,
    );
  }
  return loss;
}
