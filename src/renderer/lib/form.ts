import {
  DEFAULT_LAW_PRESET,
  DEFAULT_MIN_LIFT,
  findGpuPreset,
  findLawPreset,
  findTaskClass,
  KAPLAN_BASELINE,
  LAW_PRESETS,
  type ChinchillaConstants,
  type Dtype,
  type GpuDefinition,
  type KaplanConstants,
  type LawCovariance,
  type LawForm,
  type LawPreset,
  type Objective,
  type Selection,
} from '../../model';
import { formatQuantityInput, parseQuantity } from '../../format/quantity';
import {
  checkedDemand,
  checkedLaw,
  checkedTarget,
  DEFAULT_DTYPE,
  DEFAULT_GPU,
  DEFAULT_ROOFLINE,
  DEFAULT_TEST_TIME,
  demandKindOf,
  lawKindOf,
  successSourceOf,
  targetKindOf,
  validateScenario,
  type AcceleratorKind,
  type AcceleratorSpec,
  type DecodeModel,
  type DemandKind,
  type DemandSpec,
  type FittedRangeSpec,
  type PlanSpec,
  type InferenceSpec,
  type LawKind,
  type LawSpec,
  type Scenario,
  type ScenarioIssue,
  type SuccessSourceKind,
  type TestTimeModel,
  type TestTimeSpec,
  type TargetKind,
  type TargetSpec,
} from '../../scenario';
import { STARTING_TARGET } from './new-scenario';

/**
 * The scenario editor's state: what the user typed, as text, so that "70B" or a half-typed "1.4e"
 * survives until it parses. `scenarioFromForm` turns it into a validated scenario or into issues
 * keyed by the same JSON paths as the file validator's, so every message lands next to its field.
 * The choices it offers are the scenario module's lists (`LAW_KINDS`, `TARGET_KINDS`…), and every
 * field not in use starts from the scenario's defaults or the engine's presets.
 */

export interface HardwareForm {
  accelerator: AcceleratorKind;
  gpu: string;
  dtype: Dtype;
  /** Overrides of the chosen GPU's values; empty means the GPU's own. */
  memoryGB: string;
  bandwidthTBs: string;
  boardPowerW: string;
  peakFlops: string;
  pricePerHour: string;
}

const OVERRIDES = ['memoryGB', 'bandwidthTBs', 'boardPowerW'] as const;

export interface ScenarioForm {
  name: string;
  notes: string;
  lawMode: LawKind;
  lawPreset: string;
  chinchilla: { E: string; A: string; B: string; alpha: string; beta: string };
  kaplan: { alphaN: string; alphaD: string; Nc: string; Dc: string };
  /** A custom law's fitted range (its `law.fittedRange`), kept as it is; null when none. */
  lawFittedRange: FittedRangeSpec | null;
  /** A custom Chinchilla-form law's covariance (its `law.covariance`), kept as it is; null when none. */
  lawCovariance: LawCovariance | null;
  /** The scenario's planned models (`plans`), kept as they are: not edited in the form yet. */
  plans: readonly PlanSpec[];
  targetKind: TargetKind;
  target: { loss: string; params: string; tokens: string; flops: string; optimalParams: string };
  demandKind: DemandKind;
  demand: {
    inputTokens: string;
    outputTokens: string;
    requests: string;
    requestsPerDay: string;
    days: string;
    inputTokensPerRequest: string;
    outputTokensPerRequest: string;
  };
  objective: Objective;
  /** The scenario's own GPU definitions (its `gpus` section), kept as they are. */
  gpus: GpuDefinition[];
  training: HardwareForm & { mfu: string; clusterGpus: string };
  inference: HardwareForm & {
    prefillMfu: string;
    decodeMfu: string;
    decodeModel: DecodeModel;
    batch: string;
    bandwidthEfficiency: string;
    contextTokens: string;
    /** Shape-rule overrides; empty fields keep the documented defaults. */
    aspectRatio: string;
    headDim: string;
    kvHeads: string;
  };
  energy: { gpuWatts: string; pue: string; gridKgCo2PerKwh: string };
  data: { limited: boolean; uniqueTokens: string };
  /**
   * Objects rather than strings so that each input binds to its own entry. A ratio of `kaplan2020`
   * (KAPLAN_BASELINE) stands for Kaplan et al. 2020's allocation rather than a number.
   */
  baselines: { ratio: string }[];
  testTime: {
    enabled: boolean;
    model: TestTimeModel;
    targetAccuracy: string;
    /** Per-attempt success from the loss (Gadre mapping) or entered directly for the target model. */
    successSource: SuccessSourceKind;
    success: string;
    epsilon: string;
    mappingK: string;
    mappingGamma: string;
    /** The mapping's loss range; both empty: derived from the mapping (see accuracyDomain). */
    lossLow: string;
    lossHigh: string;
    minLift: string;
    selection: Selection;
    coverageExponent: string;
    falsePassRate: string;
    taskClass: string;
    gamma: string;
    spanOom: string;
    kMax: string;
    integerSamples: boolean;
    prefixCaching: boolean;
    verifierCostPerSample: string;
  };
}

