import {
  accuracyDomain,
  fewestAttempts,
  lowestReachableLoss,
  ScienceError,
  targetLoss,
  totalDemandTokens,
} from '../model';
import { formatForMessage } from '../model/errors';
import { DEFAULT_NAME } from './defaults';
import { readGpus } from './gpu-section';
import { describeValue, FieldReader } from './reader';
import { readTestTime, setsTaskAccuracy } from './test-time-section';
import { accuracyTargetLoss, demandFromSpec, lawFromSpec } from './resolve';
import {
  readBaselines,
  readData,
  readPlans,
  readDemand,
  readEnergy,
  readInference,
  readLaw,
  readObjective,
  readTarget,
  readTraining,
} from './sections';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type AccuracyTestTimeSpec,
  type DataSpec,
  type LawSpec,
  type Scenario,
  type ScenarioIssue,
  type ScenarioResult,
  type TargetSpec,
  type TestTimeSpec,
} from './types';

const TOP_LEVEL_KEYS = [
  'format',
  'version',
  'name',
  'notes',
  'law',
  'target',
  'demand',
  'objective',
  'gpus',
  'training',
  'inference',
  'baselines',
  'testTime',
  'energy',
  'data',
  'plans',
] as const;

/**
 * Validates an already-parsed scenario strictly and fills in every default. A file of a newer
 * format version is refused whole, before anything else is read from it.
 */
export function validateScenario(value: unknown): ScenarioResult {
  const reader = new FieldReader();
  const file = reader.object(value, '');
  if (!file) return { ok: false, issues: reader.issues };

  const versionIssue = checkFormatAndVersion(file['format'], file['version']);
  if (versionIssue) return { ok: false, issues: [versionIssue] };

  reader.onlyKeys(file, '', TOP_LEVEL_KEYS);
  const name = reader.text(file, '', 'name', DEFAULT_NAME);
  const notes = reader.text(file, '', 'notes', '');
  const law = readLaw(reader, file['law'], 'law');
  // With a task-accuracy target the optimiser chooses the loss; a loss target would contradict it.
  const accuracyTarget = setsTaskAccuracy(file['testTime']);
  if (accuracyTarget && file['target'] !== undefined) {
    reader.report(
      'target',
      'not used when testTime.model is "accuracy": the target is testTime.targetAccuracy',
    );
  }
  const target = accuracyTarget ? undefined : readTarget(reader, file['target'], 'target');
  const demand = readDemand(reader, file['demand'], 'demand');
  const objective = readObjective(reader, file['objective'], 'objective');
  const gpus = readGpus(reader, file['gpus'], 'gpus');
  const training = readTraining(reader, file['training'], 'training', gpus);
  const inference = readInference(reader, file['inference'], 'inference', gpus);
  const baselines = readBaselines(reader, file['baselines'], 'baselines');
  const testTime = readTestTime(reader, file['testTime'], 'testTime', demand);
  const energy = readEnergy(reader, file['energy'], 'energy');
  const data = readData(reader, file['data'], 'data');
  const plans = readPlans(reader, file['plans'], 'plans', testTime !== undefined);

  if (law && target) checkTargetReachable(reader, law, target);
  if (law && testTime?.model === 'accuracy') checkAccuracyReachable(reader, law, testTime);
  if (law && data && reader.issues.length === 0) checkDataSuffices(reader, law, target, testTime, data);
  if (demand && !Number.isFinite(totalDemandTokens(demandFromSpec(demand)))) {
    reader.report('demand', 'the lifetime demand is too large to represent (over 1.8e308 tokens)');
  }
  if (
    reader.issues.length > 0 ||
    name === undefined ||
    notes === undefined ||
    !law ||
    (!target && !accuracyTarget) ||
    !demand ||
    !objective ||
    !training ||
    !inference ||
    !baselines ||
    !energy ||
    (file['data'] !== undefined && !data) ||
    !plans
  ) {
    return { ok: false, issues: reader.issues };
  }
  const scenario: Scenario = {
    name,
    notes,
    law,
    ...(target ? { target } : {}),
    demand,
    objective,
    ...(gpus.gpus.length > 0 ? { gpus: gpus.gpus } : {}),
    training,
    inference,
    baselines,
    ...(testTime ? { testTime } : {}),
    energy,
    ...(data ? { data } : {}),
    ...(plans.length > 0 ? { plans } : {}),
  };
  return { ok: true, scenario };
}

function checkFormatAndVersion(format: unknown, version: unknown): ScenarioIssue | undefined {
  if (format !== undefined && format !== SCENARIO_FORMAT) {
    return {
      path: 'format',
      message: `${describeValue(format)} is not a Tradeoff Explorer scenario (expected "${SCENARIO_FORMAT}")`,
    };
  }
  if (version === undefined || version === SCENARIO_VERSION) return undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    return {
      path: 'version',
      message: `this file is format version ${version}, newer than this build of Tradeoff Explorer reads (version ${SCENARIO_VERSION}); update the app to open it`,
    };
  }
  return { path: 'version', message: `${describeValue(version)} is not a known format version (expected 1)` };
}

/**
 * Through a loss mapping, the mapping's domain must hold some loss, and some model inside it must
 * reach the accuracy with at most k_max attempts (the engine's explained refusal otherwise, naming
 * what to change); with p₁ entered directly, k_max attempts must reach it.
 */
function checkAccuracyReachable(reader: FieldReader, law: LawSpec, spec: AccuracyTestTimeSpec): void {
  const rule = {
    selection: spec.selection,
    coverageExponent: spec.coverageExponent,
    falsePassRate: spec.falsePassRate,
  };
  if ('value' in spec.p1) {
    try {
      fewestAttempts(spec.p1.value, spec.targetAccuracy, rule, spec.kMax);
    } catch (error) {
      if (!(error instanceof ScienceError)) throw error;
      reader.report('testTime.targetAccuracy', error.message);
    }
    return;
  }
  const resolved = lawFromSpec(law);
  try {
    accuracyDomain(spec.p1, resolved.floor);
  } catch (error) {
    if (!(error instanceof ScienceError)) throw error;
    reader.report(spec.p1.lossRange ? 'testTime.p1.lossRange' : 'testTime.p1.minLift', error.message);
    return;
  }
  try {
    accuracyTargetLoss(spec, resolved);
  } catch (error) {
    if (!(error instanceof ScienceError)) throw error;
    reader.report('testTime.targetAccuracy', error.message);
  }
}

/** With a data limit, some model must reach the target however often the data is repeated. */
function checkDataSuffices(
  reader: FieldReader,
  lawSpec: LawSpec,
  target: TargetSpec | undefined,
  testTime: TestTimeSpec | undefined,
  data: DataSpec,
): void {
  const law = lawFromSpec(lawSpec);
  const loss =
    testTime?.model === 'accuracy' && !('value' in testTime.p1)
      ? accuracyTargetLoss(testTime, law)
      : target && targetLoss(law, target);
  if (loss === undefined) return;
  const best = lowestReachableLoss(law, data.uniqueTokens);
  if (best >= loss) {
    reader.report(
      'data.uniqueTokens',
      `${data.uniqueTokens} unique tokens cannot reach loss ${formatForMessage(loss, 5)} however often they are repeated (the best is ${formatForMessage(best, 5)})`,
    );
  }
}

function checkTargetReachable(reader: FieldReader, law: LawSpec, target: TargetSpec): void {
  try {
    targetLoss(lawFromSpec(law), target);
  } catch (error) {
    if (!(error instanceof ScienceError)) throw error;
    const kind = Object.keys(target)[0] ?? '';
    reader.report(`target.${kind}`, error.message);
  }
}
