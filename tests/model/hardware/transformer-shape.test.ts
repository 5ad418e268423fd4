import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  checkShape,
  DEFAULT_SHAPE_RULE,
  kvCacheBytesPerToken,
  kvCacheShapeKey,
  layersForParams,
  nonEmbeddingParams,
  shapeForParams,
  widthForParams,
} from '../../../src/model/hardware/transformer-shape';
import { logUniform } from '../../support/arbitraries';
import { expectRelativelyClose } from '../../support/close';

describe('the default shape rule', () => {
  it('uses Llama’s aspect 128, head_dim 128 and 8 KV heads', () => {
    expect(DEFAULT_SHAPE_RULE).toEqual({ aspectRatio: 128, headDim: 128, kvHeads: 8 });
  });

  it('gives back the Llama 3 8B shape (32 layers × 4096, 32 heads, 8 KV heads) for 12 · 32 · 4096² params', () => {
    const params = 12 * 32 * 4096 ** 2;
    expect(layersForParams(params)).toBeCloseTo(32, 12);
    expect(shapeForParams(params)).toEqual({ layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128 });
  });

  it('gives back the Llama 2 13B width and depth (40 × 5120) for 12 · 40 · 5120² params', () => {
    const shape = shapeForParams(12 * 40 * 5120 ** 2);
    expect([shape.layers, shape.dModel, shape.heads]).toEqual([40, 5120, 40]);
  });

  it('puts the KV cache of a Llama 2/3 70B-sized model within 25 % of the real 320 KiB per token (bf16)', () => {
    const real = kvCacheBytesPerToken({ layers: 80, kvHeads: 8, headDim: 128 }, 2);
    expect(real).toBe(327_680);
    const derived = kvCacheBytesPerToken(shapeForParams(12 * 80 * 8192 ** 2), 2);
    expect(Math.abs(derived / real - 1)).toBeLessThan(0.25);
  });

  it('keeps 12 · layers · d_model² near N and the aspect ratio near Llama’s 128 (whole heads of 128)', () => {
    fc.assert(
      fc.property(logUniform(1e9, 1e16), (params) => {
        const shape = shapeForParams(params);
        const ratio = nonEmbeddingParams(shape) / params;
        const tolerance = params >= 1e10 ? 0.25 : 0.6;
        expect(ratio).toBeGreaterThan(1 - tolerance);
        expect(ratio).toBeLessThan(1 + tolerance);
        expect(shape.dModel / shape.layers).toBeGreaterThanOrEqual(100);
        expect(shape.dModel / shape.layers).toBeLessThanOrEqual(165);
      }),
    );
  });

  it('always gives a valid grouped-query shape, even for tiny models', () => {
    fc.assert(
      fc.property(logUniform(1e3, 1e16), (params) => {
        const shape = shapeForParams(params);
        expect(checkShape(shape)).toBe(shape);
        expect(shape.dModel).toBe(shape.heads * shape.headDim);
        expect(shape.kvHeads).toBe(Math.min(8, shape.heads));
      }),
    );
  });

  it('never shrinks the KV cache per token as N grows (depth is monotone, KV heads stay 8)', () => {
    fc.assert(
      fc.property(logUniform(2e8, 1e16), fc.double({ min: 1, max: 100, noNaN: true }), (params, factor) => {
        const small = kvCacheBytesPerToken(shapeForParams(params), 2);
        const large = kvCacheBytesPerToken(shapeForParams(params * factor), 2);
        expect(large).toBeGreaterThanOrEqual(small);
      }),
    );
  });
});

