import type { CostRates } from './hardware/costs';
import type { Demand } from './demand';

/** What the lifetime optimum minimises: FLOPs (6ND + 2N per inference token) or US dollars. */
export type Objective = 'flops' | 'cost';
export const OBJECTIVES: readonly Objective[] = ['flops', 'cost'];

/**
 * Lifetime demand in training-FLOP-equivalent tokens, so that either objective becomes the FLOPs
 * problem 6ND + 2N·T_eff. For cost, total cost = c_t (6ND + 2N T_eff) with
 * T_eff = (c_prefill T_in + c_decode T_out) / c_t, the reduction of Sardana et al. 2024, §6
 * (each c in dollars per executed FLOP, utilisation included).
 */
export function effectiveDemandTokens(objective: Objective, demand: Demand, rates: CostRates): number {
  if (objective === 'flops') return demand.inputTokens + demand.outputTokens;
  return (rates.prefill * demand.inputTokens + rates.decode * demand.outputTokens) / rates.training;
}
