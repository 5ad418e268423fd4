import { describe, expect, it } from 'vitest';
import { example, run, scratchFile } from '../support/cli';

describe('tradeoff solve', () => {
  it('prints a table with human units, the optimum beside Chinchilla and each baseline', async () => {
    const { status, out } = await run('solve', example('sardana-70b-chatbot'));
    expect(status).toBe(0);
    // The scenario's name, then the answer in words, before any table.
    expect(out.split('\n').slice(0, 2)).toEqual([
      '70B-quality chatbot (Sardana et al. 2024)',
      '  Train a 20.5B model on 3.3T tokens (161 tokens per parameter). Over its life it costs $1.43M, ' +
        '11 % less than the Chinchilla-optimal 34.1B model.',
    ]);
    expect(out).toMatch(/Lifetime-optimal\s+20\.5B\s+3\.3T\s+161/);
    expect(out).toMatch(/Chinchilla-optimal\s+34\.1B\s+1\.81T\s+53\.1 .*\$1\.61M\s+11\.24 %/);
    expect(out).toMatch(/1,875 tokens\/param\s+9\.11B/);
  });

  it("shows Kaplan et al.'s allocation as a labelled baseline in the table, JSON and CSV", async () => {
    const file = scratchFile(
      'kaplan.tradeoff.json',
      JSON.stringify({
        law: { preset: 'kaplan2020' },
        target: { loss: 2.5 },
        demand: { inputTokens: 1e12, outputTokens: 1e12 },
        baselines: [20, 'kaplan2020'],
      }),
    );
    const table = await run('solve', file);
    expect(table.status).toBe(0);
    expect(table.out).toMatch(/Kaplan 2020 allocation\s+\d/);
    expect(table.out).toMatch(/Compute-optimal under Kaplan’s L\(N, D\)\s+\d/);
    expect(table.out).toContain('not their published allocation');
    const json = JSON.parse((await run('solve', file, '--format', 'json')).out) as {
      baselines: { rule: unknown; label: string }[];
      chinchillaOptimalNote?: string;
    };
    expect(json.baselines.map(({ rule, label }) => [rule, label])).toEqual([
      [20, '20 tokens/param'],
      ['kaplan2020', 'Kaplan 2020 allocation'],
    ]);
    expect(json.chinchillaOptimalNote).toMatch(/C = 6ND optimum of Kaplan et al.’s L\(N, D\)/);
    expect((await run('solve', file, '--format', 'csv')).out).toMatch(
      /,kaplan2020,flops,baseline-kaplan2020,/,
    );
  });

  it('prints one JSON object with the documented fields for one file, an array for several', async () => {
    const single = JSON.parse(
      (await run('solve', example('sardana-70b-chatbot'), '--format', 'json')).out,
    ) as Record<string, unknown>;
    expect(Object.keys(single)).toEqual(
      expect.arrayContaining(['targetLoss', 'lifetimeOptimal', 'chinchillaOptimal', 'baselines', 'savings']),
    );
    const optimum = single['lifetimeOptimal'] as Record<string, number>;
    for (const key of [
      'params',
      'tokens',
      'tokensPerParam',
      'loss',
      'trainingFlops',
      'inferenceFlops',
      'totalFlops',
      'trainingCost',
      'inferenceCost',
      'totalCost',
    ]) {
      expect(Number.isFinite(optimum[key]), key).toBe(true);
    }
    expect(Number(optimum['params']?.toPrecision(4))).toBe(2.053e10);
    const several = JSON.parse(
      (await run('solve', example('sardana-70b-chatbot'), example('on-device-small'), '--format=json')).out,
    ) as unknown[];
    expect(several).toHaveLength(2);
  });

  it('prints one CSV row per candidate under one header', async () => {
    const lines = (await run('solve', example('sardana-70b-chatbot'), '--format', 'csv')).out.split('\n');
    expect(lines[0]).toBe(
      'scenario,law,objective,candidate,params,tokens,tokensPerParam,loss,k,effectiveLoss,trainingFlops,inferenceFlops,totalFlops,trainingCost,inferenceCost,totalCost,epochs,effectiveTokens,gpuHours,trainingDays,energyKwh,co2Kg,replicaGpus,flopsSavedByLifetimeOptimal,costSavedByLifetimeOptimal,warnings',
    );
    expect(lines).toHaveLength(1 + 5);
    const firstRow = lines[1]?.split(',') ?? [];
    expect(firstRow.slice(0, 4)).toEqual([
      '70B-quality chatbot (Sardana et al. 2024)',
      'sardana2024',
      'cost',
      'lifetime',
    ]);
    expect(Number(Number(firstRow[4]).toPrecision(4))).toBe(2.053e10);
    // No saving against itself; the optimum's 20.5B parameters and 3.3T tokens pass Chinchilla's runs.
    expect(firstRow.slice(-3)).toEqual(['', '', 'params-beyond-evidence;tokens-beyond-evidence']);
  });

  it('prints each warning under the tables, in the JSON per solution and as codes in the CSV', async () => {
    const file = example('on-device-small');
    const table = (await run('solve', file)).out;
    expect(table).toContain(
      '\nwarnings\n  ! Lifetime-optimal: 147T training tokens: 294× more than the largest run the law "sardana2024" was fitted on (500B), an extrapolation [warning tokens-beyond-evidence; change law]\n',
    );
    expect(table).toContain(
      '  ! Lifetime-optimal: trains on 147T tokens, 8.2× the largest known training set (~18T tokens, Qwen2.5), and no data limit is set; set data.uniqueTokens to price repeated data [warning tokens-beyond-largest-dataset; change data.uniqueTokens]',
    );
    const report = JSON.parse((await run('solve', file, '--format', 'json')).out) as { warnings: unknown[] };
    expect(report.warnings).toEqual([
      {
        code: 'tokens-beyond-evidence',
        severity: 'warning',
        message:
          '147T training tokens: 294× more than the largest run the law "sardana2024" was fitted on (500B), an extrapolation',
        field: 'law',
        candidate: 'lifetime',
      },
      {
        code: 'tokens-beyond-largest-dataset',
        severity: 'warning',
        message:
          'trains on 147T tokens, 8.2× the largest known training set (~18T tokens, Qwen2.5), and no data limit is set; set data.uniqueTokens to price repeated data',
        field: 'data.uniqueTokens',
        candidate: 'lifetime',
      },
      expect.objectContaining({ code: 'tokens-beyond-evidence', candidate: 'baseline-10000' }),
    ]);
    const rows = (await run('solve', file, '--format', 'csv')).out.split('\n');
    expect(rows.map((row) => [row.split(',')[3], row.split(',').at(-1)])).toEqual([
      ['candidate', 'warnings'],
      ['lifetime', 'tokens-beyond-evidence;tokens-beyond-largest-dataset'],
      ['chinchilla', ''],
      ['baseline-20', ''],
      ['baseline-142', ''],
      ['baseline-1875', ''],
      ['baseline-10000', 'tokens-beyond-evidence'],
    ]);
  });

  it('exits 1 naming the file and the field for an invalid scenario', async () => {
    const file = scratchFile(
      'bad.tradeoff.json',
      JSON.stringify({ target: { loss: 1.5 }, demand: { inputTokens: 1, outputTokens: 1 } }),
    );
    const { status, err, out } = await run('solve', file);
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`${file}: target.loss: 1.5 is below the irreducible loss E = 1.69 of law sardana2024`);
  });

  it('exits 1 for a missing file and an overflowing optimum, without a stack trace', async () => {
    expect(await run('solve', 'no/such.tradeoff.json')).toMatchObject({
      status: 1,
      err: 'no/such.tradeoff.json: no such file',
    });
    // With α = 0.01 the compute-optimal model at loss 1.01 needs about 1e461 parameters.
    const law = { form: 'chinchilla', E: 1, A: 400, B: 400, alpha: 0.01, beta: 0.3 };
    const file = scratchFile(
      'edge.tradeoff.json',
      JSON.stringify({ law, target: { loss: 1.01 }, demand: { inputTokens: 1, outputTokens: 1 } }),
    );
    const { status, err } = await run('solve', file);
    expect(status).toBe(1);
    expect(err).toMatch(/beyond the range of double-precision numbers/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('solve')).status).toBe(2);
    expect(await run('solve', example('on-device-small'), '--format', 'xml')).toMatchObject({
      status: 2,
      err: expect.stringContaining('--format must be one of table, json, csv (got "xml")') as string,
    });
    expect(await run('solve', example('on-device-small'), '--colour')).toMatchObject({ status: 2 });
    expect(await run('frobnicate')).toMatchObject({
      status: 2,
      err: expect.stringContaining('unknown command "frobnicate"') as string,
    });
  });
});

