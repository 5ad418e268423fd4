import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLawPreset } from '../../src/model';
import { example, run, scratchFile } from '../support/cli';

/** Thousands of solves: quick alone (about a second), slower on a shared, loaded machine. */
const HEAVY_TEST_TIMEOUT = 60_000;

/** Sardana et al.'s 70B-quality chatbot, with another law. */
function chatbotWith(law: unknown): string {
  const scenario = JSON.parse(readFileSync(example('sardana-70b-chatbot'), 'utf8')) as Record<
    string,
    unknown
  >;
  return scratchFile('chatbot.tradeoff.json', JSON.stringify({ ...scenario, law }));
}

const besiroglu = chatbotWith({ preset: 'besiroglu2024' });

interface Spread {
  draws: number;
  params: { p10: number; p50: number; p90: number };
  tokensPerParam: { p10: number; p50: number; p90: number };
}

interface UncertaintyJson {
  draws: number;
  seed: number;
  solved: number;
  lifetimeOptimal: Spread;
  chinchillaOptimal: Spread;
  baselines: ({ rule: unknown; label: string } & Partial<Spread>)[];
  beatsShare: Record<string, number>;
  saving: Record<string, { p10: number; p50: number; p90: number }>;
  unreachableShare: number;
  outOfRangeShare: number;
}

const uncertaintyOf = async (...argv: string[]): Promise<UncertaintyJson> =>
  (JSON.parse((await run('solve', ...argv, '--format', 'json')).out) as { uncertainty: UncertaintyJson })
    .uncertainty;

