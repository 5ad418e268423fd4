/**
 * The range each numeric field of a scenario accepts, beyond its sign (reader.ts's NumberDomain):
 * generous enough that no real scenario is refused, tight enough that no product the engine forms
 * from them (FLOPs, hours, dollars, joules, bytes) leaves double precision, so a hostile file is
 * refused here naming its field instead of failing later inside the engine (issue 12).
 *
 * Keys are a field's name, or its parent's and its own ("p1.gamma") where one name means two
 * things; list indices and number formats under `peakFlops` do not count (see `limitFor`).
 */
export interface FieldLimit {
  /** Smallest accepted value, when the sign alone is not enough. */
  readonly min?: number;
  readonly max: number;
  /** Why the bound, as the refusal tells the user. */
  readonly why: string;
}

/** Parameters: 10^16 is ~10,000× the largest models trained so far (~2e12). */
const PARAMS: FieldLimit = { min: 1, max: 1e16, why: 'parameters, ~10,000× the largest models yet' };
/** Training tokens: 10^18 is ~10,000× the largest training sets so far (~4e13). */
const TOKENS: FieldLimit = { min: 1, max: 1e18, why: 'tokens, ~10,000× the largest training sets yet' };
/** Utilisations: below 0.01% the hours of a large run overflow; no real run is that idle. */
const UTILISATION: FieldLimit = { min: 1e-4, max: 1, why: 'a utilisation, at least 0.01%' };
/** Scaling exponents: published fits lie in 0.03–0.8; below 0.01 the optimum's size overflows. */
const EXPONENT: FieldLimit = { min: 0.01, max: 3, why: 'a scaling exponent, published ones lie in 0.03–0.8' };
/** Tokens per request: a 100M-token context is ~100× the longest offered today. */
const PER_REQUEST: FieldLimit = { max: 1e8, why: 'tokens per request, ~100× the longest contexts' };