describe('test-time compute on the command line', () => {
  it('shows k and the model without test-time compute in the table, JSON and CSV', async () => {
    const file = example('reasoning-assistant');
    const table = (await run('solve', file)).out;
    expect(table).toMatch(/Lifetime-optimal\s+4\.86B\s+1\.95T\s+402\s+51\.4 /);
    expect(table).toMatch(/Without test-time compute\s+39\.3B .* 79\.84 %/);
    const report = JSON.parse((await run('solve', file, '--format', 'json')).out) as Record<
      string,
      Record<string, number>
    >;
    expect(report['lifetimeOptimal']?.['k']).toBeCloseTo(51.4, 1);
    expect(report['lifetimeOptimal']?.['effectiveLoss']).toBeCloseTo(1.93228, 5);
    expect(report['lifetimeOptimal']?.['loss']).toBeGreaterThan(1.95);
    expect(report['withoutTestTime']?.['k']).toBe(1);
    const rows = (await run('solve', file, '--format', 'csv')).out.split('\n');
    expect(rows.map((row) => row.split(',')[3])).toEqual([
      'candidate',
      'lifetime',
      'without-test-time',
      'chinchilla',
      'baseline-20',
      'baseline-142',
      'baseline-1875',
    ]);
  });

  it('keeps k = 1 for the high-volume chat product, and sweeps k against demand', async () => {
    const file = example('high-volume-chat');
    const report = JSON.parse((await run('solve', file, '--format', 'json')).out) as Record<
      string,
      Record<string, number>
    >;
    expect(report['lifetimeOptimal']?.['k']).toBe(1);
    const sweep = (await run('sweep', example('reasoning-assistant'), '--demand', '1e6:1e18:5')).out.split(
      '\n',
    );
    expect(sweep[0]).toContain(',k,');
    const ks = sweep.slice(1).map((row) => Number(row.split(',')[4]));
    expect(ks[0]).toBeGreaterThan(50);
    expect(ks.at(-1)).toBe(1);
    for (let i = 1; i < ks.length; i++) expect(ks[i]).toBeLessThanOrEqual(ks[i - 1] ?? 0);
  });
});

