import {
  buildLaw,
  costRates,
  findGpuPreset,
  lawFromPreset,
  targetLoss,
  type Demand,
  type LossLaw,
  type Problem,
} from '../model';
import type { AcceleratorSpec, DemandSpec, LawSpec, Scenario } from './types';

/** Turns the declarative scenario into what the engine computes with. */

export function lawFromSpec(spec: LawSpec): LossLaw {
  if ('preset' in spec) return lawFromPreset(spec.preset);
  const meta = { id: 'custom', label: `Custom ${spec.form} law`, source: 'constants entered by the user' };
  return spec.form === 'chinchilla'
    ? buildLaw({ ...meta, form: 'chinchilla', constants: spec })
    : buildLaw({ ...meta, form: 'kaplan', constants: spec });
}

export function demandFromSpec(spec: DemandSpec): Demand {
  if ('inputTokens' in spec) return { inputTokens: spec.inputTokens, outputTokens: spec.outputTokens };
  const requests = 'requests' in spec ? spec.requests : spec.requestsPerDay * spec.days;
  return {
    inputTokens: requests * spec.inputTokensPerRequest,
    outputTokens: requests * spec.outputTokensPerRequest,
  };
}

/** Peak FLOP/s of an accelerator spec; validation guarantees the preset and its dtype exist. */
export function peakFlopsOf(spec: AcceleratorSpec): number {
  if ('peakFlops' in spec) return spec.peakFlops;
  const peak = findGpuPreset(spec.gpu)?.peakFlops[spec.dtype];
  if (peak === undefined)
    throw new Error(`GPU ${spec.gpu} has no ${spec.dtype} peak; validate the scenario first`);
  return peak;
}

export function problemFromScenario(scenario: Scenario): Problem {
  const law = lawFromSpec(scenario.law);
  const { training, inference } = scenario;
  return {
    law,
    targetLoss: targetLoss(law, scenario.target),
    demand: demandFromSpec(scenario.demand),
    objective: scenario.objective,
    rates: costRates(
      { peakFlops: peakFlopsOf(training), pricePerHour: training.pricePerHour, mfu: training.mfu },
      {
        peakFlops: peakFlopsOf(inference),
        pricePerHour: inference.pricePerHour,
        prefillMfu: inference.prefillMfu,
        decodeMfu: inference.decodeMfu,
      },
    ),
    baselines: scenario.baselines,
  };
}
