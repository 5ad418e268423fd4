import { describe, expect, it } from 'vitest';
import { findGpuPreset } from '../../src/model';
import {
  formatCount,
  formatDollars,
  formatEnergy,
  formatLoss,
  formatPercent,
  formatRatio,
} from '../../src/format/quantity';
import {
  dataWallSection,
  footprintSection,
  reportSections,
  rooflineSection,
  testTimeSection,
} from '../../src/report/sections';
import { exampleJson, solvedExample, solvedFrom } from '../support/solved-examples';

const REASONING = 'reasoning-assistant.tradeoff.json';
const DATA_WALL = 'data-limited-roofline.tradeoff.json';
const CHATBOT = 'sardana-70b-chatbot.tradeoff.json';

describe('the test-time section', () => {
  it('is absent without a testTime section', () => {
    const { scenario, solution } = solvedExample(CHATBOT);
    expect(testTimeSection(scenario, solution)).toBeNull();
  });

  it('gives k, what it buys and the model without test-time compute, as the engine solved them', () => {
    const { scenario, problem, solution } = solvedExample(REASONING);
    const section = testTimeSection(scenario, solution);
    const optimum = solution.lifetimeOptimal;
    expect(optimum.k).toBeGreaterThan(1);
    expect(section?.lines[0]).toBe(
      `The lifetime optimum spends k = ${formatRatio(optimum.k)} times the compute of one plain answer on each ` +
        `query: its model's own loss is ${formatLoss(optimum.loss)}, and with that compute it does as well as a ` +
        `model of loss ${formatLoss(optimum.effectiveLoss)}.`,
    );
    // Independently: the saving is 1 − cost with k / cost without.
    const saving = 1 - optimum.totalCost / solution.withoutTestTime.totalCost;
    expect(section?.lines[1]).toBe(
      `Test-time compute saves ${formatPercent(saving)} of the lifetime cost against “Without test-time compute”.`,
    );
    expect(section?.table?.rows).toEqual([
      [
        'Lifetime-optimal',
        formatRatio(optimum.k),
        formatCount(optimum.params),
        formatCount(optimum.tokens),
        formatLoss(optimum.loss),
        formatLoss(optimum.effectiveLoss),
        formatDollars(optimum.totalCost),
      ],
      [
        'Without test-time compute',
        '1',
        formatCount(solution.withoutTestTime.params),
        formatCount(solution.withoutTestTime.tokens),
        formatLoss(solution.withoutTestTime.loss),
        formatLoss(solution.withoutTestTime.effectiveLoss),
        formatDollars(solution.withoutTestTime.totalCost),
      ],
    ]);
    // What k buys, re-derived (docs/science.md §4.1): the model's excess shrinks by
    // g^(−αβ/(α+β)) with g = min(k^(1/γ), 10^S), γ = 1.5 and S = 2 in this example.
    const law = problem.law;
    if (law.form !== 'chinchilla') throw new Error('example law is Chinchilla-form');
    const { E, alpha, beta } = law.constants;
    const g = Math.min(optimum.k ** (1 / 1.5), 10 ** 2);
    expect(optimum.effectiveLoss - E).toBeCloseTo(
      (optimum.loss - E) * g ** ((-alpha * beta) / (alpha + beta)),
      9,
    );
    expect(optimum.effectiveLoss).toBeCloseTo(solution.targetLoss, 9);
  });

  it('says so when the optimum buys none', () => {
    const { scenario, solution } = solvedExample('high-volume-chat.tradeoff.json');
    expect(solution.lifetimeOptimal.k).toBe(1);
    expect(testTimeSection(scenario, solution)?.lines[0]).toBe(
      `The lifetime optimum buys no test-time compute (k = 1): its model's own loss is ${formatLoss(solution.lifetimeOptimal.loss)}.`,
    );
  });

  it('names the accuracy target of the task-accuracy model', () => {
    const { scenario, solution } = solvedFrom({
      demand: { requests: 1e8, inputTokensPerRequest: 500, outputTokensPerRequest: 500 },
      testTime: { model: 'accuracy', targetAccuracy: 0.8, p1: { epsilon: 0.9, k: 4, gamma: 1 } },
    });
    expect(testTimeSection(scenario, solution)?.lines[0]).toBe(
      'The target is a task accuracy of 80.00 % per query.',
    );
  });
});

