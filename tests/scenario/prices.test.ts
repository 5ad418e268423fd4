import { describe, expect, it } from 'vitest';
import { findGpuPreset, GPU_PRESETS } from '../../src/model';
import { DEFAULT_GPU, DEFAULT_INFERENCE, DEFAULT_TRAINING, typicalPricePerHour } from '../../src/scenario';
import { labGpu, valid } from '../support/scenarios';

const minimal = { target: { loss: 2 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
const typical = (id: string) => findGpuPreset(id)?.price.perHour;

describe('prices per GPU-hour', () => {
  it('default to the default GPU preset’s dated typical price', () => {
    expect(typicalPricePerHour(DEFAULT_GPU)).toBe(typical(DEFAULT_GPU));
    expect(DEFAULT_TRAINING.pricePerHour).toBe(typical(DEFAULT_GPU));
    expect(DEFAULT_INFERENCE.pricePerHour).toBe(typical(DEFAULT_GPU));
    const scenario = valid(minimal);
    expect(scenario.training.pricePerHour).toBe(typical('H100-SXM'));
    expect(scenario.inference.pricePerHour).toBe(typical('H100-SXM'));
  });

  it('follow the GPU preset a section names when it gives no price', () => {
    for (const gpu of GPU_PRESETS) {
      const dtype = gpu.peakFlops.bf16 === undefined ? 'int8' : 'bf16';
      const scenario = valid({
        ...minimal,
        training: { gpu: gpu.id, dtype },
        inference: { gpu: gpu.id, dtype },
      });
      expect(scenario.training.pricePerHour).toBe(gpu.price.perHour);
      expect(scenario.inference.pricePerHour).toBe(gpu.price.perHour);
    }
  });

  it('keep the price a file gives', () => {
    const scenario = valid({
      ...minimal,
      training: { gpu: 'B200', pricePerHour: 2 },
      inference: { gpu: 'A100-40GB', dtype: 'int8', pricePerHour: 0.6 },
    });
    expect(scenario.training.pricePerHour).toBe(2);
    expect(scenario.inference.pricePerHour).toBe(0.6);
  });

  it('take the default GPU’s price for a GPU of the user’s or a bare peak, which have none', () => {
    expect(typicalPricePerHour('lab-gpu')).toBe(typical(DEFAULT_GPU));
    expect(typicalPricePerHour(undefined)).toBe(typical(DEFAULT_GPU));
    const scenario = valid({
      ...minimal,
      gpus: [labGpu],
      training: { gpu: 'lab-gpu' },
      inference: { peakFlops: 1e15 },
    });
    expect(scenario.training.pricePerHour).toBe(typical(DEFAULT_GPU));
    expect(scenario.inference.pricePerHour).toBe(typical(DEFAULT_GPU));
  });
});
