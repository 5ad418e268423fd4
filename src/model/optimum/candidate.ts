import type { Allocation } from '../allocation';
import { formatForMessage, ScienceError } from '../errors';
import type { CostRates } from '../hardware/costs';
import type { Demand } from '../demand';
import { kvCacheBytesPerToken, shapeForParams } from '../hardware/transformer-shape';
import { dataConstrainedLoss, effectiveTokens, epochs } from '../data/data-constrained';
import type { Fleet } from '../hardware/fleet';
import { co2Kg, energyKwh, wallClockDays } from '../hardware/footprint';
import type { LossLaw } from '../laws/types';
import { replicaMemoryFit } from '../hardware/memory-fit';

/** How a model is served: test-time compute per query and what it buys (docs/science.md §4). */
export interface Serving {
  /** Inference compute per query relative to one plain answer (samples × length multiplier). */
  readonly k: number;
  /** The loss the model behaves like with its test-time compute (its own loss when k = 1). */
  readonly effectiveLoss: number;
  /** Verification FLOPs over the model's life (samples × FLOPs per sample). */
  readonly verifierFlops: number;
}

/** One model the user might train, with its lifetime bill in FLOPs and US dollars. */
export interface Candidate extends Allocation {
  readonly tokensPerParam: number;
  readonly loss: number;
  readonly k: number;
  readonly effectiveLoss: number;
  /** Passes over the unique data (D/U), or null without a data limit. */
  readonly epochs: number | null;
  /** Training tokens as worth in the loss: D' under a data limit (Muennighoff et al. 2023), else D. */
  readonly effectiveTokens: number;
  readonly trainingFlops: number;
  readonly prefillFlops: number;
  readonly decodeFlops: number;
  readonly verifierFlops: number;
  /** Prefill, decode and verification. */
  readonly inferenceFlops: number;
  readonly totalFlops: number;
  readonly trainingCost: number;
  readonly prefillCost: number;
  readonly decodeCost: number;
  readonly verifierCost: number;
  readonly inferenceCost: number;
  readonly totalCost: number;
  /** The candidate's footprint, when the problem describes its fleet. */
  readonly trainingGpuHours?: number;
  readonly inferenceGpuHours?: number;
  readonly gpuHours?: number;
  /** Wall-clock training days on the training cluster. */
  readonly trainingDays?: number;
  readonly energyKwh?: number;
  readonly co2Kg?: number;
  /** GPUs one serving replica needs for weights and KV cache. */
  readonly replicaGpus?: number;
  /** One replica needs more than a node (8 GPUs): tensor parallelism across nodes. */
  readonly replicaExceedsNode?: boolean;
}

/** What beyond the law and the prices shapes a candidate's bill. */
export interface CandidateContext {
  readonly uniqueTokens?: number;
  /** Decode priced per token from a roofline (depends on N) instead of a fixed decode MFU. */
  readonly decodeDollarsPerToken?: (params: number) => number;
  readonly fleet?: Fleet;
}

/**
 * The largest parameter or token count a candidate may have. Far past anything physical (1e45 is
 * about 1e20 times the largest models trained), it keeps every derived quantity representable: the
 * transformer shape's layer count (12 · layers · d_model² = N) stays an exact integer for any aspect
 * ratio ≥ 1, and 6ND stays far below the largest double.
 */
export const MAX_MODEL_SIZE = 1e45;

/** Throws `out-of-range` for a model beyond MAX_MODEL_SIZE parameters or tokens. */
export function requireModelInRange(model: Allocation): void {
  const { params, tokens } = model;
  if (!(params <= MAX_MODEL_SIZE && tokens <= MAX_MODEL_SIZE)) {
    throw new ScienceError(
      'out-of-range',
      `the model would need ${formatForMessage(params, 3)} parameters on ${formatForMessage(tokens, 3)} tokens, ` +
        `beyond the ${MAX_MODEL_SIZE.toExponential()} the engine represents`,
    );
  }
}

/**
 * Training costs 6ND FLOPs; each inference token (prompt or output) costs 2N (Kaplan et al. 2020,
 * §2.1). `demand` is the tokens actually processed, test-time compute included; verification is
 * priced like prefill, as scoring passes are compute-bound.
 */
