import type { Fleet } from '../../src/model/hardware/fleet';

/** An H100 fleet at $2/h: 1,024 GPUs to train, 80 GB to serve bf16 at batch 32 with 4,096 tokens of context. */
export function h100Fleet(over: Partial<Fleet> = {}): Fleet {
  return {
    trainingPricePerHour: 2,
    inferencePricePerHour: 2,
    clusterGpus: 1024,
    trainingWatts: 700,
    inferenceWatts: 700,
    pue: 1.2,
    gridKgCo2PerKwh: 0.4,
    inferenceMemoryGB: 80,
    servingBytesPerParam: 2,
    kvBytesPerValue: 2,
    batch: 32,
    contextTokens: 4096,
    ...over,
  };
}