describe('hardware and the data wall on the command line', () => {
  it('shows epochs and the footprint of each candidate, and puts them in the JSON', async () => {
    const file = example('data-limited-roofline');
    const table = (await run('solve', file)).out;
    expect(table).toMatch(/candidate\s+epochs\s+GPU-hours\s+training days\s+energy\s+CO₂\s+GPUs per replica/);
    // The global optimum (docs/science.md §3.5); the grid search before it stopped at 7.76 epochs, 290K GPU-hours.
    expect(table).toMatch(/Lifetime-optimal\s+10\.1\s+288K\s+5\.07\s+242 MWh\s+96\.6 t\s+1/);
    const report = JSON.parse((await run('solve', file, '--format', 'json')).out) as Record<
      string,
      Record<string, number>
    >;
    const optimum = report['lifetimeOptimal'] ?? {};
    for (const key of [
      'gpuHours',
      'trainingDays',
      'energyKwh',
      'co2Kg',
      'replicaGpus',
      'epochs',
      'effectiveTokens',
    ]) {
      expect(Number.isFinite(optimum[key]), key).toBe(true);
    }
    expect(optimum['effectiveTokens']).toBeLessThan(optimum['tokens'] ?? 0);
    expect(report['withoutDataLimit']?.['totalCost']).toBeLessThan(optimum['totalCost'] ?? 0);
    expect(table).toMatch(/the data limit costs 7\.05 % more than unlimited data/);
  });

  it('gives the data-constrained loss of a given model', async () => {
    const json = JSON.parse(
      (
        await run(
          'explain',
          '--params',
          '8.67e9',
          '--tokens',
          '178e9',
          '--unique-tokens',
          '25e9',
          '--law',
          'muennighoff2023',
          '--format',
          'json',
        )
      ).out,
    ) as { dataLimit: { loss: number; epochs: number } };
    expect(json.dataLimit.loss).toBeCloseTo(2.2269634075087867, 12);
    expect(json.dataLimit.epochs).toBeCloseTo(7.12, 10);
    expect(
      (await run('explain', '--params', '8B', '--tokens', '15T', '--unique-tokens', '5T')).out,
    ).toContain('with 5T unique tokens     3 epochs, worth 14.4T fresh tokens: loss 1.95882');
  });
});

describe('tradeoff sweep', () => {
  it('prints the optimum across log-spaced demands, shrinking the model as demand grows', async () => {
    const { status, out } = await run('sweep', example('sardana-70b-chatbot'), '--demand', '1e9:1P:7');
    expect(status).toBe(0);
    const rows = out
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number));
    expect(rows).toHaveLength(7);
    expect(rows[0]?.[0]).toBe(1e9);
    expect(rows[6]?.[0]).toBe(1e15);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.[1]).toBeLessThan(rows[i - 1]?.[1] ?? 0);
    const points = JSON.parse(
      (await run('sweep', example('sardana-70b-chatbot'), '--demand', '1e9:1e12:3', '--format', 'json')).out,
    ) as unknown[];
    expect(points).toHaveLength(3);
  });

  it('explains a malformed demand range', async () => {
    expect(await run('sweep', example('sardana-70b-chatbot'), '--demand', '1e9:1e12')).toMatchObject({
      status: 2,
    });
    expect((await run('sweep', example('sardana-70b-chatbot'), '--demand', '0:1e12:5')).err).toContain(
      '0 < FROM ≤ TO',
    );
    expect((await run('sweep', example('sardana-70b-chatbot'), '--demand', '1e9:1e12:2.5')).err).toContain(
      'COUNT must be a whole number',
    );
    expect((await run('sweep', example('sardana-70b-chatbot'), '--demand', 'x:1e12:5')).err).toContain(
      '--demand FROM: "x" is not a number',
    );
    expect((await run('sweep', example('sardana-70b-chatbot'))).err).toContain('sweep needs --demand');
  });
});

