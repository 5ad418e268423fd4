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
import { bisect } from '../numerics/bisect';
import { minimizePiecewiseConvex } from '../numerics/piecewise-convex';
import { effectiveDemandTokens } from '../objective';
import { decodeCostForParams } from '../hardware/roofline';
import { kvCacheShapeKey } from '../hardware/transformer-shape';
import type { Problem } from '../problem';

/**
 * Allocations and candidates for a problem. Separable problems (no data limit, decode at a fixed
 * MFU or counted in FLOPs) use the closed forms and Newton solves; the others, whose cost or loss is
 * not separable in N and D, minimise numerically over ln N, globally by construction: the cost is
 * convex in ln N on each piece of the iso-loss curve where the KV cache per token is constant
 * (docs/science.md §3.5), and `minimizePiecewiseConvex` searches every piece that could hold the minimum.
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

/** The numeric search spans from N_min up to this multiple of the unlimited compute-optimal size. */
const SEARCH_SPAN = 1e4;
/** Relative tolerance of the bisections along a fixed ratio or Kaplan's curve: near double precision. */
const CURVE_TOLERANCE = 1e-15;

function isSeparable(problem: Problem): boolean {
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

/**
 * A cost of (N, D(N)) along the iso-loss curve, with what makes its minimum global
 * (`minimizePiecewiseConvex`): the pieces on which it is convex in ln N, and a lower bound convex
 * in ln N along the whole curve.
 */
interface SizeCost {
  readonly cost: (model: Allocation) => number;
  readonly lowerBound: (model: Allocation) => number;
  readonly pieceKey: (params: number) => readonly number[];
}

/** The key of a cost that is convex in ln N along the whole iso-loss curve: a single piece. */
const ONE_PIECE: readonly number[] = [];

/** Numeric minimisation over ln N, for a data limit or a roofline-priced decode. */
class NumericAllocator implements Allocator {
  readonly #context: CandidateContext;
  /** The search needs only the bill: the footprint is worked out for the chosen sizes alone. */
  readonly #searchContext: CandidateContext;
  /**
   * The bill without KV-cache reads (a decode context of 0 tokens): never above the real bill, and
   * convex in ln N along the whole curve, as no whole layers or heads enter it.
   */
  readonly #withoutKvContext: CandidateContext;

  constructor(private readonly problem: Problem) {
    this.#context = contextOf(problem);
    this.#searchContext = contextOf({ ...problem, fleet: undefined });
    const { decode } = problem;
    this.#withoutKvContext = decode
      ? contextOf({
          ...problem,
          fleet: undefined,
          decode: { ...decode, serving: { ...decode.serving, contextTokens: 0 } },
        })
      : this.#searchContext;
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
    const { law, rates, objective, decode } = this.problem;
    const metric = objective === 'cost' ? (c: Candidate) => c.totalCost : (c: Candidate) => c.totalFlops;
    const billWith =
      (context: CandidateContext) =>
      (model: Allocation): number =>
        metric(evaluateCandidate(law, model, demand, rates, undefined, context));
    // Only a roofline-priced bill depends on the shape: its KV cache grows in whole layers and heads.
    const shaped = decode !== undefined && objective === 'cost';
    return this.minimiseOverSize(
      excess,
      {
        cost: billWith(this.#searchContext),
        lowerBound: billWith(this.#withoutKvContext),
        pieceKey: shaped ? (params) => kvCacheShapeKey(params, decode.serving.shape) : () => ONE_PIECE,
      },
      'the lifetime-optimal size',
    );
  }

  computeOptimal(excess: number): Allocation {
    const trainingCompute = (model: Allocation) => model.params * model.tokens;
    return this.minimiseOverSize(
      excess,
      { cost: trainingCompute, lowerBound: trainingCompute, pieceKey: () => ONE_PIECE },
      'the compute-optimal size',
    );
  }

  fixedRatio(excess: number, tokensPerParam: number): Allocation {
    const { law } = this.problem;
    const excessAt = (logParams: number) =>
      this.excessOf(Math.exp(logParams), tokensPerParam * Math.exp(logParams));
    // The excess of (N, rN) falls as N grows; bisect ln N between N_min and far past it.
    const low = Math.log(minimumParams(law.terms, excess));
    const high = low + 4 * Math.log(SEARCH_SPAN);
    if (excessAt(high) > excess) {
      throw new ScienceError(
        'unreachable',
        `no model trained on ${formatForMessage(tokensPerParam)} tokens per parameter reaches loss ${formatForMessage(law.lossForExcess(excess), 5)} with this much unique data`,
      );
    }
    const logParams = bisect((u) => !(excessAt(u) > excess), low, high, 'the fixed-ratio size', {
      relativeTolerance: CURVE_TOLERANCE,
    });
    const params = Math.exp(logParams);
    return { params, tokens: params * tokensPerParam };
  }

  /** Bisection along the curve, whose N and D both grow with C_min, from N = N_min up. */
  kaplanAllocation(excess: number): Allocation {
    const { law } = this.problem;
    const excessAt = (logPfDays: number) => {
      const model = kaplanAllocationAtLog(logPfDays);
      return this.excessOf(model.params, model.tokens);
    };
    const low = kaplanLogPfDaysForParams(minimumParams(law.terms, excess));
    const high = low + 4 * Math.log(SEARCH_SPAN);
    if (excessAt(high) > excess) {
      throw new ScienceError(
        'unreachable',
        `no model on Kaplan et al.'s allocation curve reaches loss ${formatForMessage(law.lossForExcess(excess), 5)} with this much unique data`,
      );
    }
    const logPfDays = bisect((u) => !(excessAt(u) > excess), low, high, 'the Kaplan-allocation size', {
      relativeTolerance: CURVE_TOLERANCE,
    });
    return kaplanAllocationAtLog(logPfDays);
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
    const low = Math.log(unlimited);
    const high = low + 4 * Math.log(SEARCH_SPAN);
    if (!reaches(Math.exp(high))) return Math.exp(high);
    return Math.exp(
      bisect((u) => reaches(Math.exp(u)), low, high, 'the smallest size that reaches the loss'),
    );
  }

  /** Minimises a cost of (N, D(N)) over the sizes that reach the excess; the others cost +∞. */
  private minimiseOverSize(excess: number, sizeCost: SizeCost, what: string): Allocation {
    const { law, data } = this.problem;
    const low = this.smallestReachingSize(excess) * (1 + 1e-9);
    const high = Math.max(low * 10, computeOptimalForExcess(law.terms, excess).params * SEARCH_SPAN);
    const alongCurve =
      (of: (model: Allocation) => number) =>
      (logParams: number): number => {
        const params = Math.exp(logParams);
        try {
          return of({ params, tokens: this.tokensFor(excess, params) });
        } catch (error) {
          // Sizes that no data reaches, or that need more tokens than the engine represents (next
          // to N_min), are never the cheapest: they cost +∞ to the search.
          if (
            error instanceof ScienceError &&
            (error.code === 'unreachable' || error.code === 'out-of-range')
          ) {
            return Infinity;
          }
          throw error;
        }
      };
    const unreachable = () => {
      const loss = law.lossForExcess(excess);
      return new ScienceError(
        'unreachable',
        data
          ? `no model reaches loss ${formatForMessage(loss, 5)} with ${formatForMessage(data.uniqueTokens, 3)} unique tokens, however often they are repeated; change data.uniqueTokens: more unique tokens (or a target further above the law’s floor)`
          : `no model reaches loss ${formatForMessage(loss, 5)}`,
      );
    };
    const cost = alongCurve(sizeCost.cost);
    // Every size is out of reach only when the target is: check the most data-efficient corner first.
    if (!Number.isFinite(cost(Math.log(high)))) throw unreachable();
    const { x, value } = minimizePiecewiseConvex(
      {
        f: cost,
        lowerBound: alongCurve(sizeCost.lowerBound),
        pieceKey: (logParams) => sizeCost.pieceKey(Math.exp(logParams)),
      },
      Math.log(low),
      Math.log(high),
      what,
    );
    if (!Number.isFinite(value)) throw unreachable();
    const params = Math.exp(x);
    return { params, tokens: this.tokensFor(excess, params) };
  }
}

export function allocatorFor(problem: Problem): Allocator {
  return isSeparable(problem) ? new SeparableAllocator(problem) : new NumericAllocator(problem);
}
