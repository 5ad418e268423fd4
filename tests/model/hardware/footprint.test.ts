import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  co2Kg,
  DEFAULT_GRID_KG_CO2_PER_KWH,
  DEFAULT_PUE,
  energyKwh,
  footprint,
  gpuHoursForFlops,
  inferenceGpuHours,
  trainingGpuHours,
  wallClockDays,
} from '../../../src/model/hardware/footprint';
import { findGpuPreset } from '../../../src/model/hardware/gpus';
import { logUniform } from '../../support/arbitraries';
import { expectPrinted, expectRelativelyClose } from '../../support/close';

const h100 = (() => {
  const preset = findGpuPreset('H100-SXM');
  if (!preset) throw new Error('no H100 preset');
  return preset;
})();

describe('GPU-hours', () => {
  it('trains Llama 3 70B (15T tokens) in 4.42M H100-hours at 40 % MFU', () => {
    // 6 · 70e9 · 15e12 = 6.3e24 FLOPs / (989e12 · 0.4) / 3600 = 4.42e6 h.
    const hours = trainingGpuHours(70e9, 15e12, 989e12, 0.4);
    expectRelativelyClose(hours, (6 * 70e9 * 15e12) / (989e12 * 0.4) / 3600, 1e-15);
    expectPrinted(hours, 3, '4.42e6');
  });

  it('runs prefill at its MFU and decode at its utilisation', () => {
    const hours = inferenceGpuHours({
      params: 7e9,
      inputTokens: 1e12,
      outputTokens: 2.5e11,
      peakFlops: 989e12,
      prefillMfu: 0.4,
      decodeUtilisation: 0.01,
    });
    expectRelativelyClose(hours.prefill, (2 * 7e9 * 1e12) / (989e12 * 0.4) / 3600, 1e-15);
    expectRelativelyClose(hours.decode, (2 * 7e9 * 2.5e11) / (989e12 * 0.01) / 3600, 1e-15);
    expect(hours.total).toBe(hours.prefill + hours.decode);
    expect(hours.decode).toBeGreaterThan(hours.prefill);
  });

  it('gives zero hours for zero demand, never NaN', () => {
    const none = inferenceGpuHours({
      params: 7e9,
      inputTokens: 0,
      outputTokens: 0,
      peakFlops: 1e15,
      prefillMfu: 0.4,
      decodeUtilisation: 0.01,
    });
    expect(none).toEqual({ prefill: 0, decode: 0, total: 0 });
  });

  it('is FLOPs / (peak · utilisation) / 3600 for any input', () => {
    fc.assert(
      fc.property(
        logUniform(1e15, 1e28),
        logUniform(1e12, 1e16),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (flops, peak, utilisation) => {
          const hours = gpuHoursForFlops(flops, peak, utilisation);
          expectRelativelyClose(hours * 3600 * peak * utilisation, flops, 1e-14);
        },
      ),
    );
  });
});

