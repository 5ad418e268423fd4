import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, solveWithUncertainty } from '../../src/model';
import { markdownReport } from '../../src/report/markdown';
import { solutionSources, sourceLine } from '../../src/report/sources';
import { uncertaintyHeadline, uncertaintyTableRows } from '../../src/report/uncertainty';
import { parseScenarioText, problemFromScenario, uncertainProblemFromScenario } from '../../src/scenario';
import { EXAMPLE_FILES, exampleJson, solvedFrom } from '../support/solved-examples';

describe('the Markdown report', () => {
  it('carries the result, the scenario file and the sources', () => {
    const text = readFileSync(
      new URL('../../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
      'utf8',
    );
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('example invalid');
    const problem = problemFromScenario(parsed.scenario);
    const report = markdownReport(parsed.scenario, problem, solve(problem), new Date('2026-11-22T12:00:00Z'));
    // The answer in words comes first, under the title.
    expect(report).toMatch(
      /^# 70B-quality chatbot \(Sardana et al\. 2024\)\n\n\*\*Train a 20\.5B model on 3\.3T tokens \(161 tokens per parameter\)\. Over its life it costs \$1\.43M, 11 % less than the Chinchilla-optimal 34\.1B model\.\*\*\n\nTradeoff Explorer report, 2026-11-22\./,
    );
    expect(report).toContain('| Lifetime-optimal | 20.5B | 3.3T | 161 |');
    expect(report).toMatch(/\| Chinchilla-optimal .*\| 11\.24 % \|\n/);
    expect(report).toMatch(/\| Chinchilla-optimal \| 34\.1B \| 1\.81T \| 53\.1 \|/);
    const embedded = /```json\n([\s\S]*?)\n```/.exec(report)?.[1] ?? '';
    expect(parseScenarioText(embedded)).toEqual(parsed);
    expect(report).toContain('https://arxiv.org/abs/2401.00448');
  });

  it('lists each warning after the table, naming the candidate, the code and the field to change', () => {
    const parsed = parseScenarioText(
      readFileSync(
        new URL('../../resources/scenarios/on-device-small.tradeoff.json', import.meta.url),
        'utf8',
      ),
    );
    if (!parsed.ok) throw new Error('example invalid');
    const problem = problemFromScenario(parsed.scenario);
    const report = markdownReport(parsed.scenario, problem, solve(problem));
    const section = /## Warnings\n\n[^\n]*\n\n((?:- [^\n]*\n)+)\n## Scenario/.exec(report)?.[1];
    expect(section?.trimEnd().split('\n')).toEqual([
      '- Lifetime-optimal: 147T training tokens: 294× more than the largest run the law "sardana2024" was fitted on (500B), an extrapolation [warning tokens-beyond-evidence; change law]',
      '- Lifetime-optimal: trains on 147T tokens, 8.2× the largest known training set (~18T tokens, Qwen2.5), and no data limit is set; set data.uniqueTokens to price repeated data [warning tokens-beyond-largest-dataset; change data.uniqueTokens]',
      '- 10,000 tokens/param: 1.69T training tokens: 3.4× more than the largest run the law "sardana2024" was fitted on (500B), an extrapolation [warning tokens-beyond-evidence; change law]',
    ]);
    expect(report).toContain(
      '- Hoffmann et al. 2022, arXiv 2203.15556, abstract and Table A9: over 400 runs from 70M to 16.2B parameters on 5B to 500B tokens — the runs the law was fitted on.',
    );
  });

  it('has no warnings section when nothing leaves the evidence', () => {
    const parsed = parseScenarioText(
      JSON.stringify({
        target: { computeOptimalParams: 1e9 },
        demand: { inputTokens: 1e12, outputTokens: 1e12 },
        baselines: [20],
      }),
    );
    if (!parsed.ok) throw new Error('scenario invalid');
    const problem = problemFromScenario(parsed.scenario);
    const solution = solve(problem);
    expect(solution.warnings).toEqual([]);
    expect(markdownReport(parsed.scenario, problem, solution)).not.toContain('## Warnings');
  });

  it("names the Kaplan baseline and what the Kaplan law's compute-optimal point is", () => {
    const parsed = parseScenarioText(
      JSON.stringify({
        name: 'Kaplan against Chinchilla',
        law: { preset: 'kaplan2020' },
        target: { loss: 2.5 },
        demand: { inputTokens: 1e12, outputTokens: 1e12 },
        baselines: ['kaplan2020'],
      }),
    );
    if (!parsed.ok) throw new Error('scenario invalid');
    const problem = problemFromScenario(parsed.scenario);
    const report = markdownReport(parsed.scenario, problem, solve(problem));
    expect(report).toMatch(/\| Kaplan 2020 allocation \| /);
    expect(report).toMatch(/\| Compute-optimal under Kaplan’s L\(N, D\) \| /);
    expect(report).toContain('- Compute-optimal under Kaplan’s L(N, D): the C = 6ND optimum');
    expect(report).toContain('- Kaplan 2020 allocation: Kaplan et al. 2020’s compute-efficient allocation');
  });

  it('lists the percentiles over the law’s uncertainty when given, as solve --uncertainty does', () => {
    const text = readFileSync(
      new URL('../../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
      'utf8',
    );
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('example invalid');
    const scenario = { ...parsed.scenario, law: { preset: 'besiroglu2024' } };
    const problem = problemFromScenario(scenario);
    const resolved = uncertainProblemFromScenario(scenario, problem);
    if (!resolved.ok) throw new Error(resolved.reason);
    const summary = solveWithUncertainty(resolved.uncertain, { draws: 50, seed: 4 });
    const report = markdownReport(scenario, problem, solve(problem), new Date(), summary);
    const section = /## Uncertainty\n\n([^\n]*)\n\n((?:\|[^\n]*\n)+)/.exec(report);
    expect(section?.[1]).toBe(`${uncertaintyHeadline(summary, 'besiroglu2024')}.`);
    const rows = section?.[2]?.trimEnd().split('\n') ?? [];
    expect(rows[0]).toBe(
      '| p10 / p50 / p90 | params | tokens | tokens/param | lifetime FLOPs | lifetime cost | optimum’s size saves | wins |',
    );
    expect(rows.slice(2)).toEqual(uncertaintyTableRows(summary).map((row) => `| ${row.join(' | ')} |`));
    expect(markdownReport(scenario, problem, solve(problem))).not.toContain('## Uncertainty');
  });
});

describe('the Markdown report of every shipped example', () => {
  const SECTIONS = ['Test-time compute', 'Decode on a roofline', 'Data wall', 'Footprint'] as const;

  it('has exactly the sections that apply and every source the solution used, and no NaN', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLE_FILES),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(undefined, 1.1),
        (file, dropTestTime, dropData, pue) => {
          const json = exampleJson(file);
          if (dropTestTime) delete json.testTime;
          if (dropData) delete json.data;
          if (pue !== undefined) json.energy = { pue };
          const { scenario, problem, solution } = solvedFrom(json);
          const report = markdownReport(scenario, problem, solution, new Date('2026-12-02T00:00:00Z'));
          const applies: Record<(typeof SECTIONS)[number], boolean> = {
            'Test-time compute': scenario.testTime !== undefined,
            'Decode on a roofline': scenario.inference.decode.model === 'roofline',
            'Data wall': scenario.data !== undefined,
            Footprint: true,
          };
          for (const title of SECTIONS) {
            expect(report.includes(`\n## ${title}\n`), `${file}: ${title}`).toBe(applies[title]);
          }
          const listed = /## Sources\n\n[^\n]*\n\n((?:- [^\n]*\n)+)/.exec(report)?.[1] ?? '';
          expect(listed.trimEnd().split('\n')).toEqual(
            solutionSources(scenario, problem.law, solution).map((source) => `- ${sourceLine(source)}.`),
          );
          expect(report).not.toMatch(/NaN|undefined|Infinity/);
          expect(listed.includes('Snell et al. 2024')).toBe(scenario.testTime?.model === 'exchange');
          expect(listed.includes('Muennighoff et al. 2023')).toBe(
            scenario.data !== undefined || problem.law.source.includes('Muennighoff'),
          );
        },
      ),
      { numRuns: 24, seed: 14 },
    );
  });
});
