import { ScienceError } from '../errors';
import { chinchillaLaw } from './chinchilla';
import {
  BESIROGLU_EVIDENCE,
  CHINCHILLA_EVIDENCE,
  KAPLAN_EVIDENCE,
  MUENNIGHOFF_EVIDENCE,
  SARDANA_MPT_EVIDENCE,
} from './evidence';
import { kaplanLaw } from './kaplan';
import type { LawCovariance } from '../uncertainty/covariance';
import type { ChinchillaConstants, KaplanConstants, LawMeta, LossLaw } from './types';

/** A law's constants with where they come from: a preset's or the user's. */
export type LawDefinition =
  | (LawMeta & {
      readonly form: 'chinchilla';
      readonly constants: ChinchillaConstants;
      /** The covariance of the constants over (ln A, ln B, ln E, α, β), when known. */
      readonly covariance?: LawCovariance;
    })
  | (LawMeta & { readonly form: 'kaplan'; readonly constants: KaplanConstants });

/** A published law: its definition and where its uncertainty comes from, or why it has none. */
export type LawPreset = LawDefinition & { readonly uncertainty: string };

/** What a preset says when its source publishes no uncertainty of its constants. */
const NONE_PUBLISHED = 'none published';

/**
 * Epoch AI's bootstrap covariance of Besiroglu et al. 2024's fit, over (ln A, ln B, ln E, α, β) in
 * that order: np.cov of 4,000 bootstrap refits of the 240 runs in epoch-research/analyzing-chinchilla,
 * data_analysis.ipynb (cell "cov_matrix = np.cov(np.transpose(param_list))"), as issue 13 gives it.
 * The notebook prints its square-root diagonal, 0.258, 0.421, 0.014, 0.015, 0.021, which this
 * matrix reproduces (tests/model/laws/presets-uncertainty.test.ts).
 */
const BESIROGLU_COVARIANCE: LawCovariance = [
  [6.665505e-2, -2.782104e-2, 2.134113e-3, 3.973359e-3, -1.39356e-3],
  [-2.782104e-2, 1.773696e-1, 3.602958e-3, -1.727047e-3, 8.674264e-3],
  [2.134113e-3, 3.602958e-3, 1.988682e-4, 1.260515e-4, 1.755179e-4],
  [3.973359e-3, -1.727047e-3, 1.260515e-4, 2.371772e-4, -8.656299e-5],
  [-1.39356e-3, 8.674264e-3, 1.755179e-4, -8.656299e-5, 4.244887e-4],
];

/**
 * The published fits we ship. Rounding matters (a 70B-quality target moves a lot between
 * `hoffmann2022` and `sardana2024`), so results always name the preset they used.
 */
