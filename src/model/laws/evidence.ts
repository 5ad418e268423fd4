import type { LawEvidence } from './types';

/**
 * The runs each published fit rests on (see LawMeta.evidence). Sizes are parameter counts as each
 * paper counts them; token counts are training tokens of one run.
 */

/**
 * Hoffmann et al. 2022 (arXiv 2203.15556), abstract: "over 400 language models ranging from 70
 * million to over 16 billion parameters on 5 to 500 billion tokens"; the largest size of their
 * Table A9 is 16,183M. Also the evidence of the
 * `sardana2024` preset: Hoffmann et al.'s fit with the exponents Sardana et al. and de Vries use.
 */
export const CHINCHILLA_EVIDENCE: LawEvidence = {
  params: [70e6, 16.183e9],
  tokens: [5e9, 500e9],
  source:
    'Hoffmann et al. 2022, arXiv 2203.15556, abstract and Table A9: over 400 runs from 70M to 16.2B parameters on 5B to 500B tokens',
};

/**
 * Besiroglu et al. 2024 (arXiv 2404.10102) refit Hoffmann et al.'s own runs, reconstructed from
 * their Figure 4, so the range is Chinchilla's.
 */
export const BESIROGLU_EVIDENCE: LawEvidence = {
  ...CHINCHILLA_EVIDENCE,
  source: `Besiroglu et al. 2024, arXiv 2404.10102, refit Hoffmann et al.'s runs (data read from their Figure 4): ${CHINCHILLA_EVIDENCE.source}`,
};

/**
 * Sardana et al. 2024's 47 MPT runs (repository nikhilsardana/beyond-chinchilla, trainingresults.csv,
 * commit 190f70e): 151M (150M) to 6.05B (6B) parameters at 10 to 10,000 tokens per parameter; the
 * fewest tokens are 1.51B (151M × 10), the most 1.51T (151M × 10,000).
 */
export const SARDANA_MPT_EVIDENCE: LawEvidence = {
  params: [151e6, 6.05e9],
  tokens: [1.51e9, 1.51e12],
  source:
    'Sardana et al. 2024, arXiv 2401.00448: their 47 MPT runs (trainingresults.csv), 151M to 6.05B parameters, 1.51B to 1.51T tokens (10 to 10,000 tokens per parameter)',
};

/**
 * Kaplan et al. 2020 (arXiv 2001.08361), §1 and §2: model sizes from 768 to 1.5 billion
 * non-embedding parameters and data sets from 22 million to 23 billion tokens. This tool counts
 * all parameters, so the parameter range is approximate for it.
 */
export const KAPLAN_EVIDENCE: LawEvidence = {
  params: [768, 1.5e9],
  tokens: [22e6, 23e9],
  source:
    'Kaplan et al. 2020, arXiv 2001.08361: 768 to 1.5B non-embedding parameters, 22M to 23B tokens (approximate here: N excludes embeddings there)',
};

/**
 * Muennighoff et al. 2023 (arXiv 2305.16264), abstract: runs "ranging up to 900 billion training
 * tokens and 9 billion parameter models". The lower ends are approximate: their smallest runs
 * (huggingface/datablations, lm1-misc) have tens of millions of parameters on about 100 million
 * unique tokens; 10M parameters and 100M tokens are taken as the bounds.
 */
export const MUENNIGHOFF_EVIDENCE: LawEvidence = {
  params: [10e6, 9e9],
  tokens: [100e6, 900e9],
  source:
    'Muennighoff et al. 2023, arXiv 2305.16264, abstract: up to 9B parameters and 900B tokens (lower bounds of 10M parameters and 100M tokens approximate)',
};
