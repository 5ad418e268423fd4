import type { Allocation } from '../allocation';
import { evaluateCandidate, type Candidate, type CandidateContext, type Serving } from './candidate';
import { computeOptimalForExcess, minimumParams, tokensForParams } from './compute-optimal';
import {
  dataConstrainedExcess,
  dataConstrainedTokensForLoss,
  effectiveParams,
  maxEffectiveTokens,
} from '../data/data-constrained';
import type { Demand } from '../demand';
import { ScienceError, formatForMessage } from '../errors';
import { fixedRatioForExcess } from './fixed-ratio';
import {
  kaplanAllocationAtLog,
  kaplanAllocationForExcess,
  kaplanLogPfDaysForParams,
} from './kaplan-allocation';
import { lifetimeOptimalForExcess } from './lifetime';
import { minimizeInLogSpace } from '../numerics/minimize';
import { effectiveDemandTokens } from '../objective';
import { decodeCostForParams } from '../hardware/roofline';
import type { Problem } from '../problem';

/**
 * Allocations and candidates for a problem. Separable problems (no data limit, decode at a fixed
 * MFU or counted in FLOPs) use the closed forms and Newton solves; the others, whose cost or loss is
 * not separable in N and D, minimise numerically over ln N (Brent's method after a grid scan).
 */
export interface Allocator {
  /** Training tokens N parameters need for the excess; throws `unreachable` when none suffice. */
  tokensFor(excess: number, params: number): number;
  /** Below this size no amount of data reaches the excess (with a data limit, the unlimited bound). */
  minimumParams(excess: number): number;
  lifetimeOptimal(excess: number, demand: Demand): Allocation;
  computeOptimal(excess: number): Allocation;
  fixedRatio(excess: number, tokensPerParam: number): Allocation;
  /** The model on Kaplan et al. 2020's allocation curve that reaches the excess (kaplan-allocation.ts). */
  kaplanAllocation(excess: number): Allocation;
  evaluate(model: Allocation, demand: Demand, serving?: Serving): Candidate;
}

/** Grid points scanned over ln N before Brent's refinement; the cost may have kinks (memory bound). */
const GRID_POINTS = 40;
/** The numeric search spans from N_min up to this multiple of the unlimited compute-optimal size. */
const SEARCH_SPAN = 1e4;
/** Bisection steps on ln N for a fixed ratio: far below double precision. */
const BISECTION_STEPS = 200;

export function isSeparable(problem: Problem): boolean {
  return !problem.data && !(problem.decode && problem.objective === 'cost');
}

/** What beyond the law and the prices shapes every candidate of a problem. */
function contextOf(problem: Problem): CandidateContext {
  const { data, decode, fleet } = problem;
  return {
    ...(data ? { uniqueTokens: data.uniqueTokens } : {}),
    ...(decode
      ? {
          decodeDollarsPerToken: (params: number) =>
            decodeCostForParams(params, decode.hardware, decode.serving).dollarsPerToken,
        }
      : {}),
    ...(fleet ? { fleet } : {}),
  };
}

/** Closed forms and Newton solves: the hot path of charts, sweeps and grids (methods, no closures). */
class SeparableAllocator implements Allocator {
  readonly #context: CandidateContext | undefined;

  constructor(private readonly problem: Problem) {
    // Most problems carry nothing beyond law and prices: skip building a context for them.
    this.#context = problem.fleet || problem.decode ? contextOf(problem) : undefined;
  }

  tokensFor(excess: number, params: number): number {
    return tokensForParams(this.problem.law.terms, excess, params);
  }

  minimumParams(excess: number): number {
    return minimumParams(this.problem.law.terms, excess);
  }

  lifetimeOptimal(excess: number, demand: Demand): Allocation {
    const { law, objective, rates } = this.problem;
    return lifetimeOptimalForExcess(law.terms, excess, effectiveDemandTokens(objective, demand, rates));
  }

  computeOptimal(excess: number): Allocation {
    return computeOptimalForExcess(this.problem.law.terms, excess);
  }

  fixedRatio(excess: number, tokensPerParam: number): Allocation {
    return fixedRatioForExcess(this.problem.law.terms, excess, tokensPerParam);
  }

  kaplanAllocation(excess: number): Allocation {
    return kaplanAllocationForExcess(this.problem.law.terms, excess);
  }

  evaluate(model: Allocation, demand: Demand, serving?: Serving): Candidate {
    return evaluateCandidate(this.problem.law, model, demand, this.problem.rates, serving, this.#context);
  }
}

/** Numeric minimisation over ln N, for a data limit or a roofline-priced decode. */
class NumericAllocator implements Allocator {
  readonly #context: CandidateContext;
  /** The search needs only the bill: the footprint is worked out for the chosen sizes alone. */
  readonly #searchContext: CandidateContext;

  constructor(private readonly problem: Problem) {
    this.#context = contextOf(problem);
    this.#searchContext = contextOf({ ...problem, fleet: undefined });
  }

  tokensFor(excess: number, params: number): number {
    const { law, data } = this.problem;
    return data
      ? dataConstrainedTokensForLoss(law, params, data.uniqueTokens, law.lossForExcess(excess))
      : tokensForParams(law.terms, excess, params);
  }

  minimumParams(excess: number): number {
    return minimumParams(this.problem.law.terms, excess);
  }

