import type { ShapeOverrides } from './transformer-shape';
import type { DecodeHardware, ServingSetting } from './roofline';

/** Decode priced by a roofline (docs/science.md §5.2) instead of a fixed decode MFU. */
export interface RooflineDecode {
  readonly hardware: DecodeHardware;
  readonly serving: ServingSetting;
}

/**
 * The hardware behind the bill, for the footprint of each candidate: GPU-hours follow from the
 * costs (cost = GPU-hours × price), days from the cluster size, energy from board power and PUE,
 * CO₂ from the grid, and replica size from memory.
 */
export interface Fleet {
  readonly trainingPricePerHour: number;
  readonly inferencePricePerHour: number;
  readonly clusterGpus: number;
  readonly trainingWatts: number;
  readonly inferenceWatts: number;
  readonly pue: number;
  readonly gridKgCo2PerKwh: number;
  readonly inferenceMemoryGB: number;
  readonly servingBytesPerParam: number;
  readonly kvBytesPerValue: number;
  readonly batch: number;
  readonly contextTokens: number;
  /** Overrides of the shape rule the KV cache is sized by. */
  readonly shape?: ShapeOverrides;
}
