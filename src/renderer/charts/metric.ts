import type { Candidate, Objective } from '../../model';
import { formatDollars, formatScientific } from '../../format/quantity';

/** What the charts measure a lifetime in: the scenario's objective, dollars or FLOPs. */
export interface Metric {
  readonly unit: string;
  /** A value with its unit, for hovers: "$1.23M", "4.82e23 FLOPs". */
  readonly format: (value: number) => string;
  /** A value as an axis tick reads under a title that names the unit: "$1M", "2e23". */
  readonly tick: (value: number) => string;
  readonly training: (c: Candidate) => number;
  readonly prefill: (c: Candidate) => number;
  readonly decode: (c: Candidate) => number;
  readonly verifier: (c: Candidate) => number;
  readonly total: (c: Candidate) => number;
}

const COST: Metric = {
  unit: 'US dollars',
  format: formatDollars,
  tick: formatDollars,
  training: (c) => c.trainingCost,
  prefill: (c) => c.prefillCost,
  decode: (c) => c.decodeCost,
  verifier: (c) => c.verifierCost,
  total: (c) => c.totalCost,
};

const FLOPS: Metric = {
  unit: 'FLOPs',
  format: (value) => `${formatScientific(value)} FLOPs`,
  tick: formatScientific,
  training: (c) => c.trainingFlops,
  prefill: (c) => c.prefillFlops,
  decode: (c) => c.decodeFlops,
  verifier: (c) => c.verifierFlops,
  total: (c) => c.totalFlops,
};

export function metricFor(objective: Objective): Metric {
  return objective === 'cost' ? COST : FLOPS;
}
