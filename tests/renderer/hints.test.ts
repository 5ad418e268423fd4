import { describe, expect, it } from 'vitest';
import { findGpuPreset, type GpuDefinition } from '../../src/model';
import { optionsOf } from '../../src/renderer/lib/choices';
import {
  COVERAGE_EXPONENT_HINT,
  decodeMfuHint,
  PREFILL_MFU_HINT,
  priceHint,
  SHAPE_HINTS,
  TRAINING_MFU_HINT,
  UNIQUE_TOKENS_HINT,
} from '../../src/renderer/lib/hints';
import {
  DEFAULT_COVERAGE_EXPONENT,
  DEFAULT_INFERENCE,
  DEFAULT_TRAINING,
  TYPICAL_COVERAGE_EXPONENT,
  TYPICAL_PREFILL_MFU,
  TYPICAL_TRAINING_MFU,
  type TypicalRange,
} from '../../src/scenario';
import { labGpu } from '../support/scenarios';

function preset(id: string): GpuDefinition {
  const gpu = findGpuPreset(id);
  if (!gpu) throw new Error(`no preset ${id}`);
  return gpu;
}

const inside = (value: number, { low, high }: TypicalRange) => value >= low && value <= high;

describe('the editor’s hints', () => {
  it('show the scenario module’s typical ranges, which hold its defaults', () => {
    expect(TRAINING_MFU_HINT).toBe('0.35–0.45 is typical');
    expect(PREFILL_MFU_HINT).toBe('compute-bound, 0.4–0.5');
    expect(COVERAGE_EXPONENT_HINT).toBe('pass@k = p₁^(k^−a): 0.43 typical, 0.08–0.46 (Brown et al. 2024)');
    expect(inside(DEFAULT_TRAINING.mfu, TYPICAL_TRAINING_MFU)).toBe(true);
    expect(inside(DEFAULT_INFERENCE.prefillMfu, TYPICAL_PREFILL_MFU)).toBe(true);
    expect(inside(DEFAULT_COVERAGE_EXPONENT, TYPICAL_COVERAGE_EXPONENT)).toBe(true);
  });

  it('show the engine’s shape rule and data stock', () => {
    expect(SHAPE_HINTS).toEqual({
      aspectRatio: 'empty: 128 (Llama-like)',
      headDim: 'empty: 128',
      kvHeads: 'empty: 8 (grouped-query)',
    });
    expect(UNIQUE_TOKENS_HINT).toBe(
      'Muennighoff et al. 2023; the indexed web holds ~510T, the largest released training set ~18T',
    );
  });

  it('give the decode utilisation the roofline computes for the section’s GPU and number format', () => {
    expect(decodeMfuHint(preset('H100-SXM'), 'bf16')).toBe('memory-bound: ~0.09 at batch 32');
    // Half the bytes per weight in fp8, twice the peak: the same share of it.
    expect(decodeMfuHint(preset('H100-SXM'), 'fp8')).toBe('memory-bound: ~0.09 at batch 32');
    expect(decodeMfuHint(preset('A100-40GB'), 'int8')).toBe('memory-bound: ~0.1 at batch 32');
    expect(decodeMfuHint(labGpu, 'bf16')).toBe('memory-bound: ~0.08 at batch 32');
    // A bare peak has no bandwidth, and a GPU may lack the number format: the default GPU's figure.
    expect(decodeMfuHint(undefined, 'bf16')).toBe('memory-bound: ~0.09 at batch 32 on NVIDIA H100 SXM');
    expect(decodeMfuHint(preset('A100-80GB'), 'fp8')).toBe(
      'memory-bound: ~0.09 at batch 32 on NVIDIA H100 SXM',
    );
  });

  it('give a GPU preset’s typical price with its date, and nothing for a GPU of the user’s', () => {
    expect(priceHint('H100-SXM')).toBe('typical $3.00/h on demand in 2026 (range $2.00–$5.00)');
    expect(priceHint('A100-40GB')).toBe('typical $1.10/h on demand in 2026');
    expect(priceHint('lab-gpu')).toBe('');
    expect(priceHint(undefined)).toBe('');
  });

  it('offer the options of a choice in the order of their labels', () => {
    expect(optionsOf<'a' | 'b'>({ b: 'Bee', a: 'Ay' })).toEqual([
      { value: 'b', label: 'Bee' },
      { value: 'a', label: 'Ay' },
    ]);
  });
});
