import { allocatorFor } from './allocator';
import type { Candidate } from './candidate';
import type { Demand } from '../demand';
import { ScienceError, formatForMessage } from '../errors';
import { minimizeInLogSpace } from '../numerics/minimize';
import type { Objective } from '../objective';
import type { LossLaw } from '../laws/types';
import type { Problem, TestTimeBenefit, TestTimeSetup } from '../problem';
import { excessAllowance, saturatingK, trainingComputeMultiplier } from '../test-time/exchange-rate';
import {
  accuracyDomain,
  accuracyWithAttempts,
  bestAccuracy,
  DEFAULT_MIN_LIFT,
  fewestAttempts,
  lossAtLift,
  lossForSuccess,
  successFromLoss,
  successNeeded,
  wholeAttempts,
  type LossToError,
  type SelectionRule,
} from '../test-time/task-accuracy';

/** Points of the coarse scan over ln k before Brent's refinement. */
const SCAN_POINTS = 41;

/** Tokens processed over the model's life at k× compute per query (docs/science.md §4). */
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
  const loss = lossInDomain(law, mapping, benefit.targetAccuracy, benefit.rule, k);
  return { excess: law.excessForLoss(loss), effectiveLoss: loss };
}

/**
 * The loss a model needs for k attempts to reach the accuracy, kept inside the mapping's domain:
 * when k attempts would make do with less than the least useful success (a model at chance), the
 * model stays at the domain's upper loss (and over-reaches the accuracy). Throws `unreachable`
 * when k attempts need a better model than the domain holds.
 */
function lossInDomain(
  law: LossLaw,
  mapping: LossToError,
  accuracy: number,
  rule: SelectionRule,
  k: number,
): number {
  const domain = accuracyDomain(mapping, law.floor);
  const needed = successNeeded(accuracy, k, rule);
  if (needed <= domain.minSuccess) return domain.highLoss;
  const loss = lossForSuccess(needed, mapping);
  if (!(loss > domain.lowLoss) && !(loss === domain.lowLoss && !domain.lowIsFloor)) {
    throw new ScienceError(
      'unreachable',
      `${k} attempts need a per-attempt success of ${needed.toPrecision(4)}, better than any model inside the accuracy mapping's domain`,
    );
  }
  return loss;
}

/**
 * The comparison point of an accuracy target reached through a loss mapping: one attempt at the
 * loss it needs when a model inside the mapping's domain reaches the target alone, else the fewest
 * whole attempts with which a (finite) model inside the domain does. Throws the explained
 * refusal of requireAccuracyReachable when no model and k ≤ k_max reach it.
 */
export function accuracyReference(
  law: LossLaw,
  benefit: { readonly targetAccuracy: number; readonly mapping: LossToError; readonly rule: SelectionRule },
  kMax: number,
): { k: number; loss: number } {
  requireAccuracyReachable(law, benefit, kMax);
  const { targetAccuracy, mapping, rule } = benefit;
  const domain = accuracyDomain(mapping, law.floor);
  const first = wholeAttempts(fewestAttempts(domain.maxSuccess, targetAccuracy, rule, kMax));
  // At that k the model may have to sit on the law's floor (infinitely large): one more vote frees it.
  const step = rule.selection === 'majority' ? 2 : 1;
  for (let k = first; k <= Math.max(first, kMax); k += step) {
    try {
      return { k, loss: lossInDomain(law, mapping, targetAccuracy, rule, k) };
    } catch (error) {
      if (!(error instanceof ScienceError && error.code === 'unreachable')) throw error;
    }
  }
  throw unreachableAccuracy(law, benefit, kMax);
}

/**
 * Refuses an accuracy target that no model inside the mapping's domain reaches with at most k_max
 * attempts, saying the best accuracy there is and which fields to change. The domain's best model
 * (its lowest loss) with its best k is checked, since accuracy rises with per-attempt success.
 */
