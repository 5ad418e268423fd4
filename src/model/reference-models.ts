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

/**
 * A paper or other published source behind the engine, for the app's "Where the numbers come from"
 * view and the report's sources. Title and address only where the code that uses it cites them.
 */
export interface PaperReference {
  /** Stable key, for choosing the sources of one solution (report/sources.ts). */
  readonly id: PaperId;
  readonly citation: string;
  readonly title?: string;
  readonly url?: string;
  readonly usedFor: string;
}

export type PaperId =
  | 'kaplan2020'
  | 'hoffmann2022'
  | 'sardana2024'
  | 'besiroglu2024'
  | 'muennighoff2023'
  | 'devries2023'
  | 'villalobos-atkinson2023'
  | 'snell2024'
  | 'gadre2024'
  | 'brown2024'
  | 'stroebl2024'
  | 'condorcet'
  | 'touvron2023'
  | 'touvron2023-llama2'
  | 'llama3-2024'
  | 'qwen2024'
  | 'villalobos2024';

export const PAPERS: readonly PaperReference[] = [
  {
    id: 'kaplan2020',
    citation: 'Kaplan et al. 2020',
    title: 'Scaling Laws for Neural Language Models',
    url: 'https://arxiv.org/abs/2001.08361',
    usedFor: 'the Kaplan-form law (Eq. 1.5, Table 5); 6ND training and 2N-per-token inference FLOPs',
  },
  {
    id: 'hoffmann2022',
    citation: 'Hoffmann et al. 2022',
    title: 'Training Compute-Optimal Large Language Models',
    url: 'https://arxiv.org/abs/2203.15556',
    usedFor: 'the Chinchilla-form law (Eq. 2) and the compute-optimal allocation (Eq. 4)',
  },
  {
    id: 'sardana2024',
    citation: 'Sardana et al. 2024',
    title: 'Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws',
    url: 'https://arxiv.org/abs/2401.00448',
    usedFor: 'the lifetime-optimal allocation and its cost model (§3, §6); the sardana2024 constants',
  },
  {
    id: 'besiroglu2024',
    citation: 'Besiroglu et al. 2024',
    title: 'Chinchilla Scaling: A replication attempt',
    url: 'https://arxiv.org/abs/2404.10102',
    usedFor: 'the besiroglu2024 constants',
  },
  {
    id: 'muennighoff2023',
    citation: 'Muennighoff et al. 2023',
    title: 'Scaling Data-Constrained Language Models',
    url: 'https://arxiv.org/abs/2305.16264',
    usedFor: 'the muennighoff2023 constants; the worth of repeated data under a data limit (Eq. 5)',
  },
  {
    id: 'devries2023',
    citation: 'de Vries 2023',
    title: 'Go smol or go home',
    url: 'https://www.harmdevries.com/post/model-size-vs-compute-overhead/',
    usedFor: 'the training overhead k_N·k_D − 1 of a smaller model at equal loss',
  },
  // Test-time compute (test-time/exchange-rate.ts, test-time/task-accuracy.ts; docs/science.md §4).
  {
    id: 'villalobos-atkinson2023',
    citation: 'Villalobos & Atkinson 2023 (Epoch AI)',
    title: 'Trading off compute in training and inference',
    usedFor: 'test-time compute as an exchange rate with training compute, g(k) = min(k^(1/γ), 10^S)',
  },
  {
    id: 'snell2024',
    citation: 'Snell et al. 2024',
    title: 'Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters',
    url: 'https://arxiv.org/abs/2408.03314',
    usedFor: 'the exchange rate of test-time for training compute',
  },
  {
    id: 'gadre2024',
    citation: 'Gadre et al. 2024',
    title: 'Language models scale reliably with over-training and on downstream tasks',
    url: 'https://arxiv.org/abs/2403.08540',
    usedFor: 'per-attempt task success from the loss, Err(L) = ε − k·exp(−γL)',
  },
  {
    id: 'brown2024',
    citation: 'Brown et al. 2024',
    title: 'Large Language Monkeys: Scaling Inference Compute with Repeated Sampling',
    url: 'https://arxiv.org/abs/2407.21787',
    usedFor: 'the accuracy of k attempts with a cheap or oracle verifier, pass@k = p₁^(k^−a)',
  },
  {
    id: 'stroebl2024',
    citation: 'Stroebl et al. 2024',
    usedFor: 'the accuracy of k attempts with an imperfect verifier that passes wrong answers',
  },
  {
    id: 'condorcet',
    citation: 'Condorcet’s jury theorem',
    usedFor: 'the accuracy of a majority vote over k attempts',
  },
  // The transformer shape derived from N, which sizes the KV cache (hardware/transformer-shape.ts).
  {
    id: 'touvron2023',
    citation: 'Touvron et al. 2023',
    title: 'LLaMA: Open and Efficient Foundation Language Models',
    url: 'https://arxiv.org/abs/2302.13971',
    usedFor:
      'the transformer shape derived from N (depth-to-width ratio, head size; Table 2), which sizes the KV cache',
  },
  {
    id: 'touvron2023-llama2',
    citation: 'Touvron et al. 2023',
    title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
    url: 'https://arxiv.org/abs/2307.09288',
    usedFor: 'grouped-query attention in the shape rule (§2.2), which sizes the KV cache',
  },
  {
    id: 'llama3-2024',
    citation: 'Llama Team 2024',
    title: 'The Llama 3 Herd of Models',
    url: 'https://arxiv.org/abs/2407.21783',
    usedFor:
      'grouped-query attention and the depth-to-width ratio of larger models in the shape rule (Table 3)',
  },
  // Context for warnings about the amount of training data (warnings.ts).
  {
    id: 'qwen2024',
    citation: 'Qwen Team 2024',
    title: 'Qwen2.5 Technical Report',
    url: 'https://arxiv.org/abs/2412.15115',
    usedFor: 'the largest data set behind a released model, ~18T tokens',
  },
  {
    id: 'villalobos2024',
    citation: 'Villalobos et al. 2024 (Epoch AI)',
    title: 'Will we run out of data? Limits of LLM scaling based on human-generated data',
    url: 'https://arxiv.org/abs/2211.04325',
    usedFor: 'the stock of text on the indexed web, ~510T tokens',
  },
];

/** The paper with this id (every id has one). */
export function paper(id: PaperId): PaperReference {
  const found = PAPERS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
}

export function findReferenceModel(id: string): ReferenceModel | undefined {
  return REFERENCE_MODELS.find((model) => model.id === id);
}
