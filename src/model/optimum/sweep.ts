import { allocatorFor } from './allocator';
import { savingAgainst, type Candidate, type Saving } from './candidate';
import { scaleDemand, totalDemandTokens, type Demand } from '../demand';
import type { Problem, TestTimeSetup } from '../problem';
import { lifetimeOptimalCandidate, withoutTestTimeCandidate } from './solve';

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