export function requireAccuracyReachable(
  law: LossLaw,
  benefit: { readonly targetAccuracy: number; readonly mapping: LossToError; readonly rule: SelectionRule },
  kMax: number,
): void {
  const domain = accuracyDomain(benefit.mapping, law.floor);
  const best = bestAccuracy(domain.maxSuccess, benefit.rule, kMax).accuracy;
  // On the law's floor the best is only approached (by ever larger models), so it must be beaten.
  const reached = domain.lowIsFloor ? best > benefit.targetAccuracy : best >= benefit.targetAccuracy;
  if (!reached) throw unreachableAccuracy(law, benefit, kMax);
}

function unreachableAccuracy(
  law: LossLaw,
  benefit: { readonly targetAccuracy: number; readonly mapping: LossToError; readonly rule: SelectionRule },
  kMax: number,
): ScienceError {
  const { mapping, rule, targetAccuracy } = benefit;
  const domain = accuracyDomain(mapping, law.floor);
  const best = bestAccuracy(domain.maxSuccess, rule, kMax);
  const where = domain.lowIsFloor
    ? `a model approaching the law's floor, ${law.floorName} = ${law.floor.toPrecision(5)}`
    : `a model of loss ${domain.lowLoss.toPrecision(5)}, the lower end of testTime.p1.lossRange`;
  const attempts = best.k === 1 ? 'one attempt' : `${formatK(best.k)} attempts (${rule.selection})`;
  const votesNote =
    rule.selection === 'majority' && domain.maxSuccess <= 0.5
      ? '; majority votes only help a model right more often than not'
      : '';
  return new ScienceError(
    'unreachable',
    `an accuracy of ${targetAccuracy} is out of reach inside the accuracy mapping's domain: the best is ${best.accuracy.toPrecision(5)}, ` +
      `with ${attempts} of ${where} (per-attempt success ${domain.maxSuccess.toPrecision(4)})${votesNote}. ` +
      `Lower testTime.targetAccuracy, allow more attempts (testTime.kMax), or widen testTime.p1.lossRange if the mapping was fitted on lower losses`,
  );
}

const formatK = (k: number) => (Number.isInteger(k) ? k.toLocaleString('en-US') : k.toPrecision(4));

/**
 * The most attempts worth buying for an accuracy through a loss mapping: once k attempts reach
 * the target with the domain's worst model (success chance + the least lift), more attempts keep
 * that model and only add inference, so they cost more. A proof of a useful bound for every rule.
 */
function saturatingAttempts(setup: TestTimeSetup): number {
  const { benefit } = setup;
  if (benefit.model !== 'accuracy' || 'success' in benefit.mapping) return Infinity;
  const mapping = benefit.mapping;
  const highLoss = Math.min(
    mapping.lossRange?.[1] ?? Infinity,
    lossAtLift(mapping, mapping.minLift ?? DEFAULT_MIN_LIFT),
  );
  try {
    return fewestAttempts(
      successFromLoss(highLoss, mapping),
      benefit.targetAccuracy,
      benefit.rule,
      setup.kMax,
    );
  } catch (error) {
    if (error instanceof ScienceError && error.code === 'unreachable') return Infinity;
    throw error;
  }
}

/** The lifetime-optimal model when every query spends k× compute; the model may be as much worse as k buys. */
export function candidateAtK(problem: Problem, setup: TestTimeSetup, attempts: number): Candidate {
  // Votes are whole: priced and counted alike (k = 10.000000000000002 is 10 votes).
  const k = countsWholeAttempts(setup) ? wholeAttempts(attempts) : attempts;
  const allocator = allocatorFor(problem);
  const { excess, effectiveLoss } = allowedExcess(problem, setup.benefit, k);
  const demand = servedDemand(problem.demand, setup, k);
  return allocator.evaluate(allocator.lifetimeOptimal(excess, demand), demand, {
    k,
    effectiveLoss,
    verifierFlops: setup.verifierFlopsPerSample * setup.requests * k,
  });
}

