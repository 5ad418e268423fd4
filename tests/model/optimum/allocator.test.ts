import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataConstrainedLoss, lowestReachableLoss } from '../../../src/model/data/data-constrained';
import { GPU_PRESETS } from '../../../src/model/hardware/gpus';
import { decodeCostForParams } from '../../../src/model/hardware/roofline';
import { lawFromPreset } from '../../../src/model/laws/presets';
import { allocatorFor } from '../../../src/model/optimum/allocator';
import { solve } from '../../../src/model/optimum/solve';
import { logUniform } from '../../support/arbitraries';
import { h100Fleet } from '../../support/fleet';
import { H100_CHINCHILLA_QUALITY } from '../../support/problems';
import { expectRelativelyClose } from '../../support/close';

const law = lawFromPreset('sardana2024');
const h100 = GPU_PRESETS.find((gpu) => gpu.id === 'H100-SXM');

const base = H100_CHINCHILLA_QUALITY;

const fleet = h100Fleet();

describe('the data wall (Muennighoff et al. 2023)', () => {
  it('equals the unlimited engine when unique data is plentiful', () => {
    const unlimited = solve(base);
    const plenty = solve({ ...base, data: { uniqueTokens: 1e20 } });
    // Brent's method on ln N finds the size to about √ε; the cost is flat there.
    expectRelativelyClose(plenty.lifetimeOptimal.params, unlimited.lifetimeOptimal.params, 1e-6);
    expectRelativelyClose(plenty.lifetimeOptimal.totalCost, unlimited.lifetimeOptimal.totalCost, 1e-10);
    expectRelativelyClose(plenty.chinchillaOptimal.params, unlimited.chinchillaOptimal.params, 1e-6);
    expect(plenty.lifetimeOptimal.epochs).toBeLessThan(1e-6);
    expect(unlimited.lifetimeOptimal.epochs).toBeNull();
  });

  it('never lowers the optimal cost when unique data shrinks', () => {
    fc.assert(
      fc.property(logUniform(1e12, 1e15), logUniform(1.1, 100), (unique, factor) => {
        const more = solve({ ...base, data: { uniqueTokens: unique * factor } }).lifetimeOptimal.totalCost;
        const less = solve({ ...base, data: { uniqueTokens: unique } }).lifetimeOptimal.totalCost;
        expect(less).toBeGreaterThanOrEqual(more * (1 - 1e-9));
      }),
      { numRuns: 25 },
    );
  });

  it('repeats data when it must, keeps the loss on target, and reports epochs and effective tokens', () => {
    const solution = solve({ ...base, data: { uniqueTokens: 1e12 } });
    const optimum = solution.lifetimeOptimal;
    expect(optimum.epochs).toBeGreaterThan(1);
    expect(optimum.effectiveTokens).toBeLessThan(optimum.tokens);
    expectRelativelyClose(optimum.loss, base.targetLoss, 1e-9);
    expectRelativelyClose(
      dataConstrainedLoss(law, optimum.params, optimum.tokens, 1e12),
      base.targetLoss,
      1e-9,
    );
  });

  it('explains a target no repetition can reach, and reaches one just inside the wall', () => {
    // 2e11 unique tokens can reach loss 1.926 at best (lowestReachableLoss); the target is 1.932.
    expect(lowestReachableLoss(law, 2e11)).toBeLessThan(base.targetLoss);
    expect(lowestReachableLoss(law, 1e11)).toBeGreaterThan(base.targetLoss);
    expect(() => solve({ ...base, data: { uniqueTokens: 1e11 } })).toThrow(
      'no model reaches loss 1.9323 with 1.00e+11 unique tokens, however often they are repeated',
    );
    const solution = solve({ ...base, data: { uniqueTokens: 2e11 } });
    expect(solution.unreachableBaselines).toEqual([]);
    for (const candidate of [solution.lifetimeOptimal, ...solution.baselines]) {
      expect(candidate.epochs).toBeGreaterThan(1);
      expectRelativelyClose(candidate.loss, base.targetLoss, 1e-9);
    }
  });
});