const text = (value: number | undefined, fallback = ''): string =>
  value === undefined ? fallback : formatQuantityInput(value);

function hardwareForm(spec: AcceleratorSpec & { pricePerHour: number }): HardwareForm {
  return 'gpu' in spec
    ? {
        accelerator: 'gpu',
        gpu: spec.gpu,
        dtype: spec.dtype,
        memoryGB: text(spec.memoryGB),
        bandwidthTBs: text(spec.bandwidthTBs),
        boardPowerW: text(spec.boardPowerW),
        peakFlops: '',
        pricePerHour: text(spec.pricePerHour),
      }
    : {
        accelerator: 'peak',
        gpu: DEFAULT_GPU,
        dtype: DEFAULT_DTYPE,
        memoryGB: '',
        bandwidthTBs: '',
        boardPowerW: '',
        peakFlops: text(spec.peakFlops),
        pricePerHour: text(spec.pricePerHour),
      };
}

/**
 * Whether a hardware section's price is still its GPU preset's typical price, i.e. one the user
 * has not typed: it then follows the GPU. A GPU of the user's has no typical price to follow.
 */
export function priceFollowsGpu(hardware: HardwareForm): boolean {
  const typical = findGpuPreset(hardware.gpu)?.price.perHour;
  if (hardware.accelerator !== 'gpu' || typical === undefined) return false;
  try {
    return parseQuantity(hardware.pricePerHour) === typical;
  } catch {
    return false;
  }
}

/** Picks a GPU for a hardware section; a price the user has not typed becomes the new preset's. */
export function pickGpu(hardware: HardwareForm, id: string): void {
  const follows = priceFollowsGpu(hardware);
  hardware.gpu = id;
  const typical = findGpuPreset(id)?.price.perHour;
  if (follows && typical !== undefined) hardware.pricePerHour = text(typical);
}

/** A law constant as the law fields show it: large ones in scientific notation, as papers print them. */
function constantText(value: number): string {
  return Math.abs(value) >= 1e6 ? value.toExponential().replace('e+', 'e') : String(value);
}

/** A preset's Chinchilla-form constants as the law fields show them. */
export function chinchillaFields(c: ChinchillaConstants): ScenarioForm['chinchilla'] {
  return {
    E: constantText(c.E),
    A: constantText(c.A),
    B: constantText(c.B),
    alpha: constantText(c.alpha),
    beta: constantText(c.beta),
  };
}

/** A preset's Kaplan-form constants as the law fields show them. */
export function kaplanFields(k: KaplanConstants): ScenarioForm['kaplan'] {
  return {
    alphaN: constantText(k.alphaN),
    alphaD: constantText(k.alphaD),
    Nc: constantText(k.Nc),
    Dc: constantText(k.Dc),
  };
}

/** The preset a form's constants start from: the default law when it has that form, else the first that has. */
function startingPreset<F extends LawForm>(form: F): Extract<LawPreset, { form: F }> {
  const preset = [findLawPreset(DEFAULT_LAW_PRESET), ...LAW_PRESETS].find((p) => p?.form === form);
  if (!preset) throw new Error(`no ${form} law preset`);
  return preset as Extract<LawPreset, { form: F }>;
}

