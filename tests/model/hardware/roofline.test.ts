import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  bandwidthBytesPerSecond,
  bytesPerValue,
  findGpuPreset,
  GPU_PRESETS,
  peakFlopsFor,
} from '../../../src/model/hardware/gpus';
import {
  batchForDecodeUtilisation,
  decodeCostForParams,
  decodeStep,
  decodeUtilisation,
  DEFAULT_BANDWIDTH_EFFICIENCY,
  type RooflineSetting,
} from '../../../src/model/hardware/roofline';
import { kvCacheBytesPerToken, shapeForParams } from '../../../src/model/hardware/transformer-shape';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';

const h100Preset = (() => {
  const preset = findGpuPreset('H100-SXM');
  if (!preset) throw new Error('no H100 preset');
  return preset;
})();
const h100 = {
  peakFlops: peakFlopsFor(h100Preset, 'bf16'),
  bandwidthBytesPerSecond: bandwidthBytesPerSecond(h100Preset),
};
/** The assumptions of the checks in docs/science.md §5.2: bf16 weights, efficiency 0.8, no KV traffic. */
const weightsOnly = (batch: number, bandwidthEfficiency = DEFAULT_BANDWIDTH_EFFICIENCY): RooflineSetting => ({
  batch,
  bandwidthEfficiency,
  bytesPerParam: bytesPerValue('bf16'),
  contextTokens: 0,
  kvBytesPerToken: 0,
});

describe('the decode roofline reproduces the H100 checks of docs/science.md §5.2 (bf16, efficiency 0.8, no KV traffic)', () => {
  it('B = 1 → ~0.3 % (exactly 0.8 · 3.35e12 / 989e12 = 0.271 %), for any N', () => {
    for (const params of [1e8, 7e9, 7e10, 1e12]) {
      const utilisation = decodeUtilisation(params, h100, weightsOnly(1));
      expectRelativelyClose(utilisation, (0.8 * 3.35e12) / 989e12, 1e-14);
      expectPrinted(utilisation, 1, '0.003');
    }
  });

  it('B = 32 → ~9 % (8.67 %)', () => {
    const utilisation = decodeUtilisation(7e10, h100, weightsOnly(32));
    expectPrinted(utilisation, 3, '0.0867');
    expectPrinted(utilisation, 1, '0.09');
  });

  it('Sardana’s 1 % default corresponds to B ≈ 3: 2.95 at full bandwidth, 3.69 at efficiency 0.8', () => {
    const ideal = batchForDecodeUtilisation(0.01, 7e10, h100, weightsOnly(1, 1));
    expectPrinted(ideal, 3, '2.95');
    expectPrinted(ideal, 1, '3');
    const realistic = batchForDecodeUtilisation(0.01, 7e10, h100, weightsOnly(1));
    expectPrinted(realistic, 3, '3.69');
    expectRelativelyClose(decodeUtilisation(7e10, h100, weightsOnly(realistic)), 0.01, 1e-13);
  });

  it('turns compute-bound at the ridge point B = peak · bytes / (2 · bandwidth · efficiency) ≈ 369', () => {
    const ridge = batchForDecodeUtilisation(1, 7e10, h100, weightsOnly(1));
    expectPrinted(ridge, 3, '369');
    expect(decodeStep(7e10, h100, weightsOnly(ridge * 0.99)).memoryBound).toBe(true);
    const above = decodeStep(7e10, h100, weightsOnly(ridge * 1.01));
    expect(above.memoryBound).toBe(false);
    expect(above.utilisation).toBe(1);
  });
});

