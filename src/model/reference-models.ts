/** Well-known released models, as reference points and quality targets (docs/science.md §7). */
export interface ReferenceModel {
  readonly id: string;
  readonly label: string;
  readonly params: number;
  readonly tokens: number;
  readonly source: string;
}

export const REFERENCE_MODELS: readonly ReferenceModel[] = [
  { id: 'gpt3', label: 'GPT-3', params: 175e9, tokens: 300e9, source: 'Brown et al. 2020, arXiv 2005.14165' },
  {
    id: 'gopher',
    label: 'Gopher',
    params: 280e9,
    tokens: 300e9,
    source: 'Rae et al. 2021, arXiv 2112.11446',
  },
  {
    id: 'chinchilla',
    label: 'Chinchilla 70B',
    params: 70e9,
    tokens: 1.4e12,
    source: 'Hoffmann et al. 2022, arXiv 2203.15556',
  },
  {
    id: 'llama1-7b',
    label: 'LLaMA-1 7B',
    params: 6.7e9,
    tokens: 1.0e12,
    source: 'Touvron et al. 2023, arXiv 2302.13971',
  },
  {
    id: 'llama1-13b',
    label: 'LLaMA-1 13B',
    params: 13.0e9,
    tokens: 1.0e12,
    source: 'Touvron et al. 2023, arXiv 2302.13971',
  },
  {
    id: 'llama1-33b',
    label: 'LLaMA-1 33B',
    params: 32.5e9,
    tokens: 1.4e12,
    source: 'Touvron et al. 2023, arXiv 2302.13971',
  },
  {
    id: 'llama1-65b',
    label: 'LLaMA-1 65B',
    params: 65.2e9,
    tokens: 1.4e12,
    source: 'Touvron et al. 2023, arXiv 2302.13971',
  },
  {
    id: 'llama2-7b',
    label: 'Llama 2 7B',
    params: 7e9,
    tokens: 2e12,
    source: 'Touvron et al. 2023, arXiv 2307.09288',
  },
  {
    id: 'llama2-13b',
    label: 'Llama 2 13B',
    params: 13e9,
    tokens: 2e12,
    source: 'Touvron et al. 2023, arXiv 2307.09288',
  },
  {
    id: 'llama2-70b',
    label: 'Llama 2 70B',
    params: 70e9,
    tokens: 2e12,
    source: 'Touvron et al. 2023, arXiv 2307.09288',
  },
  {
    id: 'llama3-8b',
    label: 'Llama 3 8B',
    params: 8e9,
    tokens: 15e12,
    source: 'Llama Team 2024, arXiv 2407.21783',
  },
  {
    id: 'llama3-70b',
    label: 'Llama 3 70B',
    params: 70e9,
    tokens: 15e12,
    source: 'Llama Team 2024, arXiv 2407.21783',
  },
  {
    id: 'llama31-405b',
    label: 'Llama 3.1 405B',
    params: 405e9,
    tokens: 15.6e12,
    source: 'Llama Team 2024, arXiv 2407.21783',
  },
];

/** The papers behind the engine, for the app's "Where the numbers come from" view. */
export interface PaperReference {
  readonly citation: string;
  readonly title: string;
  readonly url: string;
  readonly usedFor: string;
}

export const PAPERS: readonly PaperReference[] = [
  {
    citation: 'Kaplan et al. 2020',
    title: 'Scaling Laws for Neural Language Models',
    url: 'https://arxiv.org/abs/2001.08361',
    usedFor: 'the Kaplan-form law (Eq. 1.5, Table 5); 6ND training and 2N-per-token inference FLOPs',
  },
  {
    citation: 'Hoffmann et al. 2022',
    title: 'Training Compute-Optimal Large Language Models',
    url: 'https://arxiv.org/abs/2203.15556',
    usedFor: 'the Chinchilla-form law (Eq. 2) and the compute-optimal allocation (Eq. 4)',
  },
  {
    citation: 'Sardana et al. 2024',
    title: 'Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws',
    url: 'https://arxiv.org/abs/2401.00448',
    usedFor: 'the lifetime-optimal allocation and its cost model (§3, §6); the sardana2024 constants',
  },
  {
    citation: 'Besiroglu et al. 2024',
    title: 'Chinchilla Scaling: A replication attempt',
    url: 'https://arxiv.org/abs/2404.10102',
    usedFor: 'the besiroglu2024 constants',
  },
  {
    citation: 'Muennighoff et al. 2023',
    title: 'Scaling Data-Constrained Language Models',
    url: 'https://arxiv.org/abs/2305.16264',
    usedFor: 'the muennighoff2023 constants',
  },
  {
    citation: 'de Vries 2023',
    title: 'Go smol or go home',
    url: 'https://www.harmdevries.com/post/model-size-vs-compute-overhead/',
    usedFor: 'the training overhead k_N·k_D − 1 of a smaller model at equal loss',
  },
];

export function findReferenceModel(id: string): ReferenceModel | undefined {
  return REFERENCE_MODELS.find((model) => model.id === id);
}
