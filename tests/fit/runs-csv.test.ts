import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunsCsv, RunsCsvError } from '../../src/fit/runs-csv';
import { SARDANA_RUNS_CSV, sardanaRuns } from '../support/runs';

describe('parseRunsCsv', () => {
  it("reads Sardana et al.'s file: Parameters, Tokens and Smoothed Loss, not Tokens/Params", () => {
    const runs = parseRunsCsv(readFileSync(SARDANA_RUNS_CSV, 'utf8'));
    expect(runs).toHaveLength(47);
    expect(runs.map(({ params, tokens, loss }) => ({ params, tokens, loss }))).toEqual(sardanaRuns());
    expect(runs[0]?.line).toBe(2);
    expect(runs[46]?.line).toBe(48);
  });

  it('matches header names case-insensitively and takes quantities as people type them', () => {
    const runs = parseRunsCsv('Name,N,d,Final Loss\nsmall,150M,1.5T,3.1\nlarge,"1,500,000,000",3e12,2.5\n');
    expect(runs).toEqual([
      { params: 150e6, tokens: 1.5e12, loss: 3.1, line: 2 },
      { params: 1.5e9, tokens: 3e12, loss: 2.5, line: 3 },
    ]);
  });

  it('derives tokens from training FLOPs as D = C / 6N', () => {
    const [run] = parseRunsCsv('params,flops,loss\n1B,6e21,2.5\n');
    expect(run?.tokens).toBeCloseTo(1e12, 0);
    // With both, tokens are used as given.
    expect(parseRunsCsv('params,tokens,C,loss\n1B,2T,6e21,2.5\n')[0]?.tokens).toBe(2e12);
  });

  it('counts lines as a text editor does: blank lines, CRLF and a quoted cell spanning lines', () => {
    const text = 'params,tokens,loss\r\n1B,20B,2.9\r\n\r\n"2B\n",40B,2.7\r\n3B,60B,oops\r\n';
    expect(() => parseRunsCsv(text)).toThrow(
      new RunsCsvError(
        'line 6, column "loss": "oops" is not a number; write e.g. 70e9, 70B, 1.4T or 2,000,000',
      ),
    );
  });

  it('refuses a bad row with its line and column', () => {
    const header = 'params,tokens,loss\n';
    expect(() => parseRunsCsv(`${header}1B,20B,2.9\n1B,,2.9\n`)).toThrow('line 3, column "tokens": empty');
    expect(() => parseRunsCsv(`${header}1B,20B,-2.9\n`)).toThrow(
      'line 2, column "loss": must be positive (got -2.9)',
    );
    expect(() => parseRunsCsv(`${header}1B,20B\n`)).toThrow('line 2: 2 fields, but the header has 3');
    expect(() => parseRunsCsv(`${header}1B,"20B,2.9\n`)).toThrow(/^line 2: quoted field unterminated/);
  });

  it('names the columns it needs and what the header has', () => {
    expect(() => parseRunsCsv('Model,Tokens/Params,Smoothed Loss\nx,20,3\n')).toThrow(
      'line 1: no column for parameters ("params", "parameters", "n"), training tokens ("tokens", "d") or training FLOPs ("flops", "c"); the header has "Model", "Tokens/Params", "Smoothed Loss"',
    );
    expect(() => parseRunsCsv('params,N,tokens,loss\n')).toThrow(
      'line 1: columns "params" and "N" both give parameters; keep one',
    );
    expect(() => parseRunsCsv('\n\n')).toThrow(
      'the file is empty; expected a header line and one row per run',
    );
  });

  it('reads a header-only file as no runs (the fit then refuses fewer than 10)', () => {
    expect(parseRunsCsv('params,tokens,loss\n')).toEqual([]);
  });
});