/** The editor state that shows a scenario; every field not in use keeps a sensible starting value. */
export function formFromScenario(scenario: Scenario): ScenarioForm {
  const { law, demand } = scenario;
  // A scenario with a task-accuracy target has none; the loss fields keep a starting value.
  const target = scenario.target ?? STARTING_TARGET;
  const startingModel = STARTING_TARGET.model;
  return {
    name: scenario.name,
    notes: scenario.notes,
    lawMode: lawKindOf(law),
    lawPreset: 'preset' in law ? law.preset : DEFAULT_LAW_PRESET,
    // Constants not in use start from a preset of their form, as "Edit these constants" does.
    chinchilla:
      'form' in law && law.form === 'chinchilla'
        ? { E: text(law.E), A: text(law.A), B: text(law.B), alpha: text(law.alpha), beta: text(law.beta) }
        : chinchillaFields(startingPreset('chinchilla').constants),
    kaplan:
      'form' in law && law.form === 'kaplan'
        ? { alphaN: text(law.alphaN), alphaD: text(law.alphaD), Nc: text(law.Nc), Dc: text(law.Dc) }
        : kaplanFields(startingPreset('kaplan').constants),
    lawFittedRange: 'fittedRange' in law && law.fittedRange ? structuredClone(law.fittedRange) : null,
    lawCovariance: 'covariance' in law && law.covariance ? structuredClone(law.covariance) : null,
    targetKind: targetKindOf(target),
    target: {
      loss: text('loss' in target ? target.loss : undefined, '2'),
      params: text('model' in target ? target.model.params : startingModel.params),
      tokens: text('model' in target ? target.model.tokens : startingModel.tokens),
      flops: text('computeOptimalFlops' in target ? target.computeOptimalFlops : undefined, '1e24'),
      optimalParams: text(
        'computeOptimalParams' in target ? target.computeOptimalParams : startingModel.params,
      ),
    },
    demandKind: demandKindOf(demand) ?? 'requests',
    demand: {
      inputTokens: text('inputTokens' in demand ? demand.inputTokens : undefined, '1T'),
      outputTokens: text('outputTokens' in demand ? demand.outputTokens : undefined, '1T'),
      requests: text('requests' in demand ? demand.requests : undefined, '10B'),
      requestsPerDay: text('requestsPerDay' in demand ? demand.requestsPerDay : undefined, '10M'),
      days: text('days' in demand ? demand.days : undefined, '365'),
      inputTokensPerRequest: text(
        'inputTokensPerRequest' in demand ? demand.inputTokensPerRequest : undefined,
        '1000',
      ),
      outputTokensPerRequest: text(
        'outputTokensPerRequest' in demand ? demand.outputTokensPerRequest : undefined,
        '250',
      ),
    },
    objective: scenario.objective,
    gpus: (scenario.gpus ?? []).map((gpu) => structuredClone(gpu)),
    training: {
      ...hardwareForm(scenario.training),
      mfu: text(scenario.training.mfu),
      clusterGpus: text(scenario.training.clusterGpus),
    },
    inference: inferenceForm(scenario.inference),
    energy: {
      gpuWatts: text(scenario.energy.gpuWatts),
      pue: text(scenario.energy.pue),
      gridKgCo2PerKwh: text(scenario.energy.gridKgCo2PerKwh),
    },
    data: { limited: scenario.data !== undefined, uniqueTokens: text(scenario.data?.uniqueTokens, '15T') },
    baselines: scenario.baselines.map((rule) => ({ ratio: typeof rule === 'number' ? text(rule) : rule })),
    testTime: testTimeForm(scenario.testTime),
    plans: scenario.plans ? structuredClone(scenario.plans) : [],
  };
}

function inferenceForm(spec: InferenceSpec): ScenarioForm['inference'] {
  const roofline = spec.decode.model === 'roofline' ? spec.decode : DEFAULT_ROOFLINE;
  const shape = spec.decode.model === 'roofline' ? spec.decode.shape : undefined;
  return {
    ...hardwareForm(spec),
    prefillMfu: text(spec.prefillMfu),
    decodeMfu: text(spec.decodeMfu),
    decodeModel: spec.decode.model,
    batch: text(roofline.batch),
    bandwidthEfficiency: text(roofline.bandwidthEfficiency),
    contextTokens: text(roofline.contextTokens),
    aspectRatio: text(shape?.aspectRatio),
    headDim: text(shape?.headDim),
    kvHeads: text(shape?.kvHeads),
  };
}

