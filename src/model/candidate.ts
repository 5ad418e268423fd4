import type { Allocation } from './allocation';
import type { CostRates } from './costs';
import type { Demand } from './demand';
import type { LossLaw } from './laws/types';

/** How a model is served: test-time compute per query and what it buys (science README §4). */
export interface Serving {
  /** Inference compute per query relative to one plain answer (samples × length multiplier). */
  readonly k: number;
  /** The loss the model behaves like with its test-time compute (its own loss when k = 1). */
  readonly effectiveLoss: number;
  /** Verification FLOPs over the model's life (samples × FLOPs per sample). */
  readonly verifierFlops: number;
}

/** One model the user might train, with its lifetime bill in FLOPs and US dollars. */
export interface Candidate extends Allocation {
  readonly tokensPerParam: number;
  readonly loss: number;
  readonly k: number;
  readonly effectiveLoss: number;
  readonly trainingFlops: number;
  readonly prefillFlops: number;
  readonly decodeFlops: number;
  readonly verifierFlops: number;
  /** Prefill, decode and verification. */
  readonly inferenceFlops: number;
  readonly totalFlops: number;
  readonly trainingCost: number;
  readonly prefillCost: number;
  readonly decodeCost: number;
  readonly verifierCost: number;
  readonly inferenceCost: number;
  readonly totalCost: number;
}

/**
 * Training costs 6ND FLOPs; each inference token (prompt or output) costs 2N (Kaplan et al. 2020,
 * §2.1). `demand` is the tokens actually processed, test-time compute included; verification is
 * priced like prefill, as scoring passes are compute-bound.
 */
export function evaluateCandidate(
  law: LossLaw,
  model: Allocation,
  demand: Demand,
  rates: CostRates,
  serving?: Serving,
): Candidate {
  const { params, tokens } = model;
  const loss = law.loss(params, tokens);
  const trainingFlops = 6 * params * tokens;
  const prefillFlops = 2 * params * demand.inputTokens;
  const decodeFlops = 2 * params * demand.outputTokens;
  const verifierFlops = serving?.verifierFlops ?? 0;
  const trainingCost = trainingFlops * rates.training;
  const prefillCost = prefillFlops * rates.prefill;
  const decodeCost = decodeFlops * rates.decode;
  const verifierCost = verifierFlops * rates.prefill;
  const inferenceFlops = prefillFlops + decodeFlops + verifierFlops;
  const inferenceCost = prefillCost + decodeCost + verifierCost;
  return {
    params,
    tokens,
    tokensPerParam: tokens / params,
    loss,
    k: serving?.k ?? 1,
    effectiveLoss: serving?.effectiveLoss ?? loss,
    trainingFlops,
    prefillFlops,
    decodeFlops,
    verifierFlops,
    inferenceFlops,
    totalFlops: trainingFlops + inferenceFlops,
    trainingCost,
    prefillCost,
    decodeCost,
    verifierCost,
    inferenceCost,
    totalCost: trainingCost + inferenceCost,
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
