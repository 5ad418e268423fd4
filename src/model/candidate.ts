import type { Allocation } from './allocation';
import type { CostRates } from './costs';
import type { Demand } from './demand';
import type { LossLaw } from './laws/types';

/** One model the user might train, with its lifetime bill in FLOPs and US dollars. */
export interface Candidate extends Allocation {
  readonly tokensPerParam: number;
  readonly loss: number;
  readonly trainingFlops: number;
  readonly prefillFlops: number;
  readonly decodeFlops: number;
  readonly inferenceFlops: number;
  readonly totalFlops: number;
  readonly trainingCost: number;
  readonly prefillCost: number;
  readonly decodeCost: number;
  readonly inferenceCost: number;
  readonly totalCost: number;
}

/** Training costs 6ND FLOPs; each inference token (prompt or output) costs 2N (Kaplan et al. 2020, §2.1). */
export function evaluateCandidate(
  law: LossLaw,
  model: Allocation,
  demand: Demand,
  rates: CostRates,
): Candidate {
  const { params, tokens } = model;
  const trainingFlops = 6 * params * tokens;
  const prefillFlops = 2 * params * demand.inputTokens;
  const decodeFlops = 2 * params * demand.outputTokens;
  const trainingCost = trainingFlops * rates.training;
  const prefillCost = prefillFlops * rates.prefill;
  const decodeCost = decodeFlops * rates.decode;
  return {
    params,
    tokens,
    tokensPerParam: tokens / params,
    loss: law.loss(params, tokens),
    trainingFlops,
    prefillFlops,
    decodeFlops,
    inferenceFlops: prefillFlops + decodeFlops,
    totalFlops: trainingFlops + prefillFlops + decodeFlops,
    trainingCost,
    prefillCost,
    decodeCost,
    inferenceCost: prefillCost + decodeCost,
    totalCost: trainingCost + prefillCost + decodeCost,
  };
}

/** What the first candidate saves against the second, as fractions of the second's totals. */
export interface Saving {
  readonly totalFlops: number;
  readonly totalCost: number;
}

export function savingAgainst(chosen: Candidate, other: Candidate): Saving {
  return {
    totalFlops: 1 - chosen.totalFlops / other.totalFlops,
    totalCost: 1 - chosen.totalCost / other.totalCost,
  };
}
