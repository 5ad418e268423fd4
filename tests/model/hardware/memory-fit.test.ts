import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model/errors';
import { findGpuPreset } from '../../../src/model/hardware/gpus';
import {
  DEFAULT_USABLE_MEMORY_FRACTION,
  GPUS_PER_NODE,
  gpusForBytes,
  kvCacheBytes,
  replicaMemoryFit,
  weightBytes,
} from '../../../src/model/hardware/memory-fit';
import { kvCacheBytesPerToken } from '../../../src/model/hardware/transformer-shape';
import { logUniform } from '../../support/arbitraries';

const h100 = (() => {
  const preset = findGpuPreset('H100-SXM');
  if (!preset) throw new Error('no H100 preset');
  return preset;
})();
const llama70bKv = kvCacheBytesPerToken({ layers: 80, kvHeads: 8, headDim: 128 }, 2);

describe('GPUs one replica needs', () => {
  it('uses 90 % of each GPU’s memory by default (vLLM’s gpu_memory_utilization) and 8 GPUs per node', () => {
    expect(DEFAULT_USABLE_MEMORY_FRACTION).toBe(0.9);
    expect(GPUS_PER_NODE).toBe(8);
  });

  it('fits a 70B bf16 model in 2 H100s without cache, 3 with a batch of 32 × 4096 tokens', () => {
    // 140 GB of weights over 72 GB usable per GPU: 1.94 → 2.
    const bare = replicaMemoryFit(
      { params: 70e9, bytesPerParam: 2, batch: 0, contextTokens: 4096, kvBytesPerToken: llama70bKv },
      h100.memoryGB,
    );
    expect(bare.weightBytes).toBe(140e9);
    expect(bare.gpus).toBe(2);
    // + 32 · 4096 · 327,680 B = 42.9 GB of KV cache: 182.9 GB → 2.54 → 3.
    const served = replicaMemoryFit(
      { params: 70e9, bytesPerParam: 2, batch: 32, contextTokens: 4096, kvBytesPerToken: llama70bKv },
      h100.memoryGB,
    );
    expect(served.kvCacheBytes).toBe(32 * 4096 * 327_680);
    expect(served.totalBytes).toBe(140e9 + 32 * 4096 * 327_680);
    expect(served.gpus).toBe(3);
    expect(served.exceedsNode).toBe(false);
  });

  it('flags a replica that needs more than one node of 8 GPUs (405B bf16 with a large batch)', () => {
    const fit = replicaMemoryFit(
      { params: 405e9, bytesPerParam: 2, batch: 64, contextTokens: 8192, kvBytesPerToken: 516_096 },
      h100.memoryGB,
    );
    expect(fit.gpus).toBeGreaterThan(8);
    expect(fit.exceedsNode).toBe(true);
    expect(
      replicaMemoryFit(
        { params: 1e9, bytesPerParam: 2, batch: 1, contextTokens: 1, kvBytesPerToken: 1 },
        80,
        0.9,
        1,
      ).exceedsNode,
    ).toBe(false);
  });

  it('does not ask for one GPU more when the bytes are an exact multiple of the usable memory', () => {
    expect(gpusForBytes(144e9, 80, 0.9)).toBe(2);
    expect(gpusForBytes(144e9 * (1 + 1e-9), 80, 0.9)).toBe(3);
    expect(gpusForBytes(0, 80)).toBe(1);
  });

  it('is the smallest whole number of GPUs whose usable memory holds everything', () => {
    fc.assert(
      fc.property(
        logUniform(1e6, 1e13),
        logUniform(1, 1024),
        logUniform(1, 1e6),
        logUniform(1e3, 1e7),
        (params, batch, context, kv) => {
          const fit = replicaMemoryFit(
            { params, bytesPerParam: 2, batch, contextTokens: context, kvBytesPerToken: kv },
            80,
          );
          const usable = 80e9 * 0.9;
          expect(Number.isSafeInteger(fit.gpus)).toBe(true);
          expect(fit.gpus * usable).toBeGreaterThanOrEqual(fit.totalBytes * (1 - 1e-12));
          expect((fit.gpus - 1) * usable).toBeLessThan(fit.totalBytes);
          expect(fit.exceedsNode).toBe(fit.gpus > 8);
        },
      ),
    );
  });

  it('needs at least as many GPUs for more parameters, a larger batch or a longer context', () => {
    fc.assert(
      fc.property(logUniform(1e8, 1e13), logUniform(1, 256), logUniform(1, 10), (params, batch, more) => {
        const base = { params, bytesPerParam: 2, batch, contextTokens: 4096, kvBytesPerToken: 131_072 };
        const gpus = replicaMemoryFit(base, 80).gpus;
        expect(replicaMemoryFit({ ...base, params: params * more }, 80).gpus).toBeGreaterThanOrEqual(gpus);
        expect(replicaMemoryFit({ ...base, batch: batch * more }, 80).gpus).toBeGreaterThanOrEqual(gpus);
        expect(replicaMemoryFit({ ...base, contextTokens: 4096 * more }, 80).gpus).toBeGreaterThanOrEqual(
          gpus,
        );
      }),
    );
  });

  it('rejects impossible inputs with typed errors', () => {
    expect(() => weightBytes(0, 2)).toThrow(ScienceError);
    expect(() => kvCacheBytes(-1, 1, 1)).toThrow(ScienceError);
    expect(() => gpusForBytes(1e9, 0)).toThrow(ScienceError);
    expect(() => gpusForBytes(1e9, 80, 0)).toThrow(/usable memory fraction/);
    expect(() => gpusForBytes(1e9, 80, 1.1)).toThrow(/usable memory fraction/);
    expect(() =>
      replicaMemoryFit(
        { params: 1e308, bytesPerParam: 2, batch: 1, contextTokens: 1, kvBytesPerToken: 1 },
        80,
      ),
    ).toThrow(expect.objectContaining({ code: 'out-of-range' }) as Error);
  });
});
