import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseScenarioText } from '../../src/scenario';
import { SARDANA_RUNS_CSV } from '../support/runs';

/** Runs the command line in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'tradeoff-fit-'));

function scratchFile(name: string, text: string): string {
  const path = join(scratch(), name);
  writeFileSync(path, text);
  return path;
}

/** A full fit takes a second or more; a bootstrap several. */
const FIT_TIMEOUT = 120_000;

describe('tradeoff fit', () => {
  it(
    "prints a readable table for Sardana et al.'s runs: the constants, the objective, the range, the worst residuals",
    async () => {
      const { status, out, err } = await run('fit', SARDANA_RUNS_CSV);
      expect(err).toBe('');
      expect(status).toBe(0);
      expect(out).toContain(
        'sardana2024-mpt-runs.csv: 47 runs, Huber δ 0.001, objective 6.200e-4 (sum over runs)',
      );
      expect(out).toMatch(/fit\s+1\.463\s+35\.39\s+133\s+0\.1788\s+0\.2316/);
      expect(out).toContain('Fitted on 151M–6.05B parameters and 1.51B–1.51T tokens.');
      expect(out).toMatch(/Largest residuals \(ln predicted − ln observed\): line \d+ [+-]0\.0\d{3}/);
    },
    FIT_TIMEOUT,
  );

  it(
    'prints the JSON of the issue with a seeded bootstrap, and writes the law section atomically',
    async () => {
      const lawFile = join(scratch(), 'law.json');
      const args = [
        'fit',
        SARDANA_RUNS_CSV,
        '--bootstrap',
        '20',
        '--seed',
        '5',
        '--format',
        'json',
        '--write-law',
        lawFile,
      ];
      const { status, out } = await run(...args);
      expect(status).toBe(0);
      const result = JSON.parse(out) as Record<string, unknown> & {
        law: Record<string, number | string>;
        bootstrap: {
          resamples: number;
          standardErrors: Record<string, number>;
          covariance: number[][];
          intervals: Record<string, Record<string, number[]>>;
        };
        residuals: Record<string, number>[];
      };
      expect(Object.keys(result)).toEqual([
        'runs',
        'law',
        'objective',
        'bootstrap',
        'fittedRange',
        'residuals',
      ]);
      expect(result.runs).toBe(47);
      expect(Object.keys(result.law)).toEqual(['form', 'E', 'A', 'B', 'alpha', 'beta']);
      expect(result.law.form).toBe('chinchilla');
      expect((result.objective as number).toPrecision(3)).toBe('0.000620');
      expect(result.fittedRange).toEqual({ params: [151e6, 6.05e9], tokens: [1.51e9, 1.51e12] });
      expect(Object.keys(result.bootstrap)).toEqual([
        'resamples',
        'standardErrors',
        'covariance',
        'intervals',
        'unconverged',
      ]);
      expect(result.bootstrap.resamples).toBe(20);
      expect(Object.keys(result.bootstrap.standardErrors)).toEqual(['E', 'A', 'B', 'alpha', 'beta']);
      for (const value of Object.values(result.bootstrap.standardErrors)) expect(value).toBeGreaterThan(0);
      expect(result.bootstrap.covariance).toHaveLength(5);
      for (const row of result.bootstrap.covariance) expect(row).toHaveLength(5);
      const [low, high] = result.bootstrap.intervals.alpha?.['80'] ?? [];
      expect(low).toBeLessThan(result.law.alpha as number);
      expect(high).toBeGreaterThan(result.law.alpha as number);
      expect(result.residuals).toHaveLength(47);
      expect(Object.keys(result.residuals[0] ?? {})).toEqual([
        'line',
        'params',
        'tokens',
        'loss',
        'predictedLoss',
        'residual',
      ]);
      expect(result.residuals[0]?.line).toBe(2);

      const law = JSON.parse(readFileSync(lawFile, 'utf8')) as Record<string, unknown>;
      expect(law).toEqual({
        ...result.law,
        fittedRange: result.fittedRange,
        covariance: result.bootstrap.covariance,
      });
      // The same seed gives the same bootstrap.
      expect(JSON.parse((await run(...args)).out)).toEqual(result);
    },
    FIT_TIMEOUT,
  );

  it(
    'leaves out runs as asked, and writes a law without covariance when not bootstrapped',
    async () => {
      const lawFile = join(scratch(), 'law.json');
      const dropped = await run(
        'fit',
        SARDANA_RUNS_CSV,
        '--drop-highest-loss',
        '5',
        '--max-tokens-per-param',
        '500',
        '--huber-delta',
        '0.002',
        '--format',
        'json',
        '--write-law',
        lawFile,
      );
      expect(dropped.status).toBe(0);
      const result = JSON.parse(dropped.out) as {
        runs: number;
        bootstrap: unknown;
        residuals: { tokens: number; params: number }[];
      };
      expect(result.bootstrap).toBeNull();
      for (const run of result.residuals) expect(run.tokens / run.params).toBeLessThanOrEqual(500);
      expect(result.runs).toBeLessThan(47 - 5);
      const law = JSON.parse(readFileSync(lawFile, 'utf8')) as object;
      expect(Object.keys(law)).toEqual(['form', 'E', 'A', 'B', 'alpha', 'beta', 'fittedRange']);
      // It is a scenario's law section as it stands.
      const scenario = { law, target: { loss: 3 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
      expect(parseScenarioText(JSON.stringify(scenario)).ok).toBe(true);
    },
    FIT_TIMEOUT,
  );

  it('refuses bad input with exit status 1, naming the file, line and column', async () => {
    const bad = scratchFile('runs.csv', 'params,tokens,loss\n1B,20B,2.9\n2B,40B,two\n');
    expect(await run('fit', bad)).toMatchObject({
      status: 1,
      err: `${bad}: line 3, column "loss": "two" is not a number; write e.g. 70e9, 70B, 1.4T or 2,000,000`,
    });
    const few = scratchFile('few.csv', `params,tokens,loss\n${'1B,20B,2.9\n'.repeat(9)}`);
    expect(await run('fit', few)).toMatchObject({
      status: 1,
      err: `${few}: 9 usable runs of 9; a fit needs at least 10, as the law has 5 free constants`,
    });
    expect(await run('fit', join(scratch(), 'missing.csv'))).toMatchObject({
      status: 1,
      err: expect.stringMatching(/missing\.csv: no such file$/) as string,
    });
    const binary = join(scratch(), 'binary.csv');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    expect(await run('fit', binary)).toMatchObject({
      status: 1,
      err: `${binary}: not UTF-8 text; not a runs file`,
    });
  });

  it(
    'refuses a law file it cannot write with exit status 1',
    async () => {
      const runs = scratchFile(
        'runs.csv',
        `params,tokens,loss\n${Array.from({ length: 12 }, (_, i) => `${i + 1}B,${20 * (i + 1)}B,${(3 - i * 0.05).toFixed(2)}`).join('\n')}\n`,
      );
      const target = join(scratch(), 'no-such-folder', 'law.json');
      const { status, err } = await run('fit', runs, '--write-law', target);
      expect(status).toBe(1);
      expect(err).toContain(`${target}: cannot write the law`);
    },
    FIT_TIMEOUT,
  );

  it('treats mistakes in the call as usage errors, exit status 2', async () => {
    for (const args of [
      [],
      [SARDANA_RUNS_CSV, SARDANA_RUNS_CSV],
      [SARDANA_RUNS_CSV, '--bootstrap', '1'],
      [SARDANA_RUNS_CSV, '--bootstrap', 'many'],
      [SARDANA_RUNS_CSV, '--seed', '1.5'],
      [SARDANA_RUNS_CSV, '--huber-delta', '0'],
      [SARDANA_RUNS_CSV, '--drop-highest-loss', '-1'],
      [SARDANA_RUNS_CSV, '--max-tokens-per-param', 'lots'],
      [SARDANA_RUNS_CSV, '--format', 'csv'],
      [SARDANA_RUNS_CSV, '--bootstrapp', '10'],
    ]) {
      const { status, err } = await run('fit', ...args);
      expect(status, args.join(' ')).toBe(2);
      expect(err).toMatch(/^tradeoff: /);
    }
    expect((await run('fit', SARDANA_RUNS_CSV, '--bootstrap', '1')).err).toContain(
      '--bootstrap must be 0 or a whole number from 2 to 1,000,000 (got "1")',
    );
  });

  it('prints its help as --help, -h and help fit, and is listed in the main help', async () => {
    expect((await run('fit', '--help')).out).toMatch(/^Usage: tradeoff fit RUNS\.csv/);
    const out: string[] = [];
    const output = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await main(['help', 'fit'], output)).toBe(0);
    expect(await main(['fit', '-h'], output)).toBe(0);
    expect(await main(['--help'], output)).toBe(0);
    expect(out[0]).toMatch(/^Usage: tradeoff fit/);
    expect(out[1]).toMatch(/^Usage: tradeoff fit/);
    expect(out[2]).toContain('fit RUNS.csv');
  });
});
