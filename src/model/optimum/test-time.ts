import { allocatorFor } from './allocator';
import type { Candidate } from './candidate';
import type { Demand } from '../demand';
import { ScienceError, formatForMessage } from '../errors';
import type { Objective } from '../objective';
import type { Problem, TestTimeBenefit, TestTimeSetup } from '../problem';
import { excessAllowance, saturatingK, trainingComputeMultiplier } from '../test-time/exchange-rate';
import {
  accuracyWithAttempts,
  fewestAttempts,
  lossForSuccess,
  successNeeded,
} from '../test-time/task-accuracy';

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

/**
 * The excess (loss above the floor) a model may have when every query spends k× compute, and the
 * loss it then behaves like. Throws `unreachable` when no model reaches the target at this k.
 */
function allowedExcess(
  problem: Problem,
  benefit: TestTimeBenefit,
  k: number,
): { excess: number; effectiveLoss: number } {
  const { law } = problem;
  if (benefit.model === 'exchange') {
    const multiplier = trainingComputeMultiplier(k, benefit.rate);
    return {
      excess: law.excessForLoss(problem.targetLoss) * excessAllowance(law.terms, multiplier),
      effectiveLoss: problem.targetLoss,
    };
  }
  const { mapping } = benefit;
  if ('success' in mapping) {
    // The model stays at the target loss; k must be enough attempts for the accuracy.
    if (accuracyWithAttempts(mapping.success, k, benefit.rule) < benefit.targetAccuracy) {
      throw new ScienceError(
        'unreachable',
        `${formatForMessage(k)} attempts do not reach an accuracy of ${benefit.targetAccuracy}`,
      );
    }
    return { excess: law.excessForLoss(problem.targetLoss), effectiveLoss: problem.targetLoss };
  }
  const loss = lossForSuccess(successNeeded(benefit.targetAccuracy, k, benefit.rule), mapping);
  return { excess: law.excessForLoss(loss), effectiveLoss: loss };
}

/** The lifetime-optimal model when every query spends k× compute; the model may be as much worse as k buys. */
export function candidateAtK(problem: Problem, setup: TestTimeSetup, k: number): Candidate {
  const allocator = allocatorFor(problem);
  const { excess, effectiveLoss } = allowedExcess(problem, setup.benefit, k);
  const demand = servedDemand(problem.demand, setup, k);
  return allocator.evaluate(allocator.lifetimeOptimal(excess, demand), demand, {
    k,
    effectiveLoss,
    verifierFlops: setup.verifierFlopsPerSample * setup.requests * k,
  });
}

/** The largest k worth searching: more than k_max is not allowed, more than 10^(Sγ) buys nothing. */
export function largestUsefulK(setup: TestTimeSetup): number {
  const saturation = setup.benefit.model === 'exchange' ? saturatingK(setup.benefit.rate) : Infinity;
  return Math.max(1, Math.min(setup.kMax, saturation));
}

/**
 * The jointly optimal (N, D, k): for each k the model is lifetime-optimal in closed-form-fast time,
 * so the search is one-dimensional in k: a scan over log k, golden-section refinement around the
 * best scan point, and for whole samples the best of the neighbouring integers. Bounded work
 * (SCAN_POINTS + GOLDEN_ITERATIONS + 3 solves), whatever the inputs.
 */
export function optimalTestTimeCandidate(problem: Problem, setup: TestTimeSetup): Candidate {
  const { benefit } = setup;
  if (benefit.model === 'accuracy' && 'success' in benefit.mapping) {
    // A fixed model only pays more for more attempts: the fewest that reach the accuracy win.
    const k = fewestAttempts(benefit.mapping.success, benefit.targetAccuracy, benefit.rule, setup.kMax);
    return candidateAtK(problem, setup, setup.integerSamples ? Math.ceil(k) : k);
  }
  const cost = metricOf(problem.objective);
  const upper = largestUsefulK(setup);
  const at = (k: number) => candidateAtK(problem, setup, k);
  // A k at which no model reaches the target (an accuracy beyond a verifier's reach) costs infinitely.
  const metric = (candidate: Candidate | null) => (candidate ? cost(candidate) : Infinity);
  const attempt = (k: number): Candidate | null => {
    try {
      return at(k);
    } catch (error) {
      if (error instanceof ScienceError && error.code === 'unreachable') return null;
      throw error;
    }
  };
  if (upper === 1) return at(1);
  const logUpper = Math.log(upper);
  const scan = Array.from({ length: SCAN_POINTS }, (_, i) => (logUpper * i) / (SCAN_POINTS - 1));
  const values = scan.map((u) => metric(attempt(Math.exp(u))));
  const best = values.indexOf(Math.min(...values));
  let low = scan[Math.max(0, best - 1)] ?? 0;
  let high = scan[Math.min(SCAN_POINTS - 1, best + 1)] ?? logUpper;
  for (let i = 0; i < GOLDEN_ITERATIONS && high - low > 1e-12; i++) {
    const left = high - GOLDEN_RATIO * (high - low);
    const right = low + GOLDEN_RATIO * (high - low);
    if (metric(attempt(Math.exp(left))) <= metric(attempt(Math.exp(right)))) high = right;
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
  // k = 1 is always among them, and always reachable (the scenario's validation ensures it).
  return ks
    .map(attempt)
    .reduce<Candidate>(
      (chosen, candidate) => (candidate && metric(candidate) < metric(chosen) ? candidate : chosen),
      at(1),
    );
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
 * A k at which the target is out of reach has no point.
 */
export function testTimeFrontier(
  problem: Problem,
  setup: TestTimeSetup,
  ks: readonly number[],
): FrontierPoint[] {
  const { demand } = problem;
  const queries = setup.requests > 0 ? setup.requests : demand.outputTokens / 1000;
  const perQuery: Demand =
    queries > 0
      ? { inputTokens: demand.inputTokens / queries, outputTokens: demand.outputTokens / queries }
      : { inputTokens: 0, outputTokens: 1000 };
  return ks.flatMap((k) => {
    let excess: number;
    try {
      excess = allowedExcess(problem, setup.benefit, k).excess;
    } catch (error) {
      if (error instanceof ScienceError && error.code === 'unreachable') return [];
      throw error;
    }
    const model = allocatorFor(problem).computeOptimal(excess);
    const served = servedDemand(perQuery, setup, k);
    return [
      {
        k,
        params: model.params,
        trainingFlops: 6 * model.params * model.tokens,
        inferenceFlopsPerQuery: 2 * model.params * (served.inputTokens + served.outputTokens),
      },
    ];
  });
}
