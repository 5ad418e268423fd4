import { requirePositive, ScienceError, formatForMessage } from '../errors';

/**
 * A decoder-only transformer's shape, as far as serving cost needs it: the KV cache per token of
 * context is 2 · layers · kvHeads · headDim values (docs/science.md §5.2).
 */
export interface TransformerShape {
  readonly layers: number;
  /** Width of the residual stream, d_model. */
  readonly dModel: number;
  /** Query (attention) heads. */
  readonly heads: number;
  /** Key/value heads: fewer than `heads` with grouped-query attention (GQA), equal without it. */
  readonly kvHeads: number;
  readonly headDim: number;
}

/** The knobs of the default shape rule; every one can be overridden. */
export interface ShapeRule {
  /** d_model / layers. */
  readonly aspectRatio: number;
  readonly headDim: number;
  /** KV heads once the model has at least this many query heads (GQA groups). */
  readonly kvHeads: number;
}

/**
 * Non-embedding parameters per layer per d_model²: N ≈ 12 · n_layer · d_model² (Kaplan et al. 2020,
 * arXiv 2001.08361, §2.1, with d_attn = d_model and d_ff = 4 d_model: 4d² attention + 8d² MLP).
 * Llama's SwiGLU MLP (3 · d · 8d/3 ≈ 8d²) keeps the same 12.
 */
export const PARAMS_PER_LAYER_PER_WIDTH_SQUARED = 12;

/**
 * Default shape rule, from published model families:
 * - aspect d_model/layers = 128: LLaMA-1 7B (32 layers × 4096) and 13B (40 × 5120) (Touvron et al.
 *   2023, arXiv 2302.13971, Table 2; Llama 2 keeps these shapes, arXiv 2307.09288, §2.2) and
 *   Llama 3 8B (32 × 4096) are exactly 128; Llama 3.1 405B (126 × 16384) is 130, 65B/70B
 *   (80 × 8192) 102.4 (Llama 3 Herd of Models, arXiv 2407.21783, Table 3);
 * - head_dim 128 in all of them (4096/32, 8192/64, 16384/128);
 * - 8 KV heads (grouped-query attention) in Llama 2 70B (arXiv 2307.09288, §2.2 and Table 1) and in
 *   every Llama 3 model (arXiv 2407.21783, Table 3).
 */
export const DEFAULT_SHAPE_RULE: ShapeRule = { aspectRatio: 128, headDim: 128, kvHeads: 8 };

/** Layers (not rounded) of the shape with N = 12 · L · d² and d = aspect · L: L = (N / (12 aspect²))^(1/3). */
export function layersForParams(
  params: number,
  aspectRatio: number = DEFAULT_SHAPE_RULE.aspectRatio,
): number {
  requirePositive(params, 'params');
  requirePositive(aspectRatio, 'aspect ratio');
  return Math.cbrt(params / (PARAMS_PER_LAYER_PER_WIDTH_SQUARED * aspectRatio * aspectRatio));
}

/** d_model that N parameters give at a number of layers: d = √(N / (12 L)). */
export function widthForParams(params: number, layers: number): number {
  requirePositive(params, 'params');
  requirePositive(layers, 'layers');
  return Math.sqrt(params / (PARAMS_PER_LAYER_PER_WIDTH_SQUARED * layers));
}

/** Non-embedding parameters of a shape: 12 · layers · d_model² (Kaplan et al. 2020, §2.1). */
export function nonEmbeddingParams(shape: Pick<TransformerShape, 'layers' | 'dModel'>): number {
  return PARAMS_PER_LAYER_PER_WIDTH_SQUARED * shape.layers * shape.dModel * shape.dModel;
}

/** Fields a user may fix; the rest are derived from N by the shape rule. */
export type ShapeOverrides = Partial<TransformerShape> & Partial<ShapeRule>;

/**
 * The shape of a transformer with N non-embedding parameters. Unless overridden:
 * 1. layers = round(L) with L = (N / (12 · aspect²))^(1/3) from `layersForParams` (at least 1), so
 *    the depth, and with it the KV cache per token, never decreases as N grows;
 * 2. d_model = heads · headDim, with heads the whole number nearest to √(N / (12 · layers)) / headDim,
 *    rounded to a multiple of the KV heads once there are at least that many (GQA groups);
 * 3. kvHeads = min(rule.kvHeads, heads).
 * Whole heads make 12 · layers · d_model² differ from N (by up to ~±25 % for N ≥ 1e10, more for small
 * models, whose heads come in coarse groups of 8 × 128); serving cost uses N itself, and the shape only
 * for the KV cache (layers, kvHeads, headDim). An overridden d_model or layers is kept and the
 * other is derived from N; any field may be fixed.
 */