describe('tradeoff solve --uncertainty', () => {
  it(
    'reports under "uncertainty" the percentiles of every candidate, win shares and the unreachable share',
    { timeout: HEAVY_TEST_TIMEOUT },
    async () => {
      const u = await uncertaintyOf(besiroglu, '--uncertainty', '--draws', '400', '--seed', '5');
      expect(u).toMatchObject({ draws: 400, seed: 5, solved: 400, unreachableShare: 0, outOfRangeShare: 0 });
      expect(u.lifetimeOptimal.draws).toBe(400);
      const { p10, p50, p90 } = u.lifetimeOptimal.params;
      expect(p10).toBeLessThan(p50);
      expect(p50).toBeLessThan(p90);
      // The point answer under besiroglu2024 (83.5B) lies inside the 80 % interval.
      expect(p10).toBeLessThan(83.5e9);
      expect(p90).toBeGreaterThan(83.5e9);
      expect(u.baselines.map(({ rule, label }) => [rule, label])).toEqual([
        [20, '20 tokens/param'],
        [142, '142 tokens/param'],
        [1875, '1,875 tokens/param'],
      ]);
      expect(u.baselines[0]?.tokensPerParam).toEqual({ p10: 20, p50: 20, p90: 20 });
      // The point optimum's size (83.5B) against each alternative's, trained to each draw's target:
      // cheaper in most draws, not all (the solve-draws tests re-derive these shares).
      expect(Object.keys(u.beatsShare)).toEqual([
        'chinchilla',
        'baseline-20',
        'baseline-142',
        'baseline-1875',
      ]);
      for (const share of Object.values(u.beatsShare)) {
        expect(share).toBeGreaterThan(0.5);
        expect(share).toBeLessThan(1);
      }
      expect(u.saving['chinchilla']?.p10).toBeLessThan(0);
      expect(u.saving['chinchilla']?.p50).toBeGreaterThan(0);
    },
  );

  it('is deterministic with a seed', async () => {
    const options = ['--uncertainty', '--draws', '300', '--seed', '9', '--format', 'json'];
    expect((await run('solve', besiroglu, ...options)).out).toBe(
      (await run('solve', besiroglu, ...options)).out,
    );
  });

  it('draws 4,000 laws with seed 1 by default', { timeout: HEAVY_TEST_TIMEOUT }, async () => {
    expect(await uncertaintyOf(besiroglu, '--uncertainty')).toMatchObject({
      draws: 4000,
      seed: 1,
      solved: 4000,
    });
  });

  it('prints a compact percentile table under the solution', async () => {
    const { status, out } = await run('solve', besiroglu, '--uncertainty', '--draws', '200');
    expect(status).toBe(0);
    expect(out).toContain(
      'uncertainty  200 draws of law besiroglu2024 (seed 1); target unreachable in 0.0 % of draws',
    );
    expect(out).toMatch(
      /p10 \/ p50 \/ p90\s+params\s+tokens\s+tokens\/param\s+lifetime FLOPs\s+lifetime cost\s+optimum’s size saves\s+wins/,
    );
    expect(out).toMatch(/Lifetime-optimal\s+[\d.]+B \/ [\d.]+B \/ [\d.]+B\s+/);
    expect(out).toMatch(/20 tokens\/param .* 20 \/ 20 \/ 20 .* \d+ %/);
  });

  it('adds the percentiles as columns of each candidate’s CSV row (empty for a candidate not drawn)', async () => {
    const [header = '', ...rows] = (
      await run('solve', besiroglu, '--uncertainty', '--draws', '100', '--format', 'csv')
    ).out.split('\n');
    const columns = header.split(',');
    expect(columns.slice(-23, -18)).toEqual([
      'draws',
      'seed',
      'solvedDraws',
      'unreachableShare',
      'paramsP10',
    ]);
    expect(columns.at(-1)).toBe('beatsShare');
    expect(rows.every((row) => row.split(',').length === columns.length)).toBe(true);
    const cell = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    // The same shares as the JSON of the same draws.
    const { beatsShare } = await uncertaintyOf(besiroglu, '--uncertainty', '--draws', '100');
    expect(rows.map((row) => [cell(row, 'candidate'), cell(row, 'draws'), cell(row, 'beatsShare')])).toEqual([
      ['lifetime', '100', ''],
      ...['chinchilla', 'baseline-20', 'baseline-142', 'baseline-1875'].map((id) => [
        id,
        '100',
        String(beatsShare[id]),
      ]),
    ]);
    expect(Number(cell(rows[1] ?? '', 'tokensPerParamP50'))).toBeGreaterThan(10);
  });

  it(
    'counts draws in which a fixed target loss is out of reach',
    { timeout: HEAVY_TEST_TIMEOUT },
    async () => {
      const scenario = JSON.parse(readFileSync(besiroglu, 'utf8')) as Record<string, unknown>;
      const near = scratchFile('near.tradeoff.json', JSON.stringify({ ...scenario, target: { loss: 1.83 } }));
      const u = await uncertaintyOf(near, '--uncertainty', '--draws', '1000');
      // P(E ≥ 1.83) ≈ 0.309 under Epoch's covariance (tests/model/uncertainty/solve-draws.test.ts).
      expect(u.unreachableShare).toBeGreaterThan(0.25);
      expect(u.unreachableShare).toBeLessThan(0.37);
      expect(u.solved).toBe(Math.round(1000 * (1 - u.unreachableShare)));
    },
  );

  it('takes a custom law’s covariance from the file', { timeout: HEAVY_TEST_TIMEOUT }, async () => {
    const preset = findLawPreset('besiroglu2024');
    const covariance = preset?.form === 'chinchilla' ? preset.covariance : undefined;
    const custom = chatbotWith({
      form: 'chinchilla',
      E: 1.8172,
      A: 482.01,
      B: 2085.43,
      alpha: 0.3478,
      beta: 0.3658,
      covariance,
    });
    const options = ['--uncertainty', '--draws', '300', '--seed', '2'];
    expect((await uncertaintyOf(custom, ...options)).lifetimeOptimal).toEqual(
      (await uncertaintyOf(besiroglu, ...options)).lifetimeOptimal,
    );
  });

  it('refuses a law without uncertainty, naming the preset, and a Kaplan-form law (exit 1)', async () => {
    const plain = await run('solve', example('sardana-70b-chatbot'), '--uncertainty');
    expect(plain.status).toBe(1);
    expect(plain.err).toContain(
      'sardana-70b-chatbot.tradeoff.json: --uncertainty: law: the preset sardana2024 has no uncertainty (no covariance of its constants is published with it); use the preset besiroglu2024',
    );
    const custom = await run(
      'solve',
      chatbotWith({ form: 'chinchilla', E: 1.8, A: 480, B: 2000, alpha: 0.35, beta: 0.37 }),
      '--uncertainty',
    );
    expect(custom.err).toContain('law: this custom chinchilla-form law has no uncertainty');
    const kaplan = await run('solve', chatbotWith({ preset: 'kaplan2020' }), '--uncertainty');
    expect(kaplan.status).toBe(1);
    expect(kaplan.err).toContain(
      'law: the preset kaplan2020 has no uncertainty: a covariance is defined for Chinchilla-form laws only',
    );
  });

  it('refuses --draws and --seed without --uncertainty, and out-of-range values (exit 2)', async () => {
    expect(await run('solve', besiroglu, '--draws', '10')).toMatchObject({
      status: 2,
      err: expect.stringContaining('--draws need --uncertainty') as string,
    });
    expect(await run('solve', besiroglu, '--seed', '1', '--draws', '3')).toMatchObject({
      status: 2,
      err: expect.stringContaining('--draws and --seed need --uncertainty') as string,
    });
    expect((await run('solve', besiroglu, '--uncertainty', '--draws', '0')).err).toContain(
      '--draws must be a whole number from 1 to 1,000,000 (got "0")',
    );
    expect((await run('solve', besiroglu, '--uncertainty', '--draws', '2.5')).status).toBe(2);
    expect((await run('solve', besiroglu, '--uncertainty', '--seed', '-1')).err).toContain(
      '--seed must be a whole number from 0 to 4,294,967,295 (got "-1")',
    );
  });
});

describe('tradeoff presets and uncertainty', () => {
  it('says which presets carry a covariance and which publish none, in the table and the JSON', async () => {
    const { out } = await run('presets');
    expect(out).toMatch(/besiroglu2024\s+chinchilla\s+.*\s+covariance\s+Besiroglu/);
    expect(out).toMatch(/sardana2024\s+chinchilla\s+.*\s+none published\s+Sardana/);
    expect(out).toContain(
      '  kaplan2020: none published (a covariance is defined for Chinchilla-form laws only)',
    );
    const json = JSON.parse((await run('presets', '--format', 'json')).out) as {
      laws: { id: string; uncertainty: string; covariance?: number[][] }[];
    };
    const byId = new Map(json.laws.map((law) => [law.id, law]));
    expect(byId.get('besiroglu2024')?.covariance?.[0]?.[0]).toBe(6.665505e-2);
    expect(byId.get('hoffmann2022')?.uncertainty).toMatch(/^none published: /);
    expect(byId.get('hoffmann2022')?.covariance).toBeUndefined();
  });
});