describe('tradeoff explain', () => {
  it('explains Llama 3 8B in the table format', async () => {
    const { status, out } = await run('explain', '--params', '8B', '--tokens', '15T');
    expect(status).toBe(0);
    expect(out).toContain('A 8B-parameter model on 15T tokens (1,875 tokens/param), law sardana2024');
    expect(out).toMatch(/training overhead\s+\d+\.\d\d % more training compute/);
    expect(out).toMatch(/lifetime-optimal at\s+\d\.\d\de\d+ lifetime inference tokens/);
  });

  it('gives JSON with the loss and the break-even demand, and none for GPT-3', async () => {
    const gpt3 = JSON.parse(
      (
        await run(
          'explain',
          '--params',
          '175e9',
          '--tokens',
          '300e9',
          '--law',
          'hoffmann2022',
          '--format',
          'json',
        )
      ).out,
    ) as Record<string, unknown>;
    expect(gpt3['breakEvenDemandTokens']).toBeNull();
    expect(gpt3['law']).toMatchObject({ id: 'hoffmann2022' });
    expect((await run('explain', '--params', '175e9', '--tokens', '300e9')).out).toContain('no demand');
  });

  it('rejects missing, malformed and unknown arguments', async () => {
    expect(await run('explain', '--params', '8B')).toMatchObject({
      status: 2,
      err: expect.stringContaining('explain needs --tokens') as string,
    });
    expect(await run('explain', '--params', 'eight', '--tokens', '1T')).toMatchObject({ status: 2 });
    expect(await run('explain', '--params', '0', '--tokens', '1T')).toMatchObject({ status: 2 });
    expect((await run('explain', '--params', '8B', '--tokens', '1T', '--law', 'nope')).err).toContain(
      '--law must be one of',
    );
  });
});

describe('tradeoff validate, presets, help and version', () => {
  it('validates good files and lists every problem of bad ones', async () => {
    expect(await run('validate', example('on-device-small'))).toMatchObject({
      status: 0,
      out: expect.stringContaining('valid') as string,
    });
    const bad = scratchFile('bad.tradeoff.json', '{"target": {"loss": "x"}, "demand": {}}');
    const { status, err } = await run('validate', example('on-device-small'), bad);
    expect(status).toBe(1);
    expect(err.split('\n')).toEqual([
      `${bad}: target.loss: expected a number, got "x" (text)`,
      expect.stringMatching(new RegExp(`^${bad.replaceAll('.', '\\.')}: demand: give "inputTokens"`)),
    ]);
  });

  it('refuses a key given twice in validate and solve alike, naming the key, its path and its line', async () => {
    const text = [
      '{',
      '  "name": "plan A",',
      '  "target": {"loss": 2.1},',
      '  "demand": {"inputTokens": 1e12, "outputTokens": 1e11},',
      '  "na\\u006de": "plan B"',
      '}',
    ].join('\n');
    const file = scratchFile('twice.tradeoff.json', text);
    const expected = {
      status: 1,
      out: '',
      err: `${file}: name: the key "name" is repeated on line 5 (first on line 2); JSON readers keep only the last, so give it once`,
    };
    expect(await run('validate', file)).toEqual(expected);
    expect(await run('solve', file)).toEqual(expected);
  });

  it('lists presets with their sources', async () => {
    const { out } = await run('presets');
    expect(out).toContain('sardana2024');
    expect(out).toContain('arXiv 2001.08361');
    expect(out).toContain('H100-SXM');
    expect(out).toMatch(/H100-SXM .* \$3\.00\/h \(2026\)/);
    const json = JSON.parse((await run('presets', '--format', 'json')).out) as {
      laws: unknown[];
      gpus: unknown[];
    };
    expect(json.laws.length).toBeGreaterThanOrEqual(7);
  });

  it('prints help and the version', async () => {
    expect(await run('--help')).toMatchObject({
      status: 0,
      out: expect.stringContaining('Usage: tradeoff COMMAND') as string,
    });
    expect(await run()).toMatchObject({ status: 2 });
    expect((await run('help', 'sweep')).out).toContain('FROM:TO:COUNT');
    expect((await run('solve', '--help')).out).toContain('Usage: tradeoff solve');
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
