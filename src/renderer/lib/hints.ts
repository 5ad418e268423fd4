/**
 * The editor's hints: every number in them is asked of the engine or the scenario module (its
 * defaults, typical ranges and presets), never written here, so a hint cannot disagree with what
 * the engine computes with.
 */
import {
  bandwidthBytesPerSecond,
  bytesPerValue,
  decodeUtilisation,
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_DECODE_BATCH,
  DEFAULT_SHAPE_RULE,
  findGpuPreset,
  INDEXED_WEB_TOKENS,
  LARGEST_KNOWN_TRAINING_SET_TOKENS,
  type Dtype,
  type GpuDefinition,
} from '../../model';
import { formatCount } from '../../format/quantity';
import {
  DEFAULT_COVERAGE_EXPONENT,
  DEFAULT_DTYPE,
  DEFAULT_GPU,
  TYPICAL_COVERAGE_EXPONENT,
  TYPICAL_PREFILL_MFU,
  TYPICAL_TRAINING_MFU,
  type TypicalRange,
} from '../../scenario';

const range = ({ low, high }: TypicalRange): string => `${low}–${high}`;

export const TRAINING_MFU_HINT = `${range(TYPICAL_TRAINING_MFU)} is typical`;
export const PREFILL_MFU_HINT = `compute-bound, ${range(TYPICAL_PREFILL_MFU)}`;

/**
 * What a fixed decode MFU stands for: the roofline's utilisation at the default batch, weights
 * only (it is then the same for every model size), on the section's GPU in its number format, or
 * on the default GPU when the section gives a bare peak.
 */
export function decodeMfuHint(gpu: GpuDefinition | undefined, dtype: Dtype): string {
  const own = gpu !== undefined && gpu.peakFlops[dtype] !== undefined;
  const shown = own ? gpu : findGpuPreset(DEFAULT_GPU);
  const format = own ? dtype : DEFAULT_DTYPE;
  const peakFlops = shown?.peakFlops[format];
  if (!shown || peakFlops === undefined) return 'memory-bound';
  const utilisation = decodeUtilisation(
    1,
    { peakFlops, bandwidthBytesPerSecond: bandwidthBytesPerSecond(shown) },
    {
      batch: DEFAULT_DECODE_BATCH,
      bandwidthEfficiency: DEFAULT_BANDWIDTH_EFFICIENCY,
      bytesPerParam: bytesPerValue(format),
      contextTokens: 0,
      kvBytesPerToken: 0,
    },
  );
  const where = own ? '' : ` on ${shown.label}`;
  return `memory-bound: ~${Number(utilisation.toPrecision(1))} at batch ${DEFAULT_DECODE_BATCH}${where}`;
}

const dollars = (value: number): string => `$${value.toFixed(2)}`;

/** A GPU preset's typical price, with its date and range; nothing for a GPU of the user's. */
export function priceHint(gpu: string | undefined): string {
  const price = gpu === undefined ? undefined : findGpuPreset(gpu)?.price;
  if (!price) return '';
  const range = price.range ? ` (range ${dollars(price.range[0])}–${dollars(price.range[1])})` : '';
  return `typical ${dollars(price.perHour)}/h on demand in ${price.date}${range}`;
}

/** The shape rule's values an empty override field keeps. */
export const SHAPE_HINTS = {
  aspectRatio: `empty: ${DEFAULT_SHAPE_RULE.aspectRatio} (Llama-like)`,
  headDim: `empty: ${DEFAULT_SHAPE_RULE.headDim}`,
  kvHeads: `empty: ${DEFAULT_SHAPE_RULE.kvHeads} (grouped-query)`,
} as const;

export const COVERAGE_EXPONENT_HINT = `pass@k = p₁^(k^−a): ${DEFAULT_COVERAGE_EXPONENT} typical, ${range(TYPICAL_COVERAGE_EXPONENT)} (${TYPICAL_COVERAGE_EXPONENT.source})`;

export const UNIQUE_TOKENS_HINT = `Muennighoff et al. 2023; the indexed web holds ~${formatCount(INDEXED_WEB_TOKENS)}, the largest released training set ~${formatCount(LARGEST_KNOWN_TRAINING_SET_TOKENS)}`;