/**
 * The model of a given size when every query spends k× compute: trained to what the target allows
 * at that k (candidateAtK with N fixed rather than chosen). Throws `unreachable` when no amount of
 * data brings a model of this size there.
 */
export function candidateOfSizeAtK(
  problem: Problem,
  setup: TestTimeSetup,
  params: number,
  attempts: number,
): Candidate {
  const k = countsWholeAttempts(setup) ? wholeAttempts(attempts) : attempts;
  const { excess } = allowedExcess(problem, setup.benefit, k);
  const tokens = allocatorFor(problem).tokensFor(excess, params);
  return modelAtK(problem, setup, { params, tokens }, k).candidate;
}

/**
 * A given model (N and D both fixed) served with k× compute per query: its lifetime bill, and the
 * excess the target allows at this k, which says whether the model is good enough. Throws
 * `unreachable` when no model reaches the target at this k.
 */
export function modelAtK(
  problem: Problem,
  setup: TestTimeSetup,
  model: { readonly params: number; readonly tokens: number },
  attempts: number,
): { readonly candidate: Candidate; readonly allowedExcess: number } {
  const k = countsWholeAttempts(setup) ? wholeAttempts(attempts) : attempts;
  const allocator = allocatorFor(problem);
  const { excess, effectiveLoss } = allowedExcess(problem, setup.benefit, k);
  const demand = servedDemand(problem.demand, setup, k);
  const candidate = allocator.evaluate(model, demand, {
    k,
    effectiveLoss,
    verifierFlops: setup.verifierFlopsPerSample * setup.requests * k,
  });
  return { candidate, allowedExcess: excess };
}

/** The odd whole number of votes nearest k, within [1, k_max]. */
function nearestOdd(k: number, kMax: number): number {
  const largest = Math.floor(kMax) % 2 === 1 ? Math.floor(kMax) : Math.floor(kMax) - 1;
  return Math.min(largest, Math.max(1, 2 * Math.round((wholeAttempts(Math.max(1, k)) - 1) / 2) + 1));
}

/** Whether k counts whole attempts: when the scenario asks so, and always for majority votes. */
function countsWholeAttempts(setup: TestTimeSetup): boolean {
  return (
    setup.integerSamples ||
    (setup.benefit.model === 'accuracy' && setup.benefit.rule.selection === 'majority')
  );
}

/**
 * The largest k worth searching: more than k_max is not allowed, more than 10^(Sγ) buys nothing
 * (exchange rate), nor more than the attempts with which the mapping's worst model reaches the
 * accuracy (see saturatingAttempts).
 */
export function largestUsefulK(setup: TestTimeSetup): number {
  const saturation =
    setup.benefit.model === 'exchange' ? saturatingK(setup.benefit.rate) : saturatingAttempts(setup);
  return Math.max(1, Math.min(setup.kMax, saturation));
}

/**
 * The optimal model at each k of `ks` (the app's k-curve), leaving out a k at which no model
 * reaches the target: the same engine path as the optimiser, which treats such a k as infinitely
 * costly. Refuses an unreachable accuracy target as the optimiser does.
 */
export function testTimeCurve(problem: Problem, setup: TestTimeSetup, ks: readonly number[]): Candidate[] {
  requireReachable(problem, setup);
  return ks.flatMap((k) => {
    const candidate = attemptAtK(problem, setup, k);
    return candidate ? [candidate] : [];
  });
}

/** candidateAtK, or null when no model reaches the target at this k. */
function attemptAtK(problem: Problem, setup: TestTimeSetup, k: number): Candidate | null {
  try {
    return candidateAtK(problem, setup, k);
  } catch (error) {
    if (error instanceof ScienceError && error.code === 'unreachable') return null;
    throw error;
  }
}

