import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { scenarioFile } from '../support/arbitraries';

const folder = mkdtempSync(join(tmpdir(), 'tradeoff-validate-solve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The scenario field one refusal line names: the path after the file name, or the field an
 * engine refusal says to change; '' when it names none.
 */
function namedField(line: string, file: string): string {
  const rest = line.slice(`${file}: `.length);
  return /^([\w.[\]]+): /.exec(rest)?.[1] ?? /; change ([\w.[\]]+)/.exec(rest)?.[1] ?? '';
}

/** Whether `path` (e.g. `training.mfu`, `baselines[1]`) is in `file`, or, for a missing field, its parent is. */
function fieldIn(file: unknown, path: string, missing: boolean): boolean {
  const steps = path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');
  let value: unknown = file;
  for (const [index, step] of steps.entries()) {
    const next =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined;
    if (next === undefined) return missing && index === steps.length - 1;
    value = next;
  }
  return true;
}

describe('tradeoff validate and tradeoff solve', () => {
  it('refuse a board power whose energy overflows naming the field (it once blamed the demand)', async () => {
    const file = join(folder, 'hot.tradeoff.json');
    const demand = { requestsPerDay: 1e10, days: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 };
    const inference = { gpu: 'B200', boardPowerW: 1.7e308 };
    writeFileSync(file, JSON.stringify({ target: { loss: 2.1 }, demand, inference }));
    const validated = await run('validate', file);
    expect(validated).toEqual({
      status: 1,
      out: '',
      err: `${file}: inference.boardPowerW: 1.7e308 is above the limit of 100000 (watts drawn by one accelerator, up to 100 kW)`,
    });
    expect(await run('solve', file)).toEqual(validated);
  });

  // One hostile file per kind that once validated and then failed to solve naming the wrong field
  // or none (issue 12's report): each is now refused by both, naming its field first.
  const base = { target: { loss: 2.1 }, demand: { inputTokens: 1e12, outputTokens: 1e12 } };
  const steepKaplan = {
    form: 'kaplan',
    alphaN: 0.5,
    alphaD: 0.024200474833402166,
    Nc: 831420966820039.8,
    Dc: 1e10,
  };
  const rooflineOn = (extra: object) => ({ gpu: 'H100-SXM', decode: { model: 'roofline' }, ...extra });
  it.each([
    ['a data limit no model reaches', { ...base, data: { uniqueTokens: 1e-300 } }, 'data.uniqueTokens'],
    [
      'a target whose loss overflows',
      { ...base, law: steepKaplan, target: { computeOptimalParams: 1e6 } },
      'target.computeOptimalParams',
    ],
    [
      'an optimum overflowing with the demand',
      { ...base, demand: { inputTokens: 1e305, outputTokens: 1 } },
      'demand.inputTokens',
    ],
    [
      'an optimum overflowing with the target',
      { ...base, target: { model: { params: 1e150, tokens: 1e150 } } },
      'target.model.params',
    ],
    ['an optimum overflowing with a baseline', { ...base, baselines: [20, 1e-300] }, 'baselines[1]'],
    [
      'energy overflowing with board power',
      { ...base, training: { gpu: 'B200', boardPowerW: 1.7e308 } },
      'training.boardPowerW',
    ],
    [
      'compute-optimal tokens overflowing',
      { ...base, target: { computeOptimalFlops: 1e300 } },
      'target.computeOptimalFlops',
    ],
    [
      'parameters that are not a number',
      { ...base, law: { form: 'chinchilla', E: 1.7, A: 400, B: 400, alpha: 1e-300, beta: 0.3 } },
      'law.alpha',
    ],
    [
      'lifetime tokens that overflow',
      {
        ...base,
        demand: { requestsPerDay: 1e300, days: 1e300, inputTokensPerRequest: 1, outputTokensPerRequest: 1 },
      },
      'demand.requestsPerDay',
    ],
    [
      'memory bandwidth that overflows',
      { ...base, inference: rooflineOn({ bandwidthTBs: 1.7e308 }) },
      'inference.bandwidthTBs',
    ],
    ['a solve that does not converge', { ...base, training: { peakFlops: 5e-324 } }, 'training.peakFlops'],
  ])('refuse %s naming the field', async (_kind, scenario, field) => {
    const file = join(folder, 'hostile.tradeoff.json');
    writeFileSync(file, JSON.stringify(scenario));
    const validated = await run('validate', file);
    expect(validated.status).toBe(1);
    expect(validated.err.split('\n')[0]).toMatch(
      new RegExp(`^${file}: ${field.replace(/[.[\]]/g, '\\$&')}: `),
    );
    expect(await run('solve', file)).toEqual(validated);
  });

  it('agree on every generated file: validate accepts exactly what solve solves, refusing with one message', async () => {
    const file = join(folder, 'generated.tradeoff.json');
    let solvedCount = 0;
    await fc.assert(
      fc.asyncProperty(scenarioFile, async (scenario) => {
        writeFileSync(file, JSON.stringify(scenario));
        const validated = await run('validate', file);
        const solved = await run('solve', file, '--format', 'json');
        expect(solved.status).toBe(validated.status);
        if (solved.status === 0) {
          solvedCount++;
          expect(solved.out).not.toMatch(/NaN|Infinity/);
        } else {
          expect(solved.err).toBe(validated.err);
          expect(solved.err).toMatch(new RegExp(`^${file}: `));
          expect(solved.err).not.toMatch(/NaN|Infinity|undefined/);
          // Each refusal names a field of this file (no generated file is wrong as a whole).
          for (const line of solved.err.split('\n')) {
            const field = namedField(line, file);
            expect(field, line).not.toBe('');
            expect(fieldIn(scenario, field, line.includes(': missing')), line).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
    // The generator must exercise the solving path, not only refusals.
    expect(solvedCount).toBeGreaterThan(30);
  }, 120_000);
});