export function shapeForParams(params: number, overrides: ShapeOverrides = {}): TransformerShape {
  requirePositive(params, 'params');
  const rule: ShapeRule = {
    aspectRatio: overrides.aspectRatio ?? DEFAULT_SHAPE_RULE.aspectRatio,
    headDim: overrides.headDim ?? DEFAULT_SHAPE_RULE.headDim,
    kvHeads: overrides.kvHeads ?? DEFAULT_SHAPE_RULE.kvHeads,
  };
  requireWhole(rule.headDim, 'head_dim');
  requireWhole(rule.kvHeads, 'KV heads');
  if (overrides.dModel !== undefined) requirePositive(overrides.dModel, 'd_model');
  const layers =
    overrides.layers ??
    Math.max(
      1,
      Math.round(
        overrides.dModel !== undefined
          ? params / (PARAMS_PER_LAYER_PER_WIDTH_SQUARED * overrides.dModel ** 2)
          : layersForParams(params, rule.aspectRatio),
      ),
    );
  requireWhole(layers, 'layers');
  const width = overrides.dModel ?? widthForParams(params, layers);
  const heads = overrides.heads ?? wholeHeads(width, rule, overrides.kvHeads !== undefined);
  const dModel = overrides.dModel ?? heads * rule.headDim;
  const kvHeads = overrides.kvHeads ?? Math.min(rule.kvHeads, heads);
  return checkShape({ layers, dModel, heads, kvHeads, headDim: rule.headDim });
}

/**
 * Nearest whole number of heads for a width; a multiple of the KV heads when there are enough of
 * them, or always when the user fixed the KV heads.
 */
function wholeHeads(width: number, rule: ShapeRule, fixedKvHeads: boolean): number {
  const heads = Math.max(1, Math.round(width / rule.headDim));
  if (heads < rule.kvHeads && !fixedKvHeads) return heads;
  return rule.kvHeads * Math.max(1, Math.round(heads / rule.kvHeads));
}

function requireWhole(value: number, what: string): void {
  if (!(Number.isSafeInteger(value) && value >= 1)) {
    throw new ScienceError(
      'invalid-argument',
      `${what} must be a whole number ≥ 1 (got ${formatForMessage(value)})`,
    );
  }
}

/** Throws `invalid-argument` unless a (possibly user-given) shape is a valid GQA transformer. */
export function checkShape(shape: TransformerShape): TransformerShape {
  requireWhole(shape.layers, 'layers');
  requireWhole(shape.heads, 'attention heads');
  requireWhole(shape.kvHeads, 'KV heads');
  requireWhole(shape.headDim, 'head_dim');
  requirePositive(shape.dModel, 'd_model');
  if (shape.kvHeads > shape.heads || shape.heads % shape.kvHeads !== 0) {
    throw new ScienceError(
      'invalid-argument',
      `grouped-query attention needs the ${shape.heads} attention heads to be a multiple of the ${shape.kvHeads} KV heads`,
    );
  }
  return shape;
}

/**
 * KV-cache bytes per token of context of one sequence: 2 (K and V) · layers · kvHeads · headDim ·
 * bytes per value (docs/science.md §5.2).
 */
export function kvCacheBytesPerToken(
  shape: Pick<TransformerShape, 'layers' | 'kvHeads' | 'headDim'>,
  bytesPerValue: number,
): number {
  requirePositive(bytesPerValue, 'bytes per value');
  return 2 * shape.layers * shape.kvHeads * shape.headDim * bytesPerValue;
}

/**
 * What the KV cache per token of an N-parameter model depends on besides fixed settings: its
 * [layers, KV heads] under `shapeForParams`. Nondecreasing in N, compared element by element: the
 * layers never decrease as N grows (a rounded increasing function, or fixed), and for a given
 * number of layers the width, and with it min(rule KV heads, heads), only grows. So the sizes that
 * share a key form one interval, and an optimiser can find every change of KV cache by bisection.
 */
export function kvCacheShapeKey(params: number, overrides: ShapeOverrides = {}): readonly [number, number] {
  const shape = shapeForParams(params, overrides);
  return [shape.layers, shape.kvHeads];
}
