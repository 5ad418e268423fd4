import { costRates } from '../../src/model/hardware/costs';
import { lawFromPreset } from '../../src/model/laws/presets';
import type { Problem } from '../../src/model/problem';

const sardana = lawFromPreset('sardana2024');

/**
 * The cost example of Sardana et al. 2024, §6 (docs/science.md §3.4): loss 1.947, 1e10 requests of
 * 1,000 + 250 tokens, training on A100-80GB at $1.40/h, inference on A100-40GB int8 at $0.60/h.
 */
export const SARDANA_COST_EXAMPLE: Problem = {
  law: sardana,
  targetLoss: 1.947,
  demand: { inputTokens: 1e10 * 1000, outputTokens: 1e10 * 250 },
  objective: 'cost',
  rates: costRates(
    { peakFlops: 312e12, pricePerHour: 1.4, mfu: 0.5 },
    { peakFlops: 624e12, pricePerHour: 0.6, prefillMfu: 0.4, decodeMfu: 0.2 },
  ),
  baselines: [20, 142, 1875],
};

/** Chinchilla-70B quality under sardana2024, 10T + 10T lifetime tokens, H100s at $2/h. */
export const H100_CHINCHILLA_QUALITY: Problem = {
  law: sardana,
  targetLoss: sardana.loss(70e9, 1.4e12),
  demand: { inputTokens: 1e13, outputTokens: 1e13 },
  objective: 'cost',
  rates: costRates(
    { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
    { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
  ),
  baselines: [20, 142, 1875],
};

/**
 * Chinchilla-70B quality under sardana2024 for 1e9 requests of 500 + 500 tokens on H100s, with
 * test-time compute bought at an exchange rate of γ = 1.5 over one order of magnitude.
 */
export const TEST_TIME_EXCHANGE_EXAMPLE: Problem = {
  law: sardana,
  targetLoss: sardana.loss(70e9, 1.4e12),
  demand: { inputTokens: 1e9 * 500, outputTokens: 1e9 * 500 },
  objective: 'cost',
  rates: costRates(
    { peakFlops: 989e12, pricePerHour: 2, mfu: 0.4 },
    { peakFlops: 989e12, pricePerHour: 2, prefillMfu: 0.5, decodeMfu: 0.1 },
  ),
  baselines: [20],
  testTime: {
    benefit: { model: 'exchange', rate: { gamma: 1.5, spanOom: 1 } },
    kMax: 1000,
    integerSamples: false,
    prefixCaching: true,
    verifierFlopsPerSample: 0,
    requests: 1e9,
  },
};