function testTimeForm(spec: TestTimeSpec | undefined): ScenarioForm['testTime'] {
  const defaults = DEFAULT_TEST_TIME;
  const taskClass = findTaskClass(defaults.taskClass);
  const exchange = spec?.model === 'exchange' ? spec : undefined;
  const accuracy = spec?.model === 'accuracy' ? spec : undefined;
  const p1 = accuracy?.p1;
  return {
    enabled: spec !== undefined,
    model: spec?.model ?? defaults.model,
    targetAccuracy: text(accuracy?.targetAccuracy, '0.8'),
    successSource: p1 ? successSourceOf(p1) : 'mapping',
    success: text(p1 && 'value' in p1 ? p1.value : undefined, '0.3'),
    epsilon: text(p1 && 'epsilon' in p1 ? p1.epsilon : undefined),
    mappingK: text(p1 && 'k' in p1 ? p1.k : undefined),
    mappingGamma: text(p1 && 'gamma' in p1 ? p1.gamma : undefined),
    lossLow: text(p1 && 'epsilon' in p1 ? p1.lossRange?.[0] : undefined),
    lossHigh: text(p1 && 'epsilon' in p1 ? p1.lossRange?.[1] : undefined),
    minLift: text(p1 && 'epsilon' in p1 ? p1.minLift : DEFAULT_MIN_LIFT),
    selection: accuracy?.selection ?? defaults.selection,
    coverageExponent: text(accuracy?.coverageExponent ?? defaults.coverageExponent),
    falsePassRate: text(accuracy?.falsePassRate ?? defaults.falsePassRate),
    taskClass: exchange?.taskClass ?? defaults.taskClass,
    gamma: text(exchange?.gamma ?? taskClass?.gamma),
    spanOom: text(exchange?.spanOom ?? taskClass?.spanOom),
    kMax: text(spec?.kMax ?? defaults.kMax),
    integerSamples: spec?.integerSamples ?? defaults.integerSamples,
    prefixCaching: spec?.prefixCaching ?? defaults.prefixCaching,
    verifierCostPerSample: text(spec?.verifierCostPerSample ?? defaults.verifierCostPerSample),
  };
}

export type FormResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/**
 * Turns the editor state into a validated scenario, or into every issue with its JSON path. A GPU
 * of the user's `library` (the preferences) that the form names goes into the scenario's `gpus`,
 * so the file stays self-contained; the scenario's own definitions come first and win.
 */
export function scenarioFromForm(form: ScenarioForm, library: readonly GpuDefinition[] = []): FormResult {
  const typingIssues: ScenarioIssue[] = [];
  const number = (value: string, path: string): number | undefined => {
    if (value.trim() === '') {
      typingIssues.push({ path, message: 'required' });
      return undefined;
    }
    try {
      return parseQuantity(value);
    } catch (error) {
      typingIssues.push({ path, message: (error as Error).message });
      return undefined;
    }
  };
  const file = {
    name: form.name,
    notes: form.notes,
    law: lawOf(form, number),
    ...(setsTaskAccuracyInForm(form) ? {} : { target: targetOf(form, number) }),
    demand: demandOf(form, number),
    objective: form.objective,
    ...gpusOf(form, library),
    training: {
      ...acceleratorOf(form.training, 'training', number),
      mfu: number(form.training.mfu, 'training.mfu'),
      clusterGpus: number(form.training.clusterGpus, 'training.clusterGpus'),
    },
    inference: {
      ...acceleratorOf(form.inference, 'inference', number),
      prefillMfu: number(form.inference.prefillMfu, 'inference.prefillMfu'),
      decodeMfu: number(form.inference.decodeMfu, 'inference.decodeMfu'),
      decode:
        form.inference.decodeModel === 'mfu'
          ? { model: 'mfu' }
          : {
              model: 'roofline',
              batch: number(form.inference.batch, 'inference.decode.batch'),
              bandwidthEfficiency: number(
                form.inference.bandwidthEfficiency,
                'inference.decode.bandwidthEfficiency',
              ),
              contextTokens: number(form.inference.contextTokens, 'inference.decode.contextTokens'),
              ...shapeOf(form.inference, number),
            },
    },
    energy: {
      // An empty power field means: each GPU preset's own board power.
      ...(form.energy.gpuWatts.trim() === ''
        ? {}
        : { gpuWatts: number(form.energy.gpuWatts, 'energy.gpuWatts') }),
      pue: number(form.energy.pue, 'energy.pue'),
      gridKgCo2PerKwh: number(form.energy.gridKgCo2PerKwh, 'energy.gridKgCo2PerKwh'),
    },
    ...(form.data.limited
      ? { data: { uniqueTokens: number(form.data.uniqueTokens, 'data.uniqueTokens') } }
      : {}),
    baselines: form.baselines.map(({ ratio }, index) =>
      ratio.trim() === KAPLAN_BASELINE ? KAPLAN_BASELINE : number(ratio, `baselines[${index}]`),
    ),
    ...(form.testTime.enabled ? { testTime: testTimeOf(form.testTime, number) } : {}),
    ...(form.plans.length > 0 ? { plans: form.plans } : {}),
  };
  const result = validateScenario(file);
  if (result.ok && typingIssues.length === 0) return result;
  // A field that did not parse was passed on as undefined; its "missing" report is noise.
  const typed = new Set(typingIssues.map((issue) => issue.path));
  const validationIssues = result.ok ? [] : result.issues.filter((issue) => !typed.has(issue.path));
  return { ok: false, issues: [...typingIssues, ...validationIssues] };
}

