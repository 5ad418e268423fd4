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

describe('tradeoff validate and tradeoff solve', () => {
  it('refuse a file whose answer overflows with the same message (validate used to pass it)', async () => {
    const file = join(folder, 'hot.tradeoff.json');
    const demand = { requestsPerDay: 1e10, days: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 };
    const inference = { gpu: 'B200', boardPowerW: 1.7e308 };
    writeFileSync(file, JSON.stringify({ target: { loss: 2.1 }, demand, inference }));
    const validated = await run('validate', file);
    expect(validated).toEqual({
      status: 1,
      out: '',
      err: `${file}: energy is beyond the range of double-precision numbers; change demand: fewer lifetime tokens (or a target further above the law’s floor)`,
    });
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
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
    // The generator must exercise the solving path, not only refusals.
    expect(solvedCount).toBeGreaterThan(30);
  }, 120_000);
});
