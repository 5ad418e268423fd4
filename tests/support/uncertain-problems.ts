import { lawFromPreset } from '../../src/model/laws/presets';
import type { ChinchillaLaw } from '../../src/model/laws/types';
import type { Problem } from '../../src/model/problem';
import type { UncertainProblem } from '../../src/model/uncertainty/solve-draws';
import { SARDANA_COST_EXAMPLE } from './problems';

/** The besiroglu2024 preset: the one published law with a covariance (Epoch AI's bootstrap). */
export const BESIROGLU = lawFromPreset('besiroglu2024') as ChinchillaLaw;
export const BESIROGLU_COVARIANCE = BESIROGLU.covariance ?? [];

/** Sardana et al.'s cost example under besiroglu2024, the target given as a loss (or as `target`). */
export function uncertainSardanaExample(
  overrides: Partial<Problem> = {},
  target: UncertainProblem['target'] = { loss: 1.947 },
): UncertainProblem {
  const problem = { ...SARDANA_COST_EXAMPLE, law: BESIROGLU, targetLoss: 1.947, ...overrides };
  return { problem: { ...problem, law: BESIROGLU }, target };
}