/** Throws the explained refusal when an accuracy target through a mapping is out of reach. */
function requireReachable(problem: Problem, setup: TestTimeSetup): void {
  const { benefit } = setup;
  if (benefit.model === 'accuracy' && !('success' in benefit.mapping)) {
    requireAccuracyReachable(problem.law, { ...benefit, mapping: benefit.mapping }, setup.kMax);
  }
}

/**
 * The jointly optimal (N, D, k): for each k the model is lifetime-optimal in closed-form-fast time,
 * so the search is one-dimensional in k: a scan over ln k, Brent's refinement around the best scan
 * point (numerics/minimize.ts), and for whole samples the best of the neighbouring integers.
 * Bounded work (SCAN_POINTS + at most MINIMIZE_MAX_ITERATIONS + 6 solves), whatever the inputs.
 */
export function optimalTestTimeCandidate(problem: Problem, setup: TestTimeSetup): Candidate {
  const { benefit } = setup;
  if (benefit.model === 'accuracy' && 'success' in benefit.mapping) {
    // A fixed model only pays more for more attempts: the fewest that reach the accuracy win.
    const k = fewestAttempts(benefit.mapping.success, benefit.targetAccuracy, benefit.rule, setup.kMax);
    return candidateAtK(problem, setup, countsWholeAttempts(setup) ? wholeAttempts(k) : k);
  }
  requireReachable(problem, setup);
  const cost = metricOf(problem.objective);
  const upper = largestUsefulK(setup);
  // A k at which no model reaches the target (an accuracy beyond a verifier's reach) costs infinitely.
  const metric = (candidate: Candidate | null) => (candidate ? cost(candidate) : Infinity);
  const attempt = (k: number) => attemptAtK(problem, setup, k);
  if (upper === 1) return candidateAtK(problem, setup, 1);
  // An even vote costs more than the odd one below it and is worth the same (majorityAccuracy), so
  // majority searches odd votes only: the cost over odd k has no even-k zigzag to mislead the search.
  const majority = benefit.model === 'accuracy' && benefit.rule.selection === 'majority';
  const searched = majority ? (k: number) => attempt(nearestOdd(k, setup.kMax)) : attempt;
  const best = minimizeInLogSpace(
    (k) => metric(searched(Math.min(upper, k))),
    1,
    upper,
    'the test-time compute per query',
    {
      gridPoints: SCAN_POINTS,
    },
  );
  const continuous = [Math.min(upper, best.x), 1, upper];
  const ks = majority
    ? continuous.flatMap((k) => [
        nearestOdd(k, setup.kMax),
        nearestOdd(k - 2, setup.kMax),
        nearestOdd(k + 2, setup.kMax),
      ])
    : countsWholeAttempts(setup)
      ? continuous
          .flatMap((k) => [Math.floor(k), Math.ceil(k)])
          .filter((k) => k >= 1 && k <= Math.floor(setup.kMax))
      : continuous;
  // The fewest attempts that reach the target are a candidate too; k = 1 among them when it does.
  const reference = referenceAttempts(problem, setup);
  const chosen = [...ks, reference]
    .map(attempt)
    .reduce<Candidate | null>(
      (best, candidate) => (candidate && (!best || metric(candidate) < metric(best)) ? candidate : best),
      null,
    );
  if (!chosen) throw new ScienceError('unreachable', 'no number of attempts up to k_max reaches the target');
  return chosen;
}

/**
 * The attempts of the comparison candidates ("without test-time compute", Chinchilla, baselines):
 * one, unless an accuracy target through a mapping needs more (accuracyReference).
 */
export function referenceAttempts(
  problem: Problem,
  setup: TestTimeSetup | undefined = problem.testTime,
): number {
  if (!setup) return 1;
  const { benefit } = setup;
  if (benefit.model !== 'accuracy' || 'success' in benefit.mapping) return 1;
  return accuracyReference(problem.law, { ...benefit, mapping: benefit.mapping }, setup.kMax).k;
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
