import type { Allocation } from '../../src/model/allocation';
import type { SeparableTerms } from '../../src/model/laws/types';

/**
 * An independent reference for the lifetime optimum: bisection (not Newton) on the optimality
 * condition of Sardana et al. 2024 (arXiv 2401.00448, §3; docs/science.md §3.2),
 * αaN^−α / (βbD^−β) = 1 + T/(3D), written in the data share y = bD^−β/Δ rather than in r = T/(3D)
 * as the engine does. Slow, but cannot fail to converge.
 */
export function referenceLifetimeOptimum(terms: SeparableTerms, excess: number, demand: number): Allocation {
  const { a, alpha, b, beta } = terms;
  const allocation = (y: number) => ({
    params: Math.exp((Math.log(a) - Math.log(excess * (1 - y))) / alpha),
    tokens: Math.exp((Math.log(b) - Math.log(excess * y)) / beta),
  });
  const condition = (logY: number) => {
    const y = Math.exp(logY);
    const { tokens } = allocation(y);
    return (alpha * (1 - y)) / (beta * y) - 1 - demand / (3 * tokens);
  };
  let low = Math.log(1e-300);
  let high = Math.log(alpha / (alpha + beta));
  for (let i = 0; i < 400 && high - low > 1e-15 * Math.max(1, Math.abs(low)); i++) {
    const middle = (low + high) / 2;
    if (condition(middle) > 0) low = middle;
    else high = middle;
  }
  return allocation(Math.exp((low + high) / 2));
}

/** Lifetime FLOPs 6ND + 2NT. */
export function lifetimeFlops(model: Allocation, demand: number): number {
  return 6 * model.params * model.tokens + 2 * model.params * demand;
}