describe('decode priced by a roofline', () => {
  const decode = {
    hardware: {
      peakFlops: 989e12,
      bandwidthBytesPerSecond: (h100?.bandwidthTBs ?? 0) * 1e12,
      pricePerHour: 2,
    },
    serving: {
      batch: 8,
      bandwidthEfficiency: 0.8,
      contextTokens: 4096,
      bytesPerParam: 2,
      kvBytesPerValue: 2,
    },
  };

  it('prices every output token at the roofline’s dollars per token for that size', () => {
    const solution = solve({ ...base, decode });
    for (const candidate of [solution.lifetimeOptimal, solution.chinchillaOptimal, ...solution.baselines]) {
      const perToken = decodeCostForParams(candidate.params, decode.hardware, decode.serving).dollarsPerToken;
      expectRelativelyClose(candidate.decodeCost, 1e13 * perToken, 1e-12);
    }
  });

  it('finds a lifetime optimum no dearer than any nearby size', () => {
    const problem = { ...base, decode };
    const allocator = allocatorFor(problem);
    const excess = law.excessForLoss(problem.targetLoss);
    const optimum = solve(problem).lifetimeOptimal;
    for (const shift of [0.9, 0.99, 1.01, 1.1]) {
      const params = optimum.params * shift;
      const neighbour = allocator.evaluate(
        { params, tokens: allocator.tokensFor(excess, params) },
        problem.demand,
      );
      expect(neighbour.totalCost).toBeGreaterThanOrEqual(optimum.totalCost * (1 - 1e-12));
    }
  });

  it('makes decode cheaper with fewer KV heads at long context (multi-query attention)', () => {
    const longContext = { ...decode, serving: { ...decode.serving, contextTokens: 32_768 } };
    const grouped = solve({ ...base, decode: longContext }).lifetimeOptimal.totalCost;
    const multiQuery = solve({
      ...base,
      decode: { ...longContext, serving: { ...longContext.serving, shape: { kvHeads: 1 } } },
    }).lifetimeOptimal.totalCost;
    expect(multiQuery).toBeLessThan(grouped);
  });

  it('leaves the FLOPs objective unchanged: FLOPs do not depend on utilisation', () => {
    const flops = { ...base, objective: 'flops' as const };
    expect(solve({ ...flops, decode }).lifetimeOptimal.params).toBe(solve(flops).lifetimeOptimal.params);
  });
});

describe('the footprint of a candidate', () => {
  it('derives GPU-hours from the bill, days from the cluster, energy from power and PUE, CO₂ from the grid', () => {
    const optimum = solve({ ...base, fleet }).lifetimeOptimal;
    expectRelativelyClose(optimum.trainingGpuHours ?? NaN, optimum.trainingCost / 2, 1e-15);
    expectRelativelyClose(optimum.inferenceGpuHours ?? NaN, optimum.inferenceCost / 2, 1e-15);
    expectRelativelyClose(optimum.trainingDays ?? NaN, (optimum.trainingGpuHours ?? NaN) / 1024 / 24, 1e-15);
    expectRelativelyClose(optimum.energyKwh ?? NaN, ((optimum.gpuHours ?? NaN) * 700 * 1.2) / 1000, 1e-12);
    expectRelativelyClose(optimum.co2Kg ?? NaN, (optimum.energyKwh ?? NaN) * 0.4, 1e-15);
    expect(optimum.replicaGpus).toBeGreaterThanOrEqual(1);
  });

  it('warns when one replica of a huge model needs more than a node', () => {
    const huge = solve({
      ...base,
      fleet,
      targetLoss: law.loss(2e12, 4e13),
      demand: { inputTokens: 0, outputTokens: 0 },
    });
    expect(huge.chinchillaOptimal.replicaGpus).toBeGreaterThan(8);
    expect(huge.chinchillaOptimal.replicaExceedsNode).toBe(true);
  });
});
