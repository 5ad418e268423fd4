/**
 * "What does each published law say?": one scenario solved under every law preset, and under the
 * scenario's own law when it is a custom one (a fitted law, say), so that the spread between laws
 * is seen next to any one answer (docs/science.md §12).
 *
 * The laws are fitted on different data and tokenizers, so one loss means different quality under
 * each: a target given as a loss is carried over as the model that reaches it under the scenario's
 * own law, its Chinchilla-optimal model (a `computeOptimalParams` target), whose loss each law then
 * gives. Targets given as a reference model or a budget are already laws-free and stay as they are.
 */
import { LAW_PRESETS, type Candidate, type Target } from '../model';
import { solveScenario } from './solve-scenario';
import type { LawSpec, Scenario } from './types';
import { solveChecked } from './solve-checked';

/** The numbers each law's row shows for a model. */
export interface ModelAnswer {
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  readonly totalFlops: number;
  readonly totalCost: number;
}

export interface LawAnswer {
  readonly lawId: string;
  readonly label: string;
  readonly form: 'chinchilla' | 'kaplan';
  /** True for the scenario's own law (a preset or custom constants). */
  readonly own: boolean;
  readonly result:
    | {
        readonly ok: true;
        readonly targetLoss: number;
        readonly lifetimeOptimal: ModelAnswer;
        readonly chinchillaOptimal: ModelAnswer;
        /** Share of the objective the lifetime optimum saves against the Chinchilla optimum. */
        readonly saving: number;
        /** The answer lies beyond the runs the law was fitted on (params or tokens). */
        readonly extrapolates: boolean;
      }
    | { readonly ok: false; readonly reason: string };
}

export interface LawComparison {
  /** The target each law was given, e.g. { computeOptimalParams: 34.1e9 } for a loss target. */
  readonly target: Target | null;
  readonly laws: readonly LawAnswer[];
}

const EXTRAPOLATION_WARNINGS = new Set(['params-beyond-evidence', 'tokens-beyond-evidence']);

function answer(candidate: Candidate): ModelAnswer {
  const { params, tokens, tokensPerParam, totalFlops, totalCost } = candidate;
  return { params, tokens, tokensPerParam, totalFlops, totalCost };
}

function solveUnder(scenario: Scenario): LawAnswer['result'] {
  // Validated as a file would be: a carried-over target a law cannot reach is refused in the
  // format's words.
  const checked = solveChecked(scenario);
  if (!checked.ok) return checked;
  const { solution } = checked.solved;
  const metric = solution.objective === 'cost' ? 'totalCost' : 'totalFlops';
  return {
    ok: true,
    targetLoss: solution.targetLoss,
    lifetimeOptimal: answer(solution.lifetimeOptimal),
    chinchillaOptimal: answer(solution.chinchillaOptimal),
    saving: 1 - solution.lifetimeOptimal[metric] / solution.chinchillaOptimal[metric],
    extrapolates: solution.warnings.some(
      (warning) => warning.candidate === 'lifetime' && EXTRAPOLATION_WARNINGS.has(warning.code),
    ),
  };
}

export function acrossLaws(scenario: Scenario): LawComparison {
  const { problem, solution } = solveScenario(scenario);
  const target: Target | null =
    scenario.target === undefined
      ? null
      : 'loss' in scenario.target
        ? { computeOptimalParams: solution.chinchillaOptimal.params }
        : scenario.target;
  const ownPreset = 'preset' in scenario.law ? scenario.law.preset : null;
  const custom: LawAnswer[] =
    ownPreset === null
      ? [
          {
            lawId: problem.law.id,
            label: 'this scenario’s law',
            form: (scenario.law as Exclude<LawSpec, { preset: string }>).form,
            own: true,
            result: solveUnder(scenario),
          },
        ]
      : [];
  const presets = LAW_PRESETS.map((preset): LawAnswer => {
    const own = preset.id === ownPreset;
    return {
      lawId: preset.id,
      label: preset.label,
      form: preset.form,
      own,
      // The scenario's own law keeps its target exactly as the user gave it.
      result: solveUnder(
        own ? scenario : { ...scenario, law: { preset: preset.id }, ...(target ? { target } : {}) },
      ),
    };
  });
  return { target, laws: [...custom, ...presets] };
}
