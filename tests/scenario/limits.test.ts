import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, limitFor } from '../../src/scenario/limits';
import { checkNewGpu } from '../../src/scenario';
import { issuesOf } from '../support/scenarios';

describe('field limits', () => {
  it('find a field’s limit through list indices, number formats and names that mean two things', () => {
    expect(limitFor('gpus[3].peakFlops.bf16')).toBe(FIELD_LIMITS['peakFlops']);
    expect(limitFor('training.peakFlops')).toBe(FIELD_LIMITS['peakFlops']);
    expect(limitFor('law.fittedRange.params[1]')?.max).toBe(1e16);
    expect(limitFor('baselines[0]')).toBe(FIELD_LIMITS['baselines']);
    expect(limitFor('testTime.p1.gamma')?.max).toBe(100);
    expect(limitFor('testTime.gamma')?.min).toBe(0.01);
    expect(limitFor('name')).toBeUndefined();
  });

  it('each leave room between their least and most', () => {
    for (const limit of Object.values(FIELD_LIMITS)) expect(limit.min ?? 0).toBeLessThan(limit.max);
  });

  it('accept their bounds and refuse just past them, naming the field', () => {
    const base = { target: { loss: 2.1 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
    expect(issuesOf({ ...base, training: { mfu: 1e-4, pricePerHour: 1e6 } })).toEqual([]);
    expect(issuesOf({ ...base, training: { mfu: 9e-5, pricePerHour: 1.1e6 } })).toEqual([
      'training.pricePerHour: 1.1e6 is above the limit of 1e6 (dollars per GPU-hour)',
      'training.mfu: 0.00009 is below the limit of 0.0001 (a utilisation, at least 0.01%)',
    ]);
  });

  it('hold for the editor’s new-GPU dialog too, with paths relative to the GPU', () => {
    const gpu = { id: 'big', peakFlops: { bf16: 1e19 }, memoryGB: 80, bandwidthTBs: 2, boardPowerW: 700 };
    const result = checkNewGpu(gpu, []);
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'peakFlops.bf16',
        message: '1e19 is above the limit of 1e18 (FLOP/s of one accelerator, a B200 is ~1e16)',
      },
    ]);
  });
});