export const LAW_PRESETS: readonly LawPreset[] = [
  {
    id: 'sardana2024',
    evidence: CHINCHILLA_EVIDENCE,
    label: 'Sardana et al. 2024 (Chinchilla fit as used in "Beyond Chinchilla-Optimal")',
    source:
      'Sardana et al. 2024, arXiv 2401.00448 (ICML 2024), and de Vries 2023: the defaults of their code; reproduces every FLOPs example of the paper',
    form: 'chinchilla',
    constants: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 },
    uncertainty: `${NONE_PUBLISHED}: Sardana et al. 2024 use these constants without standard errors or a covariance`,
  },
  {
    id: 'hoffmann2022',
    evidence: CHINCHILLA_EVIDENCE,
    label: 'Hoffmann et al. 2022 (Chinchilla), as printed',
    source: 'Hoffmann et al. 2022, arXiv 2203.15556, Eq. 2 and App. D.2 (rounded constants as printed)',
    form: 'chinchilla',
    constants: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
    uncertainty: `${NONE_PUBLISHED}: Hoffmann et al. 2022 give no standard errors or covariance of the Approach 3 constants (besiroglu2024 is the replication that does)`,
  },
  {
    id: 'hoffmann2022-unrounded',
    evidence: CHINCHILLA_EVIDENCE,
    label: 'Hoffmann et al. 2022 (Chinchilla), before rounding',
    source:
      "Hoffmann et al. 2022, arXiv 2203.15556, App. D.2: the Approach 3 fit before rounding, from the comment after Eq. 10 in the arXiv TeX source (noted by Besiroglu et al. 2024, arXiv 2404.10102): E = e^0.5267228, A = e^6.0073404, B = e^6.0179186, α = 0.33917084, β = 0.2849083; reproduces the paper's own projections (40B at the Gopher budget, Figure 4; 67B at 1.71e24 FLOPs, Table A3)",
    form: 'chinchilla',
    // Hoffmann et al. 2022, arXiv 2203.15556 TeX source, after Eq. 10 (loss_offset, param_offset,
    // token_offset are ln E, ln A, ln B; param_slope α, token_slope β).
    constants: {
      E: Math.exp(0.5267228),
      A: Math.exp(6.0073404),
      B: Math.exp(6.0179186),
      alpha: 0.33917084,
      beta: 0.2849083,
    },
    uncertainty: `${NONE_PUBLISHED}: Hoffmann et al. 2022 give no standard errors or covariance of the Approach 3 constants (besiroglu2024 is the replication that does)`,
  },
  {
    id: 'besiroglu2024',
    evidence: BESIROGLU_EVIDENCE,
    label: 'Besiroglu et al. 2024 (Epoch AI replication of Chinchilla)',
    source:
      'Besiroglu et al. 2024, arXiv 2404.10102 (standard errors: E 0.03, A 124.58, B 1293.23, α 0.02, β 0.02); about 20 tokens per parameter',
    form: 'chinchilla',
    constants: { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
    uncertainty:
      "Epoch AI's bootstrap covariance over (ln A, ln B, ln E, α, β), 4,000 resamples of the 240 runs: Besiroglu et al. 2024, arXiv 2404.10102, and github.com/epoch-research/analyzing-chinchilla, data_analysis.ipynb (np.cov of the bootstrap fits, whose standard errors 0.258, 0.421, 0.014, 0.015, 0.021 it prints)",
    covariance: BESIROGLU_COVARIANCE,
  },
  {
    id: 'muennighoff2023',
    evidence: MUENNIGHOFF_EVIDENCE,
    label: 'Muennighoff et al. 2023 (C4 fit, data-constrained scaling)',
    source:
      'Muennighoff et al. 2023, arXiv 2305.16264, C4 fit: E = e^0.6254804, A = e^6.255414, B = e^7.3049974, α = β = 0.3526596',
    form: 'chinchilla',
    constants: {
      E: Math.exp(0.6254804),
      A: Math.exp(6.255414),
      B: Math.exp(7.3049974),
      alpha: 0.3526596,
      beta: 0.3526596,
    },
    uncertainty: `${NONE_PUBLISHED}: Muennighoff et al. 2023 give the C4 fit without a covariance`,
  },
  {
    id: 'sardana2024-mpt',
    evidence: SARDANA_MPT_EVIDENCE,
    label: 'Sardana et al. 2024 (fit on their 47 MPT runs, as published)',
    source:
      'Sardana et al. 2024, arXiv 2401.00448, Table 1: the constants the paper publishes for its 47 MPT runs (150M–6B parameters, 10–10,000 tokens/param), not a best fit to those runs: on the runs of their repository (trainingresults.csv) their Huber objective is 4.4× that of a refit (α ≈ 0.179, β ≈ 0.232, E ≈ 1.46, A ≈ 35.4, B ≈ 133); the printed β = 0.24 differs by more than rounding, so their fit evidently used other data or settings',
    form: 'chinchilla',
    constants: { E: 1.45, A: 33.66, B: 138.9, alpha: 0.18, beta: 0.24 },
    uncertainty: `${NONE_PUBLISHED}: Sardana et al. 2024 print the constants without standard errors; tradeoff fit --bootstrap on their runs gives a covariance`,
  },
  {
    id: 'kaplan2020',
    evidence: KAPLAN_EVIDENCE,
    label: 'Kaplan et al. 2020 (OpenAI scaling laws)',
    source:
      'Kaplan et al. 2020, arXiv 2001.08361, Eq. 1.5 and Table 5 (N excludes embeddings; loss on WebText2, not comparable with Chinchilla-form losses)',
    form: 'kaplan',
    constants: { alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13 },
    uncertainty: `${NONE_PUBLISHED} (a covariance is defined for Chinchilla-form laws only)`,
  },
];

export const DEFAULT_LAW_PRESET = 'sardana2024';

export function findLawPreset(id: string): LawPreset | undefined {
  return LAW_PRESETS.find((preset) => preset.id === id);
}

/** Builds the law of a preset or of custom constants. */
export function buildLaw(spec: LawDefinition): LossLaw {
  if (spec.form === 'kaplan') return kaplanLaw(spec.constants, spec);
  const { id, label, source, evidence } = spec;
  return chinchillaLaw(
    spec.constants,
    { id, label, source, ...(evidence ? { evidence } : {}) },
    spec.covariance,
  );
}

export function lawFromPreset(id: string): LossLaw {
  const preset = findLawPreset(id);
  if (!preset) {
    const known = LAW_PRESETS.map((p) => p.id).join(', ');
    throw new ScienceError('invalid-argument', `unknown law preset "${id}" (known: ${known})`);
  }
  return buildLaw(preset);
}
