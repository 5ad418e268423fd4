import { describe, expect, it } from 'vitest';
import { gridStarts, summarizeBootstrap } from '../../src/model/fit';
import type { FitReport } from '../../src/fit/fit-job';
import {
  constantRows,
  FITTING_TEXT,
  fittedRangeText,
  objectiveText,
  progressText,
  runsUsedText,
  START_COUNT,
} from '../../src/renderer/lib/fit-view';

const LAW = {
  E: 1.4629631550774649,
  A: 35.388299795248045,
  B: 133.0198579208662,
  alpha: 0.1788381527330094,
  beta: 0.23160187332739832,
};

function report(used: number, rowCount: number): FitReport {
  const runs = Array.from({ length: used }, (_, i) => ({
    params: 1e8 * (i + 1),
    tokens: 2e9 * (i + 1),
    loss: 3,
  }));
  return {
    fit: {
      runs,
      law: { form: 'chinchilla', ...LAW },
      parameters: new Float64Array(5),
      objective: 6.2004e-4,
      gradNorm: 0,
      converged: true,
      fittedRange: { params: [1.51e8, 6.05e9], tokens: [1.51e9, 1.51e12] },
      residuals: [],
      huberDelta: 1e-3,
    },
    lines: runs.map((_, i) => i + 2),
    rowCount,
  };
}

describe('fit dialog texts', () => {
  it('counts the starts of the engine’s grid', () => {
    expect(START_COUNT).toBe(gridStarts().length / 5);
    expect(FITTING_TEXT).toBe('Fitting 4,500 starts…');
  });

  it('shows progress as done / total with thousands separators', () => {
    expect(progressText(312, 1000)).toBe('312 / 1,000');
    expect(progressText(0, 40)).toBe('0 / 40');
    expect(progressText(12345, 100000)).toBe('12,345 / 100,000');
  });

  it('says how many runs were used and how many left out', () => {
    expect(runsUsedText(report(47, 47))).toBe('47 runs');
    expect(runsUsedText(report(42, 47))).toBe('42 of 47 runs (5 left out)');
  });

  it('gives the fitted range and the objective', () => {
    expect(fittedRangeText(report(47, 47).fit.fittedRange)).toBe('151M–6.05B parameters, 1.51B–1.51T tokens');
    expect(objectiveText(report(47, 47))).toBe('6.200e-4 (Huber δ 0.001, summed over the runs)');
  });
});

describe('constantRows', () => {
  it('shows the constants to 4 digits, and no errors without a bootstrap', () => {
    expect(constantRows(LAW, null)).toEqual([
      { key: 'E', symbol: 'E', value: '1.463', standardError: '', interval80: '' },
      { key: 'A', symbol: 'A', value: '35.39', standardError: '', interval80: '' },
      { key: 'B', symbol: 'B', value: '133', standardError: '', interval80: '' },
      { key: 'alpha', symbol: 'α', value: '0.1788', standardError: '', interval80: '' },
      { key: 'beta', symbol: 'β', value: '0.2316', standardError: '', interval80: '' },
    ]);
  });

  it('adds each constant’s standard error and 10th–90th percentile from the bootstrap', () => {
    // Three refits whose α is 0.1, 0.2, 0.3: sd 0.1; percentiles 0.12 and 0.28 (linear interpolation).
    const refits = new Float64Array([0, 0, 0, 0.1, 0.2, 0, 0, 0, 0.2, 0.2, 0, 0, 0, 0.3, 0.2]);
    const rows = constantRows(LAW, summarizeBootstrap(refits));
    expect(rows[3]).toEqual({
      key: 'alpha',
      symbol: 'α',
      value: '0.1788',
      standardError: '0.1',
      interval80: '0.12 – 0.28',
    });
    // E = exp(0) in every refit: no spread.
    expect(rows[0]).toMatchObject({ standardError: '0', interval80: '1 – 1' });
  });
});
