import { evaluateCandidate, type Candidate } from './candidate';
import { computeOptimalForExcess } from './compute-optimal';
import type { Demand } from './demand';
import { lifetimeOptimalForExcess } from './lifetime';
import { effectiveDemandTokens, type Objective } from './objective';
import type { Problem } from './solve';
import { excessAllowance, saturatingK, trainingComputeMultiplier, type ExchangeRate } from './test-time';

/** How test-time compute is bought and what it is worth, resolved from a scenario's testTime section. */
export interface TestTimeSetup {
  readonly rate: ExchangeRate;
  /** The most compute per query allowed (k_max ≥ 1). */
  readonly kMax: number;
  /** Restrict k to whole numbers of samples. */
  readonly integerSamples: boolean;
  /** With prefix caching the prompt is read once per query; without, once per sample. */
  readonly prefixCaching: boolean;
  /** FLOPs to verify one sample; 0 when there is no separate verifier. */
  readonly verifierFlopsPerSample: number;
  /** Lifetime requests, which verification is counted in; 0 when the demand gives only token totals. */
  readonly requests: number;
}

/** Points of the coarse scan over log k before golden-section refinement. */
const SCAN_POINTS = 41;
/** Golden-section iterations on log k: the bracket shrinks by 0.618 each, far below 1e-12. */
const GOLDEN_ITERATIONS = 80;
const GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

/** Tokens processed over the model's life at k× compute per query (science README §4). */
export function servedDemand(demand: Demand, setup: TestTimeSetup, k: number): Demand {
  return {
    inputTokens: setup.prefixCaching ? demand.inputTokens : demand.inputTokens * k,
    outputTokens: demand.outputTokens * k,
  };
}

function metricOf(objective: Objective): (candidate: Candidate) => number {
  return objective === 'cost' ? (c) => c.totalCost : (c) => c.totalFlops;
}

/** The lifetime-optimal model when every query spends k× compute; the model may be as much worse as k buys. */
export function candidateAtK(problem: Problem, setup: TestTimeSetup, k: number): Candidate {
  const { law, rates } = problem;
  const multiplier = trainingComputeMultiplier(k, setup.rate);
  const excess = law.excessForLoss(problem.targetLoss) * excessAllowance(law.terms, multiplier);
  const demand = servedDemand(problem.demand, setup, k);
  const model = lifetimeOptimalForExcess(
    law.terms,
    excess,
    effectiveDemandTokens(problem.objective, demand, rates),
  );
  return evaluateCandidate(law, model, demand, rates, {
    k,
    effectiveLoss: problem.targetLoss,
    verifierFlops: setup.verifierFlopsPerSample * setup.requests * k,
  });
}

/** The largest k worth searching: more than k_max is not allowed, more than 10^(Sγ) buys nothing. */
export function largestUsefulK(setup: TestTimeSetup): number {
  return Math.max(1, Math.min(setup.kMax, saturatingK(setup.rate)));
}

/**
 * The jointly optimal (N, D, k): for each k the model is lifetime-optimal in closed-form-fast time,
 * so the search is one-dimensional in k: a scan over log k, golden-section refinement around the
 * best scan point, and for whole samples the best of the neighbouring integers. Bounded work
 * (SCAN_POINTS + GOLDEN_ITERATIONS + 3 solves), whatever the inputs.
 */
export function optimalTestTimeCandidate(problem: Problem, setup: TestTimeSetup): Candidate {
  const metric = metricOf(problem.objective);
  const upper = largestUsefulK(setup);
  const at = (k: number) => candidateAtK(problem, setup, k);
  if (upper === 1) return at(1);
  const logUpper = Math.log(upper);
  const scan = Array.from({ length: SCAN_POINTS }, (_, i) => (logUpper * i) / (SCAN_POINTS - 1));
  const values = scan.map((u) => metric(at(Math.exp(u))));
  const best = values.indexOf(Math.min(...values));
  let low = scan[Math.max(0, best - 1)] ?? 0;
  let high = scan[Math.min(SCAN_POINTS - 1, best + 1)] ?? logUpper;
  for (let i = 0; i < GOLDEN_ITERATIONS && high - low > 1e-12; i++) {
    const left = high - GOLDEN_RATIO * (high - low);
    const right = low + GOLDEN_RATIO * (high - low);
    if (metric(at(Math.exp(left))) <= metric(at(Math.exp(right)))) high = right;
    else low = left;
  }
  const refinedK = Math.min(upper, Math.exp((low + high) / 2));
  const bestScanK = Math.exp(scan[best] ?? 0);
  const continuous = [refinedK, bestScanK, 1, upper];
  const ks = setup.integerSamples
    ? continuous
        .flatMap((k) => [Math.floor(k), Math.ceil(k)])
        .filter((k) => k >= 1 && k <= Math.floor(setup.kMax))
    : continuous;
  return ks.map(at).reduce((chosen, candidate) => (metric(candidate) < metric(chosen) ? candidate : chosen));
}

/** One point of the iso-quality frontier between training and inference compute. */
export interface FrontierPoint {
  readonly k: number;
  readonly params: number;
  /** 6ND of the training-compute-optimal model that reaches the target with k× compute per query. */
  readonly trainingFlops: number;
  /** 2N per token processed for one query, at k× compute. */
  readonly inferenceFlopsPerQuery: number;
}

/**
 * The trade-off frontier at equal effective quality: for each k, the cheapest model to train
 * (compute-optimal at the relaxed excess) and what one query then costs. Independent of demand;
 * a query is the scenario's average request, or 1,000 output tokens when it gives only totals.
 */
export function testTimeFrontier(problem: Problem, setup: TestTimeSetup, ks: readonly number[]): FrontierPoint[] {
  const { law, demand } = problem;
  const queries = setup.requests > 0 ? setup.requests : demand.outputTokens / 1000;
  const perQuery: Demand =
    queries > 0
      ? { inputTokens: demand.inputTokens / queries, outputTokens: demand.outputTokens / queries }
      : { inputTokens: 0, outputTokens: 1000 };
  const excess = law.excessForLoss(problem.targetLoss);
  return ks.map((k) => {
    const multiplier = trainingComputeMultiplier(k, setup.rate);
    const model = computeOptimalForExcess(law.terms, excess * excessAllowance(law.terms, multiplier));
    const served = servedDemand(perQuery, setup, k);
    return {
      k,
      params: model.params,
      trainingFlops: 6 * model.params * model.tokens,
      inferenceFlopsPerQuery: 2 * model.params * (served.inputTokens + served.outputTokens),
    };
  });
}
