import {
  buildLaw,
  costRates,
  findGpuPreset,
  lawFromPreset,
  targetLoss,
  type Demand,
  type LossLaw,
  lossForSuccess,
  successNeeded,
  type Problem,
  type SelectionRule,
  type TestTimeSetup,
} from '../model';
import type {
  AccuracyTestTimeSpec,
  AcceleratorSpec,
  DemandSpec,
  LawSpec,
  Scenario,
  TestTimeSpec,
} from './types';

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
  const requests = requestsOf(spec);
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
    targetLoss:
      scenario.testTime?.model === 'accuracy'
        ? accuracyTargetLoss(scenario.testTime)
        : targetLoss(law, scenario.target ?? missingTarget()),
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
    ...(scenario.testTime ? { testTime: testTimeSetup(scenario.testTime, scenario.demand) } : {}),
  };
}

/** Lifetime requests of a demand, or 0 when it gives only token totals. */
export function requestsOf(spec: DemandSpec): number {
  if ('requests' in spec) return spec.requests;
  return 'requestsPerDay' in spec ? spec.requestsPerDay * spec.days : 0;
}

function missingTarget(): never {
  throw new Error('a scenario without a loss target must set a task accuracy; validate it first');
}

function selectionRule(spec: AccuracyTestTimeSpec): SelectionRule {
  return {
    selection: spec.selection,
    coverageExponent: spec.coverageExponent,
    falsePassRate: spec.falsePassRate,
  };
}

/** The loss at which one attempt (k = 1) reaches the task accuracy: the target of the k = 1 candidates. */
export function accuracyTargetLoss(spec: AccuracyTestTimeSpec): number {
  return lossForSuccess(successNeeded(spec.targetAccuracy, 1, selectionRule(spec)), spec.p1);
}

function testTimeSetup(spec: TestTimeSpec, demand: DemandSpec): TestTimeSetup {
  return {
    benefit:
      spec.model === 'exchange'
        ? { model: 'exchange', rate: { gamma: spec.gamma, spanOom: spec.spanOom } }
        : {
            model: 'accuracy',
            targetAccuracy: spec.targetAccuracy,
            mapping: spec.p1,
            rule: selectionRule(spec),
          },
    kMax: spec.kMax,
    integerSamples: spec.integerSamples,
    prefixCaching: spec.prefixCaching,
    verifierFlopsPerSample: spec.verifierCostPerSample,
    requests: requestsOf(demand),
  };
}
