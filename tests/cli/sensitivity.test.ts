import { describe, expect, it } from 'vitest';
import { example, run } from '../support/cli';

describe('tradeoff solve --sensitivity', () => {
  it('reports each moved input under "sensitivity" in the JSON, the same rows as the table', async () => {
    const file = example('sardana-70b-chatbot');
    const { status, out } = await run('solve', file, '--sensitivity', '--format', 'json');
    expect(status).toBe(0);
    const { sensitivity } = JSON.parse(out) as {
      sensitivity: {
        swing: number;
        rows: { id: string; label: string; elasticity: { params: number } | null }[];
      };
    };
    expect(sensitivity.swing).toBe(0.25);
    expect(sensitivity.rows.map((row) => row.id)).toEqual([
      'demand',
      'target',
      'training.pricePerHour',
      'inference.pricePerHour',
      'training.mfu',
      'inference.prefillMfu',
      'inference.decodeMfu',
      'law.E',
      'law.A',
      'law.B',
      'law.alpha',
      'law.beta',
    ]);
    // More demand makes the optimum smaller (Sardana et al. 2024).
    expect(sensitivity.rows[0]?.elasticity?.params).toBeLessThan(0);
    const table = (await run('solve', file, '--sensitivity')).out;
    for (const row of sensitivity.rows) expect(table).toContain(row.label);
    expect(table).toMatch(/lifetime demand\s+22B \/ 19\.4B\s+\$1\.32M \/ \$1\.52M\s+-0\.253\s+0\.289/);
    expect(table).toContain('no answer: law: irreducible loss E +25 %: target.loss:');
  });

  it('refuses the CSV format, whose rows are candidates, with a usage error', async () => {
    const { status, err } = await run(
      'solve',
      example('sardana-70b-chatbot'),
      '--sensitivity',
      '--format',
      'csv',
    );
    expect(status).toBe(2);
    expect(err).toContain('--sensitivity has one row per input');
  });
});
