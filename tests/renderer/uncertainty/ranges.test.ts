import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/format/quantity';
import { findLawPreset, solveWithBands, type ChinchillaLaw } from '../../../src/model';
import { bandTrace, BAND_LEGEND } from '../../../src/renderer/charts/band';
import { costVsSizeFigure } from '../../../src/renderer/charts/cost-vs-size';
import { isoLossFigure } from '../../../src/renderer/charts/iso-loss';
import { legendEntries } from '../../../src/renderer/charts/legend';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { computeResults } from '../../../src/renderer/lib/results';
import { cardHasRanges, rangeText, spreadOfCard } from '../../../src/renderer/lib/uncertainty/card-ranges';
import {
  APP_DRAWS,
  APP_SEED,
  BAND_POINTS,
  bandSizes,
  computeRanges,
  uncertainForApp,
} from '../../../src/renderer/lib/uncertainty/ranges';
import { serializeScenario, type Scenario } from '../../../src/scenario';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });
const besiroglu: Scenario = { ...sardana, law: { preset: 'besiroglu2024' } };

function request(scenario: Scenario, draws = 60) {
  return {
    scenario: serializeScenario(scenario),
    draws,
    seed: APP_SEED,
    sizes: bandSizes(computeResults(scenario).isoLoss),
  };
}

describe('the app’s ranges', () => {
  it('are the engine’s summary and bands for the scenario, the same for the same request', () => {
    const answer = computeRanges(request(besiroglu));
    const uncertain = uncertainForApp(besiroglu);
    if (answer.kind !== 'ranges' || !uncertain.ok) throw new Error('besiroglu2024 has ranges');
    expect(answer).toEqual({
      kind: 'ranges',
      ...solveWithBands(uncertain.uncertain, { draws: 60, seed: APP_SEED, sizes: request(besiroglu).sizes }),
    });
    expect(computeRanges(request(besiroglu))).toEqual(answer);
    // Plain data: what a worker posts survives structured cloning unchanged.
    expect(structuredClone(answer)).toEqual(answer);
    expect(answer.bands.points).toHaveLength(BAND_POINTS);
  });

  it('are drawn at log-spaced sizes spanning the point iso-loss curve', () => {
    const { isoLoss } = computeResults(besiroglu);
    const sizes = bandSizes(isoLoss);
    expect(sizes[0]).toBe(isoLoss[0]?.params);
    expect(sizes.at(-1)).toBeCloseTo(isoLoss.at(-1)?.params ?? NaN, -3);
    const ratios = sizes.slice(1).map((size, i) => size / (sizes[i] ?? NaN));
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] ?? NaN, 9);
    expect(bandSizes([])).toEqual([]);
  });

  it('say which preset publishes no uncertainty, in the preset’s own words', () => {
    const answer = computeRanges(request(sardana));
    const preset = findLawPreset('sardana2024');
    expect(answer).toEqual({ kind: 'none', note: `Uncertainty of sardana2024: ${preset?.uncertainty}` });
    expect(answer.kind === 'none' && answer.note).toMatch(/^Uncertainty of sardana2024: none published/);
  });

  it('give the engine’s reason for a custom law without a covariance', () => {
    const law = findLawPreset('besiroglu2024') as unknown as ChinchillaLaw;
    const { E, A, B, alpha, beta } = law.constants;
    const custom: Scenario = { ...sardana, law: { form: 'chinchilla', E, A, B, alpha, beta } };
    const answer = computeRanges(request(custom));
    expect(answer.kind).toBe('none');
    expect(answer.kind === 'none' && answer.note).toMatch(
      /^law: this custom chinchilla-form law has no uncertainty/,
    );
  });

  it('refuse a request that is not a scenario, naming the field', () => {
    const text = serializeScenario(besiroglu).replace('"besiroglu2024"', '"no-such-law"');
    const answer = computeRanges({ ...request(besiroglu), scenario: text });
    expect(answer.kind).toBe('failed');
    expect(answer.kind === 'failed' && answer.message).toMatch(/^law\.preset: /);
  });

  it('refuse a draw count out of range with the engine’s message', () => {
    const answer = computeRanges({ ...request(besiroglu), draws: 0 });
    expect(answer).toEqual({
      kind: 'failed',
      message: 'the number of draws must be a whole number from 1 to 1000000 (got 0)',
    });
  });

  it('use a few hundred draws with a fixed seed', () => {
    expect(APP_DRAWS).toBeGreaterThanOrEqual(200);
    expect(APP_DRAWS).toBeLessThanOrEqual(1000);
    expect(Number.isInteger(APP_SEED)).toBe(true);
  });
});