type NumberReader = (value: string, path: string) => number | undefined;

/** Reads a field of a section checked on its own: what does not parse is left undefined, unreported. */
const quietNumber: NumberReader = (value) => {
  if (value.trim() === '') return undefined;
  try {
    return parseQuantity(value);
  } catch {
    return undefined;
  }
};

/** The form's law on its own, when its fields make a valid law; undefined while they do not. */
export function lawSpecOfForm(form: ScenarioForm): LawSpec | undefined {
  return checkedLaw(lawOf(form, quietNumber), 'law');
}

/** The form's target of its current kind on its own, when its fields are valid (reachability unchecked). */
export function targetSpecOfForm(form: ScenarioForm): TargetSpec | undefined {
  return checkedTarget(targetOf(form, quietNumber), 'target');
}

/** The form's demand of its current kind on its own, when its fields are valid. */
export function demandSpecOfForm(form: ScenarioForm): DemandSpec | undefined {
  return checkedDemand(demandOf(form, quietNumber), 'demand');
}

/** A task accuracy reached through a loss mapping replaces the loss target (see setsTaskAccuracy). */
export function setsTaskAccuracyInForm(form: ScenarioForm): boolean {
  const { enabled, model, successSource } = form.testTime;
  return enabled && model === 'accuracy' && successSource === 'mapping';
}

/** The pre-validation JSON of a section: numbers that did not parse are left undefined. */
type Section = Record<string, unknown>;

function lawOf(form: ScenarioForm, number: NumberReader): Section {
  if (form.lawMode === 'preset') return { preset: form.lawPreset };
  const range = form.lawFittedRange ? { fittedRange: form.lawFittedRange } : {};
  if (form.lawMode === 'chinchilla') {
    const c = form.chinchilla;
    return {
      form: 'chinchilla',
      E: number(c.E, 'law.E'),
      A: number(c.A, 'law.A'),
      B: number(c.B, 'law.B'),
      alpha: number(c.alpha, 'law.alpha'),
      beta: number(c.beta, 'law.beta'),
      ...range,
      ...(form.lawCovariance ? { covariance: form.lawCovariance } : {}),
    };
  }
  const k = form.kaplan;
  return {
    form: 'kaplan',
    alphaN: number(k.alphaN, 'law.alphaN'),
    alphaD: number(k.alphaD, 'law.alphaD'),
    Nc: number(k.Nc, 'law.Nc'),
    Dc: number(k.Dc, 'law.Dc'),
    ...range,
  };
}

function targetOf(form: ScenarioForm, number: NumberReader): Section {
  const t = form.target;
  switch (form.targetKind) {
    case 'loss':
      return { loss: number(t.loss, 'target.loss') };
    case 'model':
      return {
        model: {
          params: number(t.params, 'target.model.params'),
          tokens: number(t.tokens, 'target.model.tokens'),
        },
      };
    case 'computeOptimalFlops':
      return { computeOptimalFlops: number(t.flops, 'target.computeOptimalFlops') };
    case 'computeOptimalParams':
      return { computeOptimalParams: number(t.optimalParams, 'target.computeOptimalParams') };
  }
}

