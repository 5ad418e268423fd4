import type { Candidate, Demand, LossLaw, Solution } from '../model';
import { baselineLabel, labelledCandidates, warningsOf } from './candidates';
import { toCsv } from './csv';

/** The machine-readable result of one scenario (`tradeoff solve --format json`, exports). */
export interface SolutionReport {
  readonly name: string;
  readonly law: { readonly id: string; readonly label: string; readonly source: string };
  readonly objective: Solution['objective'];
  readonly demand: Demand;
  readonly targetLoss: number;
  readonly lifetimeOptimal: Candidate;
  readonly withoutTestTime: Candidate;
  readonly withoutDataLimit: Candidate | null;
  readonly chinchillaOptimal: Candidate;
  /** What `chinchillaOptimal` is under a Kaplan-form law: not Kaplan's own allocation. */
  readonly chinchillaOptimalNote?: string;
  /** Each baseline with its label, e.g. "20 tokens/param" or "Kaplan 2020 allocation" (rule `kaplan2020`). */
  readonly baselines: readonly (Solution['baselines'][number] & { readonly label: string })[];
  readonly savings: Solution['savings'];
  /** Where the answer leaves the evidence: code, severity, message, field to change, candidate id. */
  readonly warnings: Solution['warnings'];
}

export function solutionReport(
  name: string,
  law: LossLaw,
  demand: Demand,
  solution: Solution,
): SolutionReport {
  return {
    name,
    law: { id: law.id, label: law.label, source: law.source },
    objective: solution.objective,
    demand,
    targetLoss: solution.targetLoss,
    lifetimeOptimal: solution.lifetimeOptimal,
    withoutTestTime: solution.withoutTestTime,
    withoutDataLimit: solution.withoutDataLimit,
    chinchillaOptimal: solution.chinchillaOptimal,
    ...noteOf(solution),
    baselines: solution.baselines.map((baseline) => ({ label: baselineLabel(baseline.rule), ...baseline })),
    savings: solution.savings,
    warnings: solution.warnings,
  };
}

function noteOf(solution: Solution): { chinchillaOptimalNote?: string } {
  const note = labelledCandidates(solution).find(({ id }) => id === 'chinchilla')?.note;
  return note ? { chinchillaOptimalNote: note } : {};
}

export const SOLUTION_CSV_HEADER = [
  'scenario',
  'law',
  'objective',
  'candidate',
  'params',
  'tokens',
  'tokensPerParam',
  'loss',
  'k',
  'effectiveLoss',
  'trainingFlops',
  'inferenceFlops',
  'totalFlops',
  'trainingCost',
  'inferenceCost',
  'totalCost',
  'epochs',
  'effectiveTokens',
  'gpuHours',
  'trainingDays',
  'energyKwh',
  'co2Kg',
  'replicaGpus',
  'flopsSavedByLifetimeOptimal',
  'costSavedByLifetimeOptimal',
  'warnings',
] as const;

/**
 * CSV rows of one solution, one per candidate; several solutions concatenate under one header. The
 * last column holds the codes of the candidate's warnings (and the solution's), separated by
 * semicolons, so that every row stays one record a CSV reader and a spreadsheet filter can use;
 * messages are in the JSON.
 */
export function solutionCsvRows(
  name: string,
  law: LossLaw,
  solution: Solution,
): (string | number | null)[][] {
  return labelledCandidates(solution).map(({ id, candidate: c, saving }) => [
    name,
    law.id,
    solution.objective,
    id,
    c.params,
    c.tokens,
    c.tokensPerParam,
    c.loss,
    c.k,
    c.effectiveLoss,
    c.trainingFlops,
    c.inferenceFlops,
    c.totalFlops,
    c.trainingCost,
    c.inferenceCost,
    c.totalCost,
    c.epochs,
    c.effectiveTokens,
    c.gpuHours ?? null,
    c.trainingDays ?? null,
    c.energyKwh ?? null,
    c.co2Kg ?? null,
    c.replicaGpus ?? null,
    saving?.totalFlops ?? null,
    saving?.totalCost ?? null,
    warningsOf(solution, id)
      .map((warning) => warning.code)
      .join(';'),
  ]);
}

export function solutionCsv(name: string, law: LossLaw, solution: Solution): string {
  return toCsv(SOLUTION_CSV_HEADER, solutionCsvRows(name, law, solution));
}