  lifetimeOptimal(excess: number, demand: Demand): Allocation {
    const metric =
      this.problem.objective === 'cost' ? (c: Candidate) => c.totalCost : (c: Candidate) => c.totalFlops;
    const { law, rates } = this.problem;
    return this.minimiseOverSize(
      excess,
      (model) => metric(evaluateCandidate(law, model, demand, rates, undefined, this.#searchContext)),
      'the lifetime-optimal size',
    );
  }

  computeOptimal(excess: number): Allocation {
    return this.minimiseOverSize(excess, (model) => model.params * model.tokens, 'the compute-optimal size');
  }

  fixedRatio(excess: number, tokensPerParam: number): Allocation {
    const { law } = this.problem;
    const excessAt = (logParams: number) =>
      this.excessOf(Math.exp(logParams), tokensPerParam * Math.exp(logParams));
    // The excess of (N, rN) falls as N grows; bisect ln N between N_min and far past it.
    let low = Math.log(minimumParams(law.terms, excess));
    let high = low + 4 * Math.log(SEARCH_SPAN);
    if (excessAt(high) > excess) {
      throw new ScienceError(
        'unreachable',
        `no model trained on ${formatForMessage(tokensPerParam)} tokens per parameter reaches loss ${formatForMessage(law.lossForExcess(excess), 5)} with this much unique data`,
      );
    }
    for (let i = 0; i < BISECTION_STEPS && high - low > 1e-15 * Math.abs(high); i++) {
      const middle = (low + high) / 2;
      if (excessAt(middle) > excess) low = middle;
      else high = middle;
    }
    const params = Math.exp(high);
    return { params, tokens: params * tokensPerParam };
  }

  /** Bisection along the curve, whose N and D both grow with C_min, from N = N_min up. */
  kaplanAllocation(excess: number): Allocation {
    const { law } = this.problem;
    const excessAt = (logPfDays: number) => {
      const model = kaplanAllocationAtLog(logPfDays);
      return this.excessOf(model.params, model.tokens);
    };
    let low = kaplanLogPfDaysForParams(minimumParams(law.terms, excess));
    let high = low + 4 * Math.log(SEARCH_SPAN);
    if (excessAt(high) > excess) {
      throw new ScienceError(
        'unreachable',
        `no model on Kaplan et al.'s allocation curve reaches loss ${formatForMessage(law.lossForExcess(excess), 5)} with this much unique data`,
      );
    }
    for (let i = 0; i < BISECTION_STEPS && high - low > 1e-15 * Math.abs(high); i++) {
      const middle = (low + high) / 2;
      if (excessAt(middle) > excess) low = middle;
      else high = middle;
    }
    return kaplanAllocationAtLog(high);
  }

  evaluate(model: Allocation, demand: Demand, serving?: Serving): Candidate {
    return evaluateCandidate(this.problem.law, model, demand, this.problem.rates, serving, this.#context);
  }

  private excessOf(params: number, tokens: number): number {
    const { law, data } = this.problem;
    const { a, alpha, b, beta } = law.terms;
    return data
      ? dataConstrainedExcess(law.terms, params, tokens, data.uniqueTokens)
      : a * params ** -alpha + b * tokens ** -beta;
  }

  /**
   * The smallest N that reaches the excess with unlimited repetition of the unique data: below it
   * every size throws `unreachable`, and exceptions are slow, so the search starts here. Found by
   * bisection on ln N, as N' grows with N and the best data term is fixed at U·(1 + R_D*).
   */
  private smallestReachingSize(excess: number): number {
    const { law, data } = this.problem;
    const unlimited = minimumParams(law.terms, excess);
    if (!data) return unlimited;
    const { a, alpha, b, beta } = law.terms;
    const dataFloor = b * maxEffectiveTokens(data.uniqueTokens) ** -beta;
    const reaches = (params: number) =>
      a * effectiveParams(law.terms, params, data.uniqueTokens) ** -alpha + dataFloor < excess;
    let low = Math.log(unlimited);
    let high = low + 4 * Math.log(SEARCH_SPAN);
    if (!reaches(Math.exp(high))) return Math.exp(high);
    for (let i = 0; i < BISECTION_STEPS && high - low > 1e-12 * Math.abs(high); i++) {
      const middle = (low + high) / 2;
      if (reaches(Math.exp(middle))) high = middle;
      else low = middle;
    }
    return Math.exp(high);
  }

  /** Minimises a cost of (N, D(N)) over the sizes that reach the excess; the others cost +∞. */
  private minimiseOverSize(excess: number, cost: (model: Allocation) => number, what: string): Allocation {
    const { law, data } = this.problem;
    const low = this.smallestReachingSize(excess) * (1 + 1e-9);
    const high = Math.max(low * 10, computeOptimalForExcess(law.terms, excess).params * SEARCH_SPAN);
    const costAt = (params: number): number => {
      try {
        return cost({ params, tokens: this.tokensFor(excess, params) });
      } catch (error) {
        if (error instanceof ScienceError && error.code === 'unreachable') return Infinity;
        throw error;
      }
    };
    const unreachable = () => {
      const loss = law.lossForExcess(excess);
      return new ScienceError(
        'unreachable',
        data
          ? `no model reaches loss ${formatForMessage(loss, 5)} with ${formatForMessage(data.uniqueTokens, 3)} unique tokens, however often they are repeated`
          : `no model reaches loss ${formatForMessage(loss, 5)}`,
      );
    };
    // Every size is out of reach only when the target is: check the most data-efficient corner first.
    if (!Number.isFinite(costAt(high))) throw unreachable();
    const { x, value } = minimizeInLogSpace(costAt, low, high, what, { gridPoints: GRID_POINTS });
    if (!Number.isFinite(value)) throw unreachable();
    return { params: x, tokens: this.tokensFor(excess, x) };
  }
}

export function allocatorFor(problem: Problem): Allocator {
  return isSeparable(problem) ? new SeparableAllocator(problem) : new NumericAllocator(problem);
}