function demandOf(form: ScenarioForm, number: NumberReader): Section {
  const d = form.demand;
  const perRequest = {
    inputTokensPerRequest: number(d.inputTokensPerRequest, 'demand.inputTokensPerRequest'),
    outputTokensPerRequest: number(d.outputTokensPerRequest, 'demand.outputTokensPerRequest'),
  };
  switch (form.demandKind) {
    case 'totals':
      return {
        inputTokens: number(d.inputTokens, 'demand.inputTokens'),
        outputTokens: number(d.outputTokens, 'demand.outputTokens'),
      };
    case 'requests':
      return { requests: number(d.requests, 'demand.requests'), ...perRequest };
    case 'rate':
      return {
        requestsPerDay: number(d.requestsPerDay, 'demand.requestsPerDay'),
        days: number(d.days, 'demand.days'),
        ...perRequest,
      };
  }
}

function testTimeOf(testTime: ScenarioForm['testTime'], number: NumberReader): Section {
  const benefit =
    testTime.model === 'exchange'
      ? {
          model: 'exchange',
          taskClass: testTime.taskClass,
          gamma: number(testTime.gamma, 'testTime.gamma'),
          spanOom: number(testTime.spanOom, 'testTime.spanOom'),
        }
      : {
          model: 'accuracy',
          targetAccuracy: number(testTime.targetAccuracy, 'testTime.targetAccuracy'),
          p1:
            testTime.successSource === 'direct'
              ? { value: number(testTime.success, 'testTime.p1.value') }
              : {
                  epsilon: number(testTime.epsilon, 'testTime.p1.epsilon'),
                  k: number(testTime.mappingK, 'testTime.p1.k'),
                  gamma: number(testTime.mappingGamma, 'testTime.p1.gamma'),
                  ...lossRangeOf(testTime, number),
                  minLift: number(testTime.minLift, 'testTime.p1.minLift'),
                },
          selection: testTime.selection,
          coverageExponent: number(testTime.coverageExponent, 'testTime.coverageExponent'),
          falsePassRate: number(testTime.falsePassRate, 'testTime.falsePassRate'),
        };
  return {
    ...benefit,
    kMax: number(testTime.kMax, 'testTime.kMax'),
    integerSamples: testTime.integerSamples,
    prefixCaching: testTime.prefixCaching,
    verifierCostPerSample: number(testTime.verifierCostPerSample, 'testTime.verifierCostPerSample'),
  };
}

/** Empty loss-range fields mean: derived from the mapping, so the file leaves `lossRange` out. */
function lossRangeOf(testTime: ScenarioForm['testTime'], number: NumberReader): Section {
  if (testTime.lossLow.trim() === '' && testTime.lossHigh.trim() === '') return {};
  return {
    lossRange: [
      number(testTime.lossLow, 'testTime.p1.lossRange[0]'),
      number(testTime.lossHigh, 'testTime.p1.lossRange[1]'),
    ],
  };
}

/** The scenario's own GPUs, plus each library GPU the hardware sections name. */
function gpusOf(form: ScenarioForm, library: readonly GpuDefinition[]): Section {
  const gpus = [...form.gpus];
  for (const hardware of [form.training, form.inference]) {
    if (hardware.accelerator !== 'gpu' || gpus.some((gpu) => gpu.id === hardware.gpu)) continue;
    const definition = library.find((gpu) => gpu.id === hardware.gpu);
    if (definition) gpus.push(definition);
  }
  return gpus.length > 0 ? { gpus } : {};
}

/** The shape-rule overrides the user filled in, or nothing when all are empty. */
function shapeOf(inference: ScenarioForm['inference'], number: NumberReader): Section {
  const shape: Section = {};
  for (const key of ['aspectRatio', 'headDim', 'kvHeads'] as const) {
    if (inference[key].trim() !== '') shape[key] = number(inference[key], `inference.decode.shape.${key}`);
  }
  return Object.keys(shape).length > 0 ? { shape } : {};
}

function acceleratorOf(hardware: HardwareForm, path: string, number: NumberReader): Section {
  const pricePerHour = number(hardware.pricePerHour, `${path}.pricePerHour`);
  if (hardware.accelerator !== 'gpu')
    return { peakFlops: number(hardware.peakFlops, `${path}.peakFlops`), pricePerHour };
  // An empty override field means: the GPU's own value.
  const overrides = OVERRIDES.filter((key) => hardware[key].trim() !== '').map((key) => [
    key,
    number(hardware[key], `${path}.${key}`),
  ]);
  return { gpu: hardware.gpu, dtype: hardware.dtype, ...Object.fromEntries(overrides), pricePerHour };
}