describe('one decode step', () => {
  it('does 2NB FLOPs and reads bytes·N of weights plus B · context · kv bytes of cache', () => {
    const step = decodeStep(7e9, h100, {
      batch: 16,
      bandwidthEfficiency: 0.8,
      bytesPerParam: 2,
      contextTokens: 4096,
      kvBytesPerToken: 131_072,
    });
    expect(step.flops).toBe(2 * 7e9 * 16);
    expect(step.bytes).toBe(2 * 7e9 + 16 * 4096 * 131_072);
    expectRelativelyClose(step.memorySeconds, step.bytes / (3.35e12 * 0.8), 1e-15);
    expectRelativelyClose(step.computeSeconds, (2 * 7e9 * 16) / 989e12, 1e-15);
    expect(step.stepSeconds).toBe(Math.max(step.memorySeconds, step.computeSeconds));
    expectRelativelyClose(step.secondsPerToken, step.stepSeconds / 16, 1e-15);
    expectRelativelyClose(step.utilisation, (2 * 7e9) / 989e12 / step.secondsPerToken, 1e-14);
  });

  const settings = fc.record({
    batch: logUniform(1, 4096),
    bandwidthEfficiency: fc.double({ min: 0.05, max: 1, noNaN: true }),
    bytesPerParam: fc.constantFrom(1, 2),
    contextTokens: fc.oneof(fc.constant(0), logUniform(1, 1e6)),
    kvBytesPerToken: fc.oneof(fc.constant(0), logUniform(1e3, 1e7)),
  });
  const gpus = fc.constantFrom(
    ...GPU_PRESETS.map((gpu) => ({
      peakFlops: peakFlopsFor(gpu, 'bf16'),
      bandwidthBytesPerSecond: bandwidthBytesPerSecond(gpu),
    })),
  );

  it('never takes less time per token than the compute bound 2N/peak, and never exceeds utilisation 1', () => {
    fc.assert(
      fc.property(logUniform(1e6, 1e13), gpus, settings, (params, gpu, setting) => {
        const step = decodeStep(params, gpu, setting);
        expect(step.secondsPerToken).toBeGreaterThanOrEqual(((2 * params) / gpu.peakFlops) * (1 - 1e-15));
        expect(step.utilisation).toBeGreaterThan(0);
        expect(step.utilisation).toBeLessThanOrEqual(1);
        expect(Number.isFinite(step.secondsPerToken)).toBe(true);
      }),
    );
  });

  it('takes longer per token with a longer context (never shorter)', () => {
    fc.assert(
      fc.property(
        logUniform(1e6, 1e13),
        gpus,
        settings,
        logUniform(1, 100),
        (params, gpu, setting, longer) => {
          const short = decodeStep(params, gpu, setting).secondsPerToken;
          const long = decodeStep(params, gpu, {
            ...setting,
            contextTokens: setting.contextTokens * longer + 1,
          });
          expect(long.secondsPerToken).toBeGreaterThanOrEqual(short);
        },
      ),
    );
  });

  it('gets cheaper per token and better utilised with a larger batch (monotone in B)', () => {
    fc.assert(
      fc.property(
        logUniform(1e6, 1e13),
        gpus,
        settings,
        logUniform(1, 100),
        (params, gpu, setting, larger) => {
          const small = decodeStep(params, gpu, setting);
          const large = decodeStep(params, gpu, { ...setting, batch: setting.batch * larger });
          expect(large.secondsPerToken).toBeLessThanOrEqual(small.secondsPerToken * (1 + 1e-15));
          expect(large.utilisation).toBeGreaterThanOrEqual(small.utilisation * (1 - 1e-15));
        },
      ),
    );
  });

  it('inverts utilisation to batch, with KV traffic too', () => {
    fc.assert(
      fc.property(
        logUniform(1e8, 1e13),
        gpus,
        settings,
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (params, gpu, setting, target) => {
          let batch: number;
          try {
            batch = batchForDecodeUtilisation(target, params, gpu, setting);
          } catch (error) {
            expect((error as ScienceError).code).toBe('unreachable');
            // The cap as B → ∞ is below the target.
            expect(decodeUtilisation(params, gpu, { ...setting, batch: 1e12 })).toBeLessThan(target);
            return;
          }
          expectRelativelyClose(decodeUtilisation(params, gpu, { ...setting, batch }), target, 1e-9);
        },
      ),
    );
  });

  it('rejects impossible settings with typed errors', () => {
    const bad: Partial<RooflineSetting>[] = [
      { batch: 0 },
      { bandwidthEfficiency: 0 },
      { bandwidthEfficiency: 1.2 },
      { bytesPerParam: -1 },
      { contextTokens: -1 },
      { kvBytesPerToken: Number.NaN },
    ];
    for (const change of bad) {
      expect(() => decodeStep(7e9, h100, { ...weightsOnly(1), ...change })).toThrow(ScienceError);
    }
    expect(() => decodeStep(7e9, { ...h100, peakFlops: 0 }, weightsOnly(1))).toThrow(ScienceError);
    expect(() => batchForDecodeUtilisation(1.5, 7e9, h100, weightsOnly(1))).toThrow(/\(0, 1\]/);
    expect(() =>
      batchForDecodeUtilisation(0.5, 1e9, h100, {
        ...weightsOnly(1),
        contextTokens: 1e5,
        kvBytesPerToken: 1e5,
      }),
    ).toThrow(/KV-cache reads cap decode utilisation/);
  });
});