describe('overriding the shape', () => {
  it('keeps every overridden field', () => {
    const shape = shapeForParams(7e9, { layers: 32, dModel: 4096, heads: 32, kvHeads: 32, headDim: 128 });
    expect(shape).toEqual({ layers: 32, dModel: 4096, heads: 32, kvHeads: 32, headDim: 128 });
  });

  it('derives the width from N when only the layers are fixed, and the layers when only the width is', () => {
    const byLayers = shapeForParams(12 * 32 * 4096 ** 2, { layers: 32 });
    expect(byLayers.dModel).toBe(4096);
    const byWidth = shapeForParams(12 * 80 * 8192 ** 2, { dModel: 8192 });
    expect(byWidth.layers).toBe(80);
    expect(byWidth.heads).toBe(64);
  });

  it('follows a different rule: multi-head attention, other head size, other aspect', () => {
    const mha = shapeForParams(12 * 32 * 4096 ** 2, { kvHeads: 32 });
    expect(mha.kvHeads).toBe(32);
    expect(mha.heads % 32).toBe(0);
    const small = shapeForParams(12 * 32 * 4096 ** 2, { headDim: 64 });
    expect(small.headDim).toBe(64);
    expect(small.dModel).toBe(small.heads * 64);
    const deep = shapeForParams(1e10, { aspectRatio: 64 });
    expect(deep.layers).toBeGreaterThan(shapeForParams(1e10).layers);
  });

  it('rejects impossible shapes with typed errors', () => {
    expect(() => shapeForParams(7e9, { heads: 30, kvHeads: 8 })).toThrow(ScienceError);
    expect(() => shapeForParams(7e9, { heads: 4, kvHeads: 8 })).toThrow(/multiple of the 8 KV heads/);
    expect(() => shapeForParams(7e9, { layers: 2.5 })).toThrow(/layers must be a whole number/);
    expect(() => shapeForParams(7e9, { headDim: 0 })).toThrow(/head_dim/);
    expect(() => shapeForParams(0)).toThrow(/params must be a finite number above 0/);
    expect(() => shapeForParams(Number.NaN)).toThrow(ScienceError);
    expect(() => layersForParams(1e9, -1)).toThrow(ScienceError);
  });
});

describe('the shape formulas', () => {
  it('N ≈ 12 · n_layer · d_model² (Kaplan et al. 2020, §2.1) and its inverses', () => {
    expect(nonEmbeddingParams({ layers: 32, dModel: 4096 })).toBe(6_442_450_944);
    fc.assert(
      fc.property(logUniform(1e6, 1e16), logUniform(1, 1000), (params, layers) => {
        expectRelativelyClose(
          nonEmbeddingParams({ layers, dModel: widthForParams(params, layers) }),
          params,
          1e-12,
        );
        const continuous = layersForParams(params);
        expectRelativelyClose(
          nonEmbeddingParams({ layers: continuous, dModel: 128 * continuous }),
          params,
          1e-12,
        );
      }),
    );
  });

  it('counts 2 · layers · kvHeads · headDim · bytes of KV cache per token (docs/science.md §5.2)', () => {
    // Llama 3 8B in bf16: 2 · 32 · 8 · 128 · 2 = 128 KiB per token.
    expect(kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128 }, 2)).toBe(131_072);
    expect(kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128 }, 1)).toBe(65_536);
    expect(() => kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128 }, 0)).toThrow(ScienceError);
  });
});

describe('kvCacheShapeKey', () => {
  const overrides = fc.oneof(
    fc.constant({}),
    fc.record({ aspectRatio: fc.integer({ min: 16, max: 256 }) }),
    fc.record({ dModel: fc.integer({ min: 256, max: 32_768 }) }),
    fc.record({ layers: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ heads: fc.constantFrom(8, 16, 32, 64) }),
    fc.record({ kvHeads: fc.constantFrom(1, 2, 4, 8), headDim: fc.constantFrom(64, 128) }),
  );

  it('never decreases as N grows (layers first, then KV heads), so each KV cache size is one interval of N', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 6, max: 13, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        overrides,
        (logParams, logStep, shape) => {
          const [smaller, larger] = [10 ** logParams, 10 ** (logParams + logStep)];
          const [a, b] = [kvCacheShapeKey(smaller, shape), kvCacheShapeKey(larger, shape)];
          expect(b[0] > a[0] || (b[0] === a[0] && b[1] >= a[1])).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('determines the KV cache per token', () => {
    for (const params of [1e7, 3e8, 7e9, 7e10, 4e11]) {
      const [layers, kvHeads] = kvCacheShapeKey(params);
      const shape = shapeForParams(params);
      expect(kvCacheBytesPerToken({ layers, kvHeads, headDim: shape.headDim }, 2)).toBe(
        kvCacheBytesPerToken(shape, 2),
      );
    }
  });
});
