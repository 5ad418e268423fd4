/**
 * How the answer moves with each input: the scenario solved again with one input moved by ±25 %
 * (the tornado chart's bars) and the elasticities d ln y / d ln x of the optimum's size and of its
 * lifetime objective (docs/science.md, "Sensitivity"). Inputs are moved where the user gives them,
 * in the scenario, so every derived quantity (requests, verifier cost, roofline, targets given as
 * a reference model or a budget) follows through the one pipeline, and a moved value the format
 * refuses (an MFU above 1) is reported with the format's own message.
 */
import { findLawPreset, type Solution } from '../model';
import { solveChecked } from './solve-checked';
import { solveScenario } from './solve-scenario';
import type { DemandSpec, LawSpec, Scenario } from './types';

/** The tornado's swing: each input at 75 % and 125 % of its value. */
export const SWING = 0.25;
/**
 * Step of the central difference for elasticities, in ln x: small enough that the secant is the
 * tangent to ~h² (~1e-4 relative), large enough that the solvers' ~1e-12 tolerance is far below
 * the difference it resolves.
 */
export const ELASTICITY_STEP = 0.01;

/** The two numbers each row reports. */
export interface Outcome {
  readonly params: number;
  /** The lifetime objective: dollars, or FLOPs when the scenario minimises FLOPs. */
  readonly objective: number;
}

/** A moved input's answer, or why there is none (unreachable, refused by the format, …). */
export type Moved =
  { readonly ok: true; readonly outcome: Outcome } | { readonly ok: false; readonly reason: string };

export interface SensitivityRow {
  readonly id: string;
  /** What moves, in words, e.g. "training price per GPU-hour". */
  readonly label: string;
  /** The scenario field(s) moved, e.g. "training.pricePerHour". */
  readonly path: string;
  readonly low: Moved;
  readonly high: Moved;
  /** d ln y / d ln x at the scenario, or null where a side of the step has no answer. */
  readonly elasticity: { readonly params: number; readonly objective: number } | null;
}

export interface Sensitivity {
  readonly base: Outcome;
  readonly swing: number;
  readonly rows: readonly SensitivityRow[];
}

/** One input: how to scale it in a scenario, and whether the scenario has it. */
interface Input {
  readonly id: string;
  readonly label: string;
  readonly path: string;
  readonly applies: (scenario: Scenario) => boolean;
  readonly scale: (scenario: Scenario, factor: number) => Scenario;
}

/**
 * The answer of the scenario with every input as given; throws the engine's explanation when the
 * scenario itself has none (as `solve` would).
 */
function outcomeOf(scenario: Scenario): Outcome {
  return outcomeOfSolution(solveScenario(scenario).solution);
}

function outcomeOfSolution(solution: Solution): Outcome {
  const optimum = solution.lifetimeOptimal;
  return {
    params: optimum.params,
    objective: solution.objective === 'cost' ? optimum.totalCost : optimum.totalFlops,
  };
}

function moved(scenario: Scenario): Moved {
  const checked = solveChecked(scenario);
  return checked.ok ? { ok: true, outcome: outcomeOfSolution(checked.solved.solution) } : checked;
}

export function sensitivity(scenario: Scenario): Sensitivity {
  const base = outcomeOf(scenario);
  const rows = INPUTS.filter((input) => input.applies(scenario)).map((input): SensitivityRow => {
    const at = (factor: number) => moved(input.scale(scenario, factor));
    const down = at(Math.exp(-ELASTICITY_STEP));
    const up = at(Math.exp(ELASTICITY_STEP));
    const slope = (key: keyof Outcome) =>
      down.ok && up.ok ? Math.log(up.outcome[key] / down.outcome[key]) / (2 * ELASTICITY_STEP) : null;
    const params = slope('params');
    const objective = slope('objective');
    return {
      id: input.id,
      label: input.label,
      path: input.path,
      low: at(1 - SWING),
      high: at(1 + SWING),
      elasticity: params === null || objective === null ? null : { params, objective },
    };
  });
  return { base, swing: SWING, rows };
}

function scaleDemand(demand: DemandSpec, factor: number): DemandSpec {
  if ('inputTokens' in demand) {
    return { inputTokens: demand.inputTokens * factor, outputTokens: demand.outputTokens * factor };
  }
  if ('requests' in demand) return { ...demand, requests: demand.requests * factor };
  return { ...demand, requestsPerDay: demand.requestsPerDay * factor };
}

