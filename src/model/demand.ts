/** Lifetime inference demand: every token the model will read (prefill) and write (decode). */
export interface Demand {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export function totalDemandTokens(demand: Demand): number {
  return demand.inputTokens + demand.outputTokens;
}

/** The same request mix scaled to a new total number of tokens (for demand sweeps). */
export function scaleDemand(demand: Demand, totalTokens: number): Demand {
  const total = totalDemandTokens(demand);
  // Without a mix to scale, use the request shape of Sardana et al.'s code: 70 input / 215 output
  // tokens per request (LMSYS-Chat averages).
  const inputShare = total > 0 ? demand.inputTokens / total : 70 / 285;
  return { inputTokens: totalTokens * inputShare, outputTokens: totalTokens * (1 - inputShare) };
}