describe('the roofline section', () => {
  it('is absent when decode runs at a fixed utilisation', () => {
    const { problem, solution } = solvedExample(CHATBOT);
    expect(rooflineSection(problem, solution)).toBeNull();
  });

  it("gives the decode settings and each candidate's cost per output token, as the bill used it", () => {
    const { problem, solution } = solvedExample(DATA_WALL);
    const section = rooflineSection(problem, solution);
    const json = exampleJson(DATA_WALL) as { inference: { pricePerHour: number } };
    expect(section?.lines[0]).toBe(
      'Decode is priced per output token by a roofline (docs/science.md §5.2): batch 32, bandwidth efficiency ' +
        `0.8 of 3.35 TB/s, 4,096 tokens of context per sequence, 1 B per weight, ${formatDollars(json.inference.pricePerHour)} per GPU-hour.`,
    );
    const rows = section?.table?.rows ?? [];
    const candidates = [solution.lifetimeOptimal, solution.chinchillaOptimal, ...solution.baselines];
    expect(rows.map((row) => row[1])).toEqual(candidates.map((c) => formatCount(c.params)));
    candidates.forEach((candidate, index) => {
      // The bill's decode cost over the output tokens is the per-token cost the table shows.
      const perToken = candidate.decodeCost / problem.demand.outputTokens;
      expect(rows[index]?.[5]).toBe(formatDollars(perToken * 1e6));
      // A memory-bound step re-derived: (weights + batch · context · KV bytes) / (bandwidth · efficiency) / batch.
      const h100 = findGpuPreset('H100-SXM');
      if (!h100) throw new Error('no H100 preset');
      const kvBytes = Number.parseFloat(rows[index]?.[2] ?? '') * 1024;
      const seconds = (1 * candidate.params + 32 * 4096 * kvBytes) / (h100.bandwidthTBs * 1e12 * 0.8) / 32;
      expect(rows[index]?.[4]).toBe('memory');
      expect(perToken).toBeCloseTo((json.inference.pricePerHour / 3600) * seconds, 11);
    });
  });
});

describe('the data-wall section', () => {
  it('is absent without a data limit', () => {
    const { problem, solution } = solvedExample(CHATBOT);
    expect(dataWallSection(problem, solution)).toBeNull();
  });

  it('gives the unique tokens, the epochs, the optimum with unlimited data and what the limit costs', () => {
    const { problem, solution } = solvedExample(DATA_WALL);
    const section = dataWallSection(problem, solution);
    const optimum = solution.lifetimeOptimal;
    const unique = 400e9;
    expect(optimum.epochs).toBeCloseTo(optimum.tokens / unique, 12);
    expect(section?.lines[0]).toBe(
      `400B unique training tokens: the lifetime optimum trains for ${formatRatio(optimum.tokens / unique)} epochs, ` +
        `its ${formatCount(optimum.tokens)} tokens worth ${formatCount(optimum.effectiveTokens)} fresh ones.`,
    );
    // The optimum with unlimited data is the same scenario solved without its data section.
    const json = exampleJson(DATA_WALL);
    delete json.data;
    const free = solvedFrom(json).solution.lifetimeOptimal;
    expect(solution.withoutDataLimit?.params).toBeCloseTo(free.params, -3);
    expect(section?.lines[1]).toBe(
      `With unlimited unique data the optimum would be ${formatCount(free.params)} parameters on ` +
        `${formatCount(free.tokens)} tokens; the limit adds ${formatPercent(optimum.totalCost / free.totalCost - 1)} ` +
        'to the lifetime cost.',
    );
    expect(section?.table?.rows.map((row) => row[3])).toEqual([formatRatio(optimum.tokens / unique), '—']);
  });
});

describe('the footprint section', () => {
  it('gives GPU-hours, days, energy, CO₂ and replica GPUs of every candidate, from the bill', () => {
    const { scenario, solution } = solvedExample(CHATBOT);
    const section = footprintSection(scenario, solution);
    expect(section?.table?.header).toEqual([
      'candidate',
      'epochs',
      'GPU-hours',
      'training days',
      'energy',
      'CO₂',
      'GPUs per replica',
    ]);
    const json = exampleJson(CHATBOT) as {
      training: { pricePerHour: number; clusterGpus?: number; gpu: string };
      inference: { pricePerHour: number; gpu: string };
    };
    const optimum = solution.lifetimeOptimal;
    // GPU-hours are the bill over the price; energy GPU-hours · board power · PUE; CO₂ energy · grid.
    const trainingHours = optimum.trainingCost / json.training.pricePerHour;
    const inferenceHours = optimum.inferenceCost / json.inference.pricePerHour;
    const watts = (id: string) => findGpuPreset(id)?.boardPowerW ?? NaN;
    const kwh =
      ((trainingHours * watts(json.training.gpu) + inferenceHours * watts(json.inference.gpu)) *
        scenario.energy.pue) /
      1000;
    expect(section?.table?.rows[0]).toEqual([
      'Lifetime-optimal',
      '—',
      formatCount(trainingHours + inferenceHours),
      formatRatio(trainingHours / scenario.training.clusterGpus / 24),
      formatEnergy(kwh),
      `${formatCount((kwh * scenario.energy.gridKgCo2PerKwh) / 1000)} t`,
      String(optimum.replicaGpus),
    ]);
    expect(section?.table?.rows).toHaveLength(2 + solution.baselines.length);
    expect(section?.lines[0]).toContain(`cluster of ${formatRatio(scenario.training.clusterGpus)} GPUs`);
  });
});

describe('the sections of a report', () => {
  it('come in a fixed order, each only where it applies', () => {
    const titles = (file: string) => {
      const { scenario, problem, solution } = solvedExample(file);
      return reportSections(scenario, problem, solution).map((section) => section.title);
    };
    expect(titles(CHATBOT)).toEqual(['Footprint']);
    expect(titles(REASONING)).toEqual(['Test-time compute', 'Footprint']);
    expect(titles(DATA_WALL)).toEqual(['Decode on a roofline', 'Data wall', 'Footprint']);
  });
});