describe('wall clock, energy and CO₂', () => {
  it('spreads GPU-hours over the cluster: 4.42M h on 16,384 GPUs is 11.2 days', () => {
    expectPrinted(wallClockDays(4.42e6, 16_384), 3, '11.2');
  });

  it('uses documented default assumptions: PUE 1.2 and 0.4 kg CO₂/kWh', () => {
    expect(DEFAULT_PUE).toBe(1.2);
    expect(DEFAULT_GRID_KG_CO2_PER_KWH).toBe(0.4);
  });

  it('computes kWh = GPU-hours · W / 1000 · PUE and kg CO₂ = kWh · grid intensity', () => {
    // 1M H100-hours at 700 W and PUE 1.2: 840 MWh; at 0.4 kg/kWh: 336 t.
    const kwh = energyKwh(1e6, h100.boardPowerW);
    expect(kwh).toBeCloseTo(840_000, 6);
    expect(co2Kg(kwh)).toBeCloseTo(336_000, 6);
    expect(energyKwh(1e6, 700, 1)).toBeCloseTo(700_000, 6);
    expect(co2Kg(kwh, 0)).toBe(0);
  });

  it('rejects impossible inputs with typed errors', () => {
    expect(() => energyKwh(1, 700, 0.9)).toThrow(/PUE/);
    expect(() => energyKwh(1, 0)).toThrow(ScienceError);
    expect(() => energyKwh(-1, 700)).toThrow(ScienceError);
    expect(() => co2Kg(1, -0.1)).toThrow(ScienceError);
    expect(() => wallClockDays(1, 0)).toThrow(ScienceError);
    const use = {
      params: 7e9,
      inputTokens: 1,
      outputTokens: 1,
      peakFlops: 1e15,
      prefillMfu: 0.4,
      decodeUtilisation: 0.01,
    };
    expect(() => inferenceGpuHours({ ...use, inputTokens: -1 })).toThrow(/input tokens must be/);
    expect(() => inferenceGpuHours({ ...use, decodeUtilisation: 0 })).toThrow(ScienceError);
    expect(() => trainingGpuHours(7e9, 1e12, 989e12, 0)).toThrow(ScienceError);
    expect(() => trainingGpuHours(1e300, 1e300, 1, 1)).toThrow(
      expect.objectContaining({ code: 'out-of-range' }) as Error,
    );
  });
});

describe('the footprint of a candidate', () => {
  it('adds training and inference, each on its own GPU power, at one PUE and grid', () => {
    const result = footprint(
      { params: 7e9, tokens: 2e12, peakFlops: 989e12, mfu: 0.4, clusterGpus: 1024, gpuWatts: 700 },
      {
        params: 7e9,
        inputTokens: 1e12,
        outputTokens: 2.5e11,
        peakFlops: 312e12,
        prefillMfu: 0.4,
        decodeUtilisation: 0.02,
        gpuWatts: 400,
      },
      { pue: 1.2, gridKgCo2PerKwh: 0.4 },
    );
    const train = trainingGpuHours(7e9, 2e12, 989e12, 0.4);
    const serve = inferenceGpuHours({
      params: 7e9,
      inputTokens: 1e12,
      outputTokens: 2.5e11,
      peakFlops: 312e12,
      prefillMfu: 0.4,
      decodeUtilisation: 0.02,
    }).total;
    expect(result.trainingGpuHours).toBe(train);
    expect(result.inferenceGpuHours).toBe(serve);
    expect(result.gpuHours).toBe(train + serve);
    expectRelativelyClose(result.trainingDays, train / 1024 / 24, 1e-15);
    expectRelativelyClose(result.energyKwh, (train * 700 * 1.2) / 1000 + (serve * 400 * 1.2) / 1000, 1e-14);
    expectRelativelyClose(result.co2Kg, result.energyKwh * 0.4, 1e-14);
  });

  it('is finite and grows with the training tokens', () => {
    fc.assert(
      fc.property(
        logUniform(1e8, 1e12),
        logUniform(1e9, 1e14),
        logUniform(1.01, 10),
        (params, tokens, more) => {
          const run = (d: number) =>
            footprint(
              { params, tokens: d, peakFlops: 989e12, mfu: 0.4, clusterGpus: 1000, gpuWatts: 700 },
              {
                params,
                inputTokens: 1e12,
                outputTokens: 1e11,
                peakFlops: 989e12,
                prefillMfu: 0.4,
                decodeUtilisation: 0.05,
                gpuWatts: 700,
              },
              { pue: DEFAULT_PUE, gridKgCo2PerKwh: DEFAULT_GRID_KG_CO2_PER_KWH },
            );
          const small = run(tokens);
          const large = run(tokens * more);
          for (const value of Object.values(small)) expect(Number.isFinite(value)).toBe(true);
          expect(large.energyKwh).toBeGreaterThan(small.energyKwh);
          expect(large.trainingDays).toBeGreaterThan(small.trainingDays);
        },
      ),
    );
  });
});
