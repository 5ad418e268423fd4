import {
  costAgainstUniqueData,
  leastSufficientUniqueTokens,
  type DataValuePoint,
  candidatesAlongIsoLoss,
  largestUsefulK,
  testTimeCurve,
  testTimeFrontier,
  type FrontierPoint,
  logSpace,
  minimumParamsForTarget,
  sweepDemand,
  totalDemandTokens,
  type Candidate,
  type Problem,
  type Solution,
  type SweepPoint,
} from '../../model';
import { labelledCandidates, type LabelledCandidate } from '../../report/candidates';
import { solveScenario, type Scenario } from '../../scenario';

/** Everything the workspace draws for one scenario, computed by the engine in one go. */
export interface Results {
  readonly scenario: Scenario;
  readonly problem: Problem;
  readonly solution: Solution;
  readonly candidates: readonly LabelledCandidate[];
  /** Models of the target loss from near the smallest possible size to well past the largest candidate. */
  readonly isoLoss: readonly Candidate[];
  readonly demandSweep: readonly SweepPoint[];
  /** The scenario's own lifetime demand in tokens (input + output). */
  readonly demandTokens: number;
  /** The optimal model at each k, and the training/inference frontier, when test-time compute is on. */
  readonly testTime: {
    readonly curve: readonly Candidate[];
    readonly frontier: readonly FrontierPoint[];
  } | null;
  /** Under a data limit: the optimum at other amounts of unique data, and without any limit. */
  readonly dataWall: {
    readonly uniqueTokens: number;
    readonly leastSufficient: number;
    readonly points: readonly DataValuePoint[];
    readonly unlimited: Candidate;
  } | null;
}

const CURVE_POINTS = 160;
const SWEEP_POINTS = 80;
/** The demand chart spans this many decades each side of today's demand. */
const SWEEP_DECADES = 4;

export function computeResults(scenario: Scenario): Results {
  // The same pipeline as `tradeoff solve` and `validate`: the app refuses what they refuse.
  const { problem, solution } = solveScenario(scenario);
  const candidates = labelledCandidates(solution);
  const sizes = candidates.map(({ candidate }) => candidate.params);
  // Start just above N_min, where the curve turns up steeply, but not so far below the candidates
  // that they crowd into one corner.
  const smallest = Math.max(minimumParamsForTarget(problem) * 1.05, Math.min(...sizes) / 4);
  const isoLoss = candidatesAlongIsoLoss(problem, logSpace(smallest, Math.max(...sizes) * 4, CURVE_POINTS));
  const demandTokens = totalDemandTokens(problem.demand);
  const centre = demandTokens > 0 ? demandTokens : 1e12;
  const demandSweep = sweepDemand(
    problem,
    logSpace(centre / 10 ** SWEEP_DECADES, centre * 10 ** SWEEP_DECADES, SWEEP_POINTS),
  );
  return {
    scenario,
    problem,
    solution,
    candidates,
    isoLoss,
    demandSweep,
    demandTokens,
    testTime: testTimeResults(problem),
    dataWall: dataWallResults(problem, solution),
  };
}

const K_POINTS = 60;
const DATA_POINTS = 30;

function dataWallResults(problem: Problem, solution: Solution): Results['dataWall'] {
  if (!problem.data || !solution.withoutDataLimit) return null;
  const { uniqueTokens } = problem.data;
  const leastSufficient = leastSufficientUniqueTokens(problem);
  const amounts = logSpace(
    leastSufficient * 1.02,
    Math.max(uniqueTokens * 100, leastSufficient * 1000),
    DATA_POINTS,
  );
  return {
    uniqueTokens,
    leastSufficient,
    points: costAgainstUniqueData(problem, amounts),
    unlimited: solution.withoutDataLimit,
  };
}

function testTimeResults(problem: Problem): Results['testTime'] {
  const setup = problem.testTime;
  if (!setup) return null;
  // Up to k_max, or a decade past saturation to show that more k only adds cost.
  const ks = logSpace(1, Math.max(2, Math.min(setup.kMax, largestUsefulK(setup) * 10)), K_POINTS);
  return {
    // The engine's own path: a k at which no model reaches the target has no point (the optimiser
    // prices it infinitely), rather than throwing where the command line answers.
    curve: testTimeCurve(problem, setup, ks),
    frontier: testTimeFrontier(problem, setup, ks),
  };
}
