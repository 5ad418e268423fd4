import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import {
  bandwidthBytesPerSecond,
  bytesPerValue,
  DTYPES,
  findGpuPreset,
  GPU_PRESETS,
  peakFlopsFor,
  PRICE_DATE,
} from '../../../src/model/hardware/gpus';

const gpu = (id: string) => {
  const preset = findGpuPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
};

describe('GPU presets (docs/science.md §5.1)', () => {
  it('keeps the ids other code stores in scenarios and preferences', () => {
    expect(GPU_PRESETS.map((p) => p.id)).toEqual([
      'A100-40GB',
      'A100-80GB',
      'H100-SXM',
      'H200-SXM',
      'B200',
      'MI300X',
    ]);
  });

  it('lists the table of dense peaks (TFLOP/s), memory (GB) and bandwidth (TB/s) as printed', () => {
    const table: Record<string, [number, number | undefined, number, number, number]> = {
      'A100-40GB': [312, undefined, 624, 40, 1.555],
      'A100-80GB': [312, undefined, 624, 80, 2.039],
      'H100-SXM': [989, 1979, 1979, 80, 3.35],
      'H200-SXM': [989, 1979, 1979, 141, 4.8],
      B200: [2250, 4500, 4500, 180, 8],
      MI300X: [1307, 2615, 2615, 192, 5.3],
    };
    for (const [id, [bf16, fp8, int8, memory, bandwidth]] of Object.entries(table)) {
      const preset = gpu(id);
      expect(preset.peakFlops.bf16).toBe(bf16 * 1e12);
      expect(preset.peakFlops.fp8).toBe(fp8 === undefined ? undefined : fp8 * 1e12);
      expect(preset.peakFlops.int8).toBe(int8 * 1e12);
      expect(preset.memoryGB).toBe(memory);
      expect(preset.bandwidthTBs).toBe(bandwidth);
    }
  });

  it('gives the vendors’ board power (TDP) in watts', () => {
    const watts = GPU_PRESETS.map((p) => [p.id, p.boardPowerW]);
    expect(Object.fromEntries(watts)).toEqual({
      'A100-40GB': 400,
      'A100-80GB': 400,
      'H100-SXM': 700,
      'H200-SXM': 700,
      B200: 1000,
      MI300X: 750,
    });
  });

  it('dates every price and picks it inside the README’s 2026 on-demand range where there is one', () => {
    for (const preset of GPU_PRESETS) {
      expect(preset.price.date).toBe(PRICE_DATE);
      expect(preset.price.source.length).toBeGreaterThan(10);
      expect(preset.powerSource).toMatch(/datasheet/);
      if (preset.price.range) {
        const [low, high] = preset.price.range;
        expect(preset.price.perHour).toBeGreaterThanOrEqual(low);
        expect(preset.price.perHour).toBeLessThanOrEqual(high);
      }
    }
    expect(gpu('A100-80GB').price.range).toEqual([1.1, 3.0]);
    expect(gpu('H100-SXM').price.range).toEqual([2.0, 5.0]);
    expect(gpu('H200-SXM').price.range).toEqual([2.5, 7.0]);
    expect(gpu('B200').price.range).toEqual([4.5, 6.0]);
    // Sardana et al. 2024's default for the 40 GB A100.
    expect(gpu('A100-40GB').price.perHour).toBe(1.1);
  });

  it('has a source for every preset and positive numbers everywhere', () => {
    for (const preset of GPU_PRESETS) {
      expect(preset.source).toMatch(/datasheet/);
      for (const value of [preset.memoryGB, preset.bandwidthTBs, preset.boardPowerW, preset.price.perHour]) {
        expect(value).toBeGreaterThan(0);
      }
    }
  });
});

describe('hardware helpers', () => {
  it('stores bf16 weights in 2 bytes, fp8 and int8 in 1', () => {
    expect(DTYPES.map(bytesPerValue)).toEqual([2, 1, 1]);
  });

  it('converts decimal TB/s to bytes per second', () => {
    expect(bandwidthBytesPerSecond(gpu('H100-SXM'))).toBe(3.35e12);
  });

  it('gives the dense peak of a format and a typed error where the GPU lacks it', () => {
    expect(peakFlopsFor(gpu('H100-SXM'), 'fp8')).toBe(1979e12);
    expect(() => peakFlopsFor(gpu('A100-80GB'), 'fp8')).toThrow(ScienceError);
    expect(() => peakFlopsFor(gpu('A100-80GB'), 'fp8')).toThrow('A100-80GB has no dense fp8 throughput');
  });
});