/** The law as explicit constants, so that one of them can move (a preset's as published). */
function explicitLaw(law: LawSpec): Exclude<LawSpec, { preset: string }> | null {
  if (!('preset' in law)) return law;
  const preset = findLawPreset(law.preset);
  if (!preset) return null;
  const fittedRange = preset.evidence
    ? { fittedRange: { params: [...preset.evidence.params], tokens: [...preset.evidence.tokens] } as const }
    : {};
  return preset.form === 'chinchilla'
    ? {
        form: 'chinchilla',
        ...preset.constants,
        ...(preset.covariance ? { covariance: preset.covariance } : {}),
        ...fittedRange,
      }
    : { form: 'kaplan', ...preset.constants, ...fittedRange };
}

function lawConstant(form: 'chinchilla' | 'kaplan', key: string, label: string): Input {
  return {
    id: `law.${key}`,
    label,
    path: `law.${key}`,
    applies: (scenario) => explicitLaw(scenario.law)?.form === form,
    scale: (scenario, factor) => {
      const law = explicitLaw(scenario.law) as Record<string, unknown>;
      return { ...scenario, law: { ...law, [key]: (law[key] as number) * factor } as LawSpec };
    },
  };
}

const withCost = (scenario: Scenario) => scenario.objective === 'cost';

const INPUTS: readonly Input[] = [
  {
    id: 'demand',
    label: 'lifetime demand',
    path: 'demand',
    applies: () => true,
    scale: (scenario, factor) => ({ ...scenario, demand: scaleDemand(scenario.demand, factor) }),
  },
  {
    id: 'target',
    label: 'target loss above the floor',
    path: 'target',
    applies: (scenario) => scenario.target !== undefined,
    scale: (scenario, factor) => {
      // The loss itself, moved by ±25 %, would often fall below the law's floor; what a target
      // asks of the model is its loss above the floor, so that is what moves.
      const { problem } = solveScenario(scenario);
      const excess = problem.law.excessForLoss(problem.targetLoss);
      const floor = problem.targetLoss - excess;
      return { ...scenario, target: { loss: floor + excess * factor } };
    },
  },
  {
    id: 'training.pricePerHour',
    label: 'training price per GPU-hour',
    path: 'training.pricePerHour',
    applies: withCost,
    scale: (scenario, factor) => ({
      ...scenario,
      training: { ...scenario.training, pricePerHour: scenario.training.pricePerHour * factor },
    }),
  },
  {
    id: 'inference.pricePerHour',
    label: 'inference price per GPU-hour',
    path: 'inference.pricePerHour',
    applies: withCost,
    scale: (scenario, factor) => ({
      ...scenario,
      inference: { ...scenario.inference, pricePerHour: scenario.inference.pricePerHour * factor },
    }),
  },
  {
    id: 'training.mfu',
    label: 'training MFU',
    path: 'training.mfu',
    applies: withCost,
    scale: (scenario, factor) => ({
      ...scenario,
      training: { ...scenario.training, mfu: scenario.training.mfu * factor },
    }),
  },
  {
    id: 'inference.prefillMfu',
    label: 'prefill MFU',
    path: 'inference.prefillMfu',
    applies: withCost,
    scale: (scenario, factor) => ({
      ...scenario,
      inference: { ...scenario.inference, prefillMfu: scenario.inference.prefillMfu * factor },
    }),
  },
  {
    id: 'inference.decodeMfu',
    label: 'decode MFU',
    path: 'inference.decodeMfu',
    // Under a roofline, decode is priced by memory bandwidth, not by this MFU.
    applies: (scenario) => withCost(scenario) && scenario.inference.decode.model === 'mfu',
    scale: (scenario, factor) => ({
      ...scenario,
      inference: { ...scenario.inference, decodeMfu: scenario.inference.decodeMfu * factor },
    }),
  },
  {
    id: 'inference.decode.bandwidthEfficiency',
    label: 'decode bandwidth efficiency',
    path: 'inference.decode.bandwidthEfficiency',
    applies: (scenario) => withCost(scenario) && scenario.inference.decode.model === 'roofline',
    scale: (scenario, factor) => {
      const { decode } = scenario.inference;
      if (decode.model !== 'roofline') return scenario;
      return {
        ...scenario,
        inference: {
          ...scenario.inference,
          decode: { ...decode, bandwidthEfficiency: decode.bandwidthEfficiency * factor },
        },
      };
    },
  },
  lawConstant('chinchilla', 'E', 'law: irreducible loss E'),
  lawConstant('chinchilla', 'A', 'law: A'),
  lawConstant('chinchilla', 'B', 'law: B'),
  lawConstant('chinchilla', 'alpha', 'law: α'),
  lawConstant('chinchilla', 'beta', 'law: β'),
  lawConstant('kaplan', 'alphaN', 'law: α_N'),
  lawConstant('kaplan', 'alphaD', 'law: α_D'),
  lawConstant('kaplan', 'Nc', 'law: N_c'),
  lawConstant('kaplan', 'Dc', 'law: D_c'),
];
