import { allocatorFor } from './allocator';
import { savingAgainst, type Candidate, type Saving } from './candidate';
import { scaleDemand, totalDemandTokens, type Demand } from '../demand';
import { requirePositive, ScienceError } from '../errors';
import type { Problem, TestTimeSetup } from '../problem';
import { lifetimeOptimalCandidate, withoutTestTimeCandidate } from './solve';

/** Largest sweep we compute in one go; a chart needs a few hundred points. */
export const MAX_SWEEP_POINTS = 100_000;

/** `count` values spaced evenly in log from `from` to `to` inclusive. */
export function logSpace(from: number, to: number, count: number): number[] {
  requirePositive(from, 'the first value');
  requirePositive(to, 'the last value');
  if (!Number.isInteger(count) || count < 1 || count > MAX_SWEEP_POINTS) {
    throw new ScienceError(
      'invalid-argument',
      `the count must be a whole number from 1 to ${MAX_SWEEP_POINTS}`,
    );
  }
  if (count === 1) return [from];
  const logFrom = Math.log(from);
  const stepSize = (Math.log(to) - logFrom) / (count - 1);
  // The ends are the user's own numbers, not exp(log(x)), so they come back exactly.
  const values = Array.from({ length: count }, (_, i) => Math.exp(logFrom + i * stepSize));
  values[0] = from;
  values[count - 1] = to;
  return values;
}

export interface SweepPoint {
  /** Lifetime inference tokens (input + output) at this point, in the scenario's mix. */
  readonly demandTokens: number;
  readonly lifetimeOptimal: Candidate;
  readonly savingVsChinchilla: Saving;
  /** What test-time compute saves at this demand (zero without a testTime section). */
  readonly savingVsWithoutTestTime: Saving;
}

/** The lifetime optimum across demands, keeping the scenario's input/output mix. */
export function sweepDemand(problem: Problem, demandTotals: readonly number[]): SweepPoint[] {
  const allocator = allocatorFor(problem);
  const chinchilla = allocator.computeOptimal(problem.law.excessForLoss(problem.targetLoss));
  return demandTotals.map((demandTokens) => {
    const demand = scaleDemand(problem.demand, demandTokens);
    const testTime = problem.testTime && scaleRequests(problem.testTime, problem.demand, demandTokens);
    const atDemand: Problem = { ...problem, demand, ...(testTime ? { testTime } : {}) };
    const withoutTestTime = withoutTestTimeCandidate(atDemand);
    const lifetimeOptimal = testTime ? lifetimeOptimalCandidate(atDemand) : withoutTestTime;
    const chinchillaOptimal = allocator.evaluate(chinchilla, demand);
    return {
      demandTokens,
      lifetimeOptimal,
      savingVsChinchilla: savingAgainst(lifetimeOptimal, chinchillaOptimal),
      savingVsWithoutTestTime: savingAgainst(lifetimeOptimal, withoutTestTime),
    };
  });
}

/** Requests grow with demand in the same proportion as tokens, so verification scales along. */
function scaleRequests(setup: TestTimeSetup, demand: Demand, demandTokens: number): TestTimeSetup {
  const total = totalDemandTokens(demand);
  return { ...setup, requests: total > 0 ? (setup.requests * demandTokens) / total : 0 };
}