export function evaluateCandidate(
  law: LossLaw,
  model: Allocation,
  demand: Demand,
  rates: CostRates,
  serving?: Serving,
  context: CandidateContext = {},
): Candidate {
  requireModelInRange(model);
  const { params, tokens } = model;
  const { uniqueTokens, decodeDollarsPerToken, fleet } = context;
  const loss =
    uniqueTokens === undefined
      ? law.loss(params, tokens)
      : dataConstrainedLoss(law, params, tokens, uniqueTokens);
  const trainingFlops = 6 * params * tokens;
  const prefillFlops = 2 * params * demand.inputTokens;
  const decodeFlops = 2 * params * demand.outputTokens;
  const verifierFlops = serving?.verifierFlops ?? 0;
  const trainingCost = trainingFlops * rates.training;
  const prefillCost = prefillFlops * rates.prefill;
  const decodeCost = decodeDollarsPerToken
    ? demand.outputTokens * decodeDollarsPerToken(params)
    : decodeFlops * rates.decode;
  const verifierCost = verifierFlops * rates.prefill;
  const inferenceFlops = prefillFlops + decodeFlops + verifierFlops;
  const inferenceCost = prefillCost + decodeCost + verifierCost;
  const bill = {
    params,
    tokens,
    tokensPerParam: tokens / params,
    loss,
    k: serving?.k ?? 1,
    effectiveLoss: serving?.effectiveLoss ?? loss,
    epochs: uniqueTokens === undefined ? null : epochs(tokens, uniqueTokens),
    effectiveTokens: uniqueTokens === undefined ? tokens : effectiveTokens(tokens, uniqueTokens),
    trainingFlops,
    prefillFlops,
    decodeFlops,
    verifierFlops,
    inferenceFlops,
    totalFlops: trainingFlops + inferenceFlops,
    trainingCost,
    prefillCost,
    decodeCost,
    verifierCost,
    inferenceCost,
    totalCost: trainingCost + inferenceCost,
  };
  if (!(Number.isFinite(bill.totalFlops) && Number.isFinite(bill.totalCost))) {
    throw new ScienceError(
      'out-of-range',
      `the lifetime bill of a ${formatForMessage(params, 3)}-parameter model is beyond the range of double-precision numbers; change demand: fewer lifetime tokens`,
    );
  }
  return fleet ? { ...bill, ...footprintOf(bill, fleet) } : bill;
}

/**
 * GPU-hours follow from the bill itself (cost = GPU-hours × price per GPU-hour), so they include
 * every utilisation the cost model used; energy counts GPU board power times the PUE.
 */
function footprintOf(
  bill: Pick<Candidate, 'params' | 'trainingCost' | 'inferenceCost'>,
  fleet: Fleet,
): Required<
  Pick<
    Candidate,
    | 'trainingGpuHours'
    | 'inferenceGpuHours'
    | 'gpuHours'
    | 'trainingDays'
    | 'energyKwh'
    | 'co2Kg'
    | 'replicaGpus'
    | 'replicaExceedsNode'
  >
> {
  const trainingGpuHours = bill.trainingCost / fleet.trainingPricePerHour;
  const inferenceGpuHours = bill.inferenceCost / fleet.inferencePricePerHour;
  const kwh =
    energyKwh(trainingGpuHours, fleet.trainingWatts, fleet.pue) +
    energyKwh(inferenceGpuHours, fleet.inferenceWatts, fleet.pue);
  const memory = replicaMemoryFit(
    {
      params: bill.params,
      bytesPerParam: fleet.servingBytesPerParam,
      batch: fleet.batch,
      contextTokens: fleet.contextTokens,
      kvBytesPerToken: kvCacheBytesPerToken(shapeForParams(bill.params, fleet.shape), fleet.kvBytesPerValue),
    },
    fleet.inferenceMemoryGB,
  );
  return {
    trainingGpuHours,
    inferenceGpuHours,
    gpuHours: trainingGpuHours + inferenceGpuHours,
    trainingDays: wallClockDays(trainingGpuHours, fleet.clusterGpus),
    energyKwh: kwh,
    co2Kg: co2Kg(kwh, fleet.gridKgCo2PerKwh),
    replicaGpus: memory.gpus,
    replicaExceedsNode: memory.exceedsNode,
  };
}

/** What the first candidate saves against the second, as fractions of the second's totals. */
export interface Saving {
  readonly totalFlops: number;
  readonly totalCost: number;
}

export function savingAgainst(chosen: Candidate, other: Candidate): Saving {
  return {
    totalFlops: 1 - chosen.totalFlops / other.totalFlops,
    totalCost: 1 - chosen.totalCost / other.totalCost,
  };
}