describe('decode cost of an N-parameter model', () => {
  const serving = {
    batch: 32,
    bandwidthEfficiency: 0.8,
    contextTokens: 4096,
    bytesPerParam: 2,
    kvBytesPerValue: 2,
  };
  const hardware = { ...h100, pricePerHour: 3 };

  it('derives the KV cache from the shape rule and prices a token as price/3600 · seconds', () => {
    const params = 12 * 32 * 4096 ** 2;
    const cost = decodeCostForParams(params, hardware, serving);
    expect(cost.kvBytesPerToken).toBe(kvCacheBytesPerToken(shapeForParams(params), 2));
    expect(cost.kvBytesPerToken).toBe(131_072);
    const step = decodeStep(params, hardware, {
      batch: 32,
      bandwidthEfficiency: 0.8,
      bytesPerParam: 2,
      contextTokens: 4096,
      kvBytesPerToken: 131_072,
    });
    expect(cost.secondsPerToken).toBe(step.secondsPerToken);
    expectRelativelyClose(cost.dollarsPerToken, (3 / 3600) * step.secondsPerToken, 1e-15);
    expectRelativelyClose(cost.flopEquivalent, (2 * params) / cost.utilisation, 1e-14);
    // KV reads of 32 × 4096 tokens (17 GB) outweigh the 13 GB of weights: utilisation falls below 9 %.
    expect(cost.utilisation).toBeLessThan(0.0867);
  });

  it('honours shape overrides (multi-head attention reads 4× the KV cache of 8 KV heads)', () => {
    const params = 12 * 32 * 4096 ** 2;
    const gqa = decodeCostForParams(params, hardware, serving);
    const mha = decodeCostForParams(params, hardware, { ...serving, shape: { kvHeads: 32 } });
    expect(mha.kvBytesPerToken).toBe(4 * gqa.kvBytesPerToken);
    expect(mha.dollarsPerToken).toBeGreaterThan(gqa.dollarsPerToken);
  });

  it('costs more per token for a larger model, and the FLOP equivalent is never below 2N', () => {
    fc.assert(
      fc.property(logUniform(1e8, 1e13), fc.double({ min: 1.5, max: 100, noNaN: true }), (params, factor) => {
        const small = decodeCostForParams(params, hardware, serving);
        const large = decodeCostForParams(params * factor, hardware, serving);
        expect(large.dollarsPerToken).toBeGreaterThan(small.dollarsPerToken);
        expect(small.flopEquivalent).toBeGreaterThanOrEqual(2 * params * (1 - 1e-15));
        expect(Number.isFinite(large.dollarsPerToken)).toBe(true);
      }),
    );
  });

  it('rejects a negative price', () => {
    expect(() => decodeCostForParams(7e9, { ...hardware, pricePerHour: -1 }, serving)).toThrow(ScienceError);
  });
});
