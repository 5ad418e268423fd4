import { requirePositive } from '../errors';

const SECONDS_PER_HOUR = 3600;

/** Training hardware as the cost model needs it: achieved FLOP/s = peak × MFU. */
export interface TrainingHardware {
  readonly peakFlops: number;
  readonly pricePerHour: number;
  readonly mfu: number;
}

/** Inference hardware: prefill is compute-bound, decode is not, so each has its own utilisation. */
export interface InferenceHardware {
  readonly peakFlops: number;
  readonly pricePerHour: number;
  readonly prefillMfu: number;
  readonly decodeMfu: number;
}

/** US dollars per FLOP actually executed, for each phase (Sardana et al. 2024, §6). */
export interface CostRates {
  readonly training: number;
  readonly prefill: number;
  readonly decode: number;
}

/** Dollars per FLOP on hardware of a given peak, price and utilisation: price / (3600 · peak · MFU). */
export function dollarsPerFlop(pricePerHour: number, peakFlops: number, utilisation: number): number {
  requirePositive(peakFlops, 'peak FLOP/s');
  requirePositive(utilisation, 'utilisation');
  return pricePerHour / (SECONDS_PER_HOUR * peakFlops * utilisation);
}

export function costRates(training: TrainingHardware, inference: InferenceHardware): CostRates {
  return {
    training: dollarsPerFlop(training.pricePerHour, training.peakFlops, training.mfu),
    prefill: dollarsPerFlop(inference.pricePerHour, inference.peakFlops, inference.prefillMfu),
    decode: dollarsPerFlop(inference.pricePerHour, inference.peakFlops, inference.decodeMfu),
  };
}