export const FIELD_LIMITS: Readonly<Record<string, FieldLimit>> = {
  // Losses are in nats per token: the cross-entropy of a uniform guess over a 10^6-token
  // vocabulary is ln 10^6 ≈ 14, so 100 holds every real loss and floor.
  E: { max: 100, why: 'a loss in nats per token' },
  loss: { max: 100, why: 'a loss in nats per token' },
  // Published A and B span ~30–2,100: 406.4 and 410.7 (Hoffmann et al. 2022, Eq. 2 and App. D.2),
  // 482.01 and 2,085.43 (Besiroglu et al. 2024, Table 1), 33.66 and 138.9 (Sardana et al. 2024's
  // MPT refit, Table 1); 10^9 leaves over five orders of magnitude for other fits.
  A: { max: 1e9, why: 'a loss coefficient, published ones are ~30–2,100' },
  B: { max: 1e9, why: 'a loss coefficient, published ones are ~30–2,100' },
  alpha: EXPONENT,
  beta: EXPONENT,
  alphaN: EXPONENT,
  alphaD: EXPONENT,
  // Kaplan et al. 2020, Eq. 1.5 with Table 5's fit: N_c = 8.8e13, D_c = 5.4e13.
  Nc: { min: 1, max: 1e25, why: 'a Kaplan scale, N_c is 8.8e13 in Kaplan et al. 2020' },
  Dc: { min: 1, max: 1e25, why: 'a Kaplan scale, D_c is 5.4e13 in Kaplan et al. 2020' },
  'fittedRange.params': PARAMS,
  'fittedRange.tokens': TOKENS,
  'model.params': PARAMS,
  'model.tokens': TOKENS,
  'plans.params': PARAMS,
  'plans.tokens': TOKENS,
  'plans.k': { max: 1e9, why: 'attempts per query' },
  computeOptimalParams: PARAMS,
  // 6·N·D at the largest N and D above.
  computeOptimalFlops: { max: 1e35, why: 'training FLOPs, 6 × 10^16 parameters × 10^18 tokens' },
  uniqueTokens: TOKENS,
  // Lifetime demand: 10^20 tokens is ~1,000× a year of today's largest API.
  inputTokens: { max: 1e20, why: 'lifetime tokens, ~1,000× a year of the largest API today' },
  outputTokens: { max: 1e20, why: 'lifetime tokens, ~1,000× a year of the largest API today' },
  requests: { max: 1e16, why: 'lifetime requests, ~1,000× a year of the largest API today' },
  requestsPerDay: { max: 1e14, why: 'requests per day, ~1,000× the largest API today' },
  days: { max: 36_525, why: 'days, a century of serving' },
  inputTokensPerRequest: PER_REQUEST,
  outputTokensPerRequest: PER_REQUEST,
  // A B200 peaks at ~1e16 FLOP/s in fp4; 10^18 is 100× that, 10^9 a single CPU core.
  peakFlops: { min: 1e9, max: 1e18, why: 'FLOP/s of one accelerator, a B200 is ~1e16' },
  // One accelerator: an H200 has 141 GB and 4.8 TB/s and draws 700 W; the bounds are ~1,000×.
  memoryGB: { min: 0.1, max: 1e5, why: 'GB of memory on one accelerator, an H200 has 141' },
  bandwidthTBs: { min: 1e-3, max: 1000, why: 'TB/s of memory bandwidth, up to 1 PB/s' },
  boardPowerW: { min: 1, max: 1e5, why: 'watts drawn by one accelerator, up to 100 kW' },
  gpuWatts: { min: 1, max: 1e5, why: 'watts drawn by one accelerator, up to 100 kW' },
  // Cloud GPUs rent for ~$1–10 an hour.
  pricePerHour: { max: 1e6, why: 'dollars per GPU-hour' },
  mfu: UTILISATION,
  prefillMfu: UTILISATION,
  decodeMfu: UTILISATION,
  bandwidthEfficiency: UTILISATION,
  // The largest clusters are ~10^5 GPUs.
  clusterGpus: { max: 1e8, why: 'GPUs in one cluster, the largest have ~10^5' },
  batch: { max: 1e6, why: 'requests decoded together' },
  contextTokens: PER_REQUEST,
  aspectRatio: { min: 0.01, max: 1e4, why: 'a width-to-depth ratio, ~100 in practice' },
  headDim: { max: 1e5, why: 'an attention head size, ~128 in practice' },
  kvHeads: { max: 1e5, why: 'key-value heads, ~8 in practice' },
  // Tokens per parameter: Chinchilla's 20, Llama 3 8B's ~1,900; 10^6 leaves room for far more.
  baselines: { min: 0.01, max: 1e6, why: 'tokens per parameter, Chinchilla is 20' },
  kMax: { max: 1e9, why: 'attempts per query' },
  verifierCostPerSample: { max: 1e22, why: 'FLOPs to verify one sample' },
  // γ and S of Model A (docs/science.md §4.1): task classes use γ ≈ 1–3 and S ≤ 3.
  gamma: { min: 0.01, max: 100, why: 'an exchange exponent, task classes use 1–3' },
  spanOom: { max: 10, why: 'orders of magnitude of training compute' },
  // Gadre et al. 2024's Err(L) = ε − k·exp(−γL): k and γ of their fits are below ~100 and ~10.
  'p1.k': { max: 1e6, why: 'a loss-mapping coefficient' },
  'p1.gamma': { max: 100, why: 'a loss-mapping exponent' },
  coverageExponent: { max: 100, why: 'a coverage exponent' },
  // PUE is ~1.1–1.6 in data centres; grid intensity is ≤ ~1.2 kg CO₂/kWh even for coal.
  pue: { max: 10, why: 'a power usage effectiveness, ~1.1–1.6 in data centres' },
  gridKgCo2PerKwh: { max: 10, why: 'kg CO₂ per kWh, coal is ~1' },
};

/**
 * The limit of the field at `path` (e.g. `training.mfu`, `gpus[0].peakFlops.bf16`,
 * `law.fittedRange.params[1]`), if it has one.
 */
export function limitFor(path: string): FieldLimit | undefined {
  const names = path.replace(/\[\d+\]/g, '').split('.');
  const parent = names[names.length - 2] ?? '';
  // Under `peakFlops` each key is a number format whose value is a peak.
  if (parent === 'peakFlops') return FIELD_LIMITS['peakFlops'];
  const name = names[names.length - 1] ?? '';
  return FIELD_LIMITS[`${parent}.${name}`] ?? FIELD_LIMITS[name];
}
