import { describe, expect, it } from 'vitest';
import { findLawPreset } from '../../src/model';
import { parseScenarioText, problemFromScenario, serializeScenario } from '../../src/scenario';
import { issuesOf, valid } from '../support/scenarios';

const minimal = { target: { loss: 2 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
const chinchilla = { form: 'chinchilla', E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
const preset = findLawPreset('besiroglu2024');
const epoch = preset?.form === 'chinchilla' ? (preset.covariance ?? []) : [];

/** Epoch's covariance with entries replaced: [[row, column, value], …]. */
function changed(changes: readonly [number, number, unknown][]): unknown[][] {
  const copy: unknown[][] = epoch.map((row) => [...row]);
  for (const [i, j, value] of changes) {
    const row = copy[i];
    if (row) row[j] = value;
  }
  return copy;
}

const covarianceIssues = (covariance: unknown) =>
  issuesOf({ ...minimal, law: { ...chinchilla, covariance } });

describe('a custom law’s covariance (law.covariance)', () => {
  it('is optional, kept as given, carried by the law, and written back on save', () => {
    const scenario = valid({ ...minimal, law: { ...chinchilla, covariance: epoch } });
    expect(scenario.law).toEqual({ ...chinchilla, covariance: epoch });
    const law = problemFromScenario(scenario).law;
    expect(law.form === 'chinchilla' && law.covariance).toEqual(epoch);
    const reread = parseScenarioText(serializeScenario(scenario));
    expect(reread.ok && reread.scenario.law).toEqual({ ...chinchilla, covariance: epoch });
    const without = problemFromScenario(valid({ ...minimal, law: chinchilla })).law;
    expect('covariance' in without).toBe(false);
  });

  it('names a wrong shape, a short row and a non-number by their entry', () => {
    expect(covarianceIssues([[1]])).toEqual([
      'law.covariance: expected 5 rows of 5 numbers over (ln A, ln B, ln E, α, β), got a list of 1',
    ]);
    expect(covarianceIssues('none')).toEqual([
      'law.covariance: expected 5 rows of 5 numbers over (ln A, ln B, ln E, α, β), got "none" (text)',
    ]);
    const short = epoch.map((row, i) => (i === 2 ? row.slice(0, 4) : row));
    expect(covarianceIssues(short)).toEqual([
      'law.covariance[2]: expected a row of 5 numbers, got a list of 4',
    ]);
    expect(covarianceIssues(changed([[1, 4, '0.1']]))).toEqual([
      'law.covariance[1][4]: expected a number, got "0.1" (text)',
    ]);
  });

  it('names an asymmetric entry, a negative variance and a correlation beyond ±1 by law.covariance[i][j]', () => {
    expect(covarianceIssues(changed([[3, 0, 4e-3]]))).toEqual([
      'law.covariance[3][0]: 0.004 differs from [0][3] = 0.003973359; a covariance is symmetric (relative tolerance 0.000001)',
    ]);
    expect(covarianceIssues(changed([[2, 2, -1e-4]]))).toEqual([
      'law.covariance[2][2]: the variance of ln E is -0.0001; a variance must not be negative',
    ]);
    expect(
      covarianceIssues(
        changed([
          [3, 4, 4e-4],
          [4, 3, 4e-4],
        ]),
      ),
    ).toEqual([
      'law.covariance[3][4]: 0.0004 makes the correlation of α and β 1.26, beyond ±1: the matrix is not positive semi-definite',
    ]);
  });

  it('refuses a matrix that is not positive semi-definite though every correlation is within ±1', () => {
    // ln A, ln B and α pairwise correlated −0.9: eigenvalue 1 − 1.8 < 0 on the standardised block.
    const sd = [0.2, 0.4, 0.01, 0.02, 0.02];
    const correlation = (i: number, j: number) =>
      i === j ? 1 : [0, 1, 3].includes(i) && [0, 1, 3].includes(j) ? -0.9 : 0;
    const matrix = sd.map((si, i) => sd.map((sj, j) => si * sj * correlation(i, j)));
    const issues = covarianceIssues(matrix);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^law\.covariance: not positive semi-definite: eigenvalue -/);
  });

  it('needs E above 0 (it is over ln E), and is refused for a Kaplan-form law or beside a preset', () => {
    expect(
      issuesOf({ ...minimal, target: { loss: 2 }, law: { ...chinchilla, E: 0, covariance: epoch } }),
    ).toEqual(['law.E: 0 must be above 0']);
    const kaplan = {
      form: 'kaplan',
      alphaN: 0.076,
      alphaD: 0.095,
      Nc: 8.8e13,
      Dc: 5.4e13,
      covariance: epoch,
    };
    expect(issuesOf({ ...minimal, law: kaplan })).toEqual([
      'law.covariance: a covariance is defined for Chinchilla-form laws only (over ln A, ln B, ln E, α, β); a Kaplan-form law carries none',
    ]);
    expect(issuesOf({ ...minimal, law: { preset: 'besiroglu2024', covariance: epoch } })).toEqual([
      'law.covariance: unknown field; allowed here: preset',
    ]);
  });
});