describe('ranges on the cards', () => {
  it('read "80 %: p10 – p90" in the quantity’s format', () => {
    expect(rangeText({ p10: 10.8e9, p50: 18e9, p90: 31.4e9 }, formatCount)).toBe('80 %: 10.8B – 31.4B');
  });

  it('are shown for the two optima only', () => {
    const answer = computeRanges(request(besiroglu));
    if (answer.kind !== 'ranges') throw new Error('besiroglu2024 has ranges');
    expect(cardHasRanges('lifetime')).toBe(true);
    expect(cardHasRanges('chinchilla')).toBe(true);
    expect(cardHasRanges('baseline-20')).toBe(false);
    expect(spreadOfCard(answer.summary, 'lifetime')).toBe(answer.summary.lifetimeOptimal);
    expect(spreadOfCard(answer.summary, 'chinchilla')).toBe(answer.summary.chinchillaOptimal);
    expect(spreadOfCard(answer.summary, 'baseline-20')).toBeNull();
  });
});

describe('bands on the charts', () => {
  const results = computeResults(besiroglu);
  const answer = computeRanges(request(besiroglu));
  if (answer.kind !== 'ranges') throw new Error('besiroglu2024 has ranges');
  const { bands } = answer;

  it('outline p90 out and p10 back over the sizes some draw reaches, with a legend entry and hovers', () => {
    const trace = bandTrace(bands.points, (p) => p.tokens, formatCount, '#1f2937');
    const reached = bands.points.filter((p) => p.tokens);
    expect(trace?.x).toEqual([...reached.map((p) => p.params), ...reached.map((p) => p.params).reverse()]);
    expect(trace?.y).toEqual([
      ...reached.map((p) => p.tokens?.p90),
      ...reached.map((p) => p.tokens?.p10).reverse(),
    ]);
    expect(trace?.name).toBe(BAND_LEGEND);
    expect(trace?.hovertext?.[0]).toContain(`${formatCount(reached[0]?.tokens?.p10 ?? NaN)} – `);
    expect(
      bandTrace(
        [{ params: 1e9, reachedShare: 0, objective: null, tokens: null }],
        (p) => p.tokens,
        formatCount,
        '#000000',
      ),
    ).toBeNull();
  });

  it('appear on cost against size and iso-loss, with their legend entry, only when given', () => {
    for (const build of [costVsSizeFigure, isoLossFigure]) {
      const withBand = build(results, 'light', bands);
      const without = build(results, 'light');
      expect(withBand.data.filter((t) => t.name === BAND_LEGEND)).toHaveLength(1);
      expect(without.data.filter((t) => t.name === BAND_LEGEND)).toHaveLength(0);
      expect(legendEntries(withBand).find((e) => e.label === BAND_LEGEND)?.swatch).toBe('area');
    }
    // The cost band is in the objective's units: dollars here, the bands' own p10–p90.
    const cost = costVsSizeFigure(results, 'light', bands).data.find((t) => t.name === BAND_LEGEND);
    expect(bands.objective).toBe('cost');
    expect(cost?.y?.[0]).toBe(bands.points.find((p) => p.objective)?.objective?.p90);
  });
});
