import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/model';
import { markdownReport } from '../../src/report/markdown';
import { parseScenarioText, problemFromScenario } from '../../src/scenario';

describe('the Markdown report', () => {
  it('carries the result, the scenario file and the sources', () => {
    const text = readFileSync(
      new URL('../../resources/scenarios/sardana-70b-chatbot.tradeoff.json', import.meta.url),
      'utf8',
    );
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error('example invalid');
    const problem = problemFromScenario(parsed.scenario);
    const report = markdownReport(
      parsed.scenario,
      problem.law,
      solve(problem),
      new Date('2026-11-22T12:00:00Z'),
    );
    expect(report).toMatch(
      /^# 70B-quality chatbot \(Sardana et al\. 2024\)\n\nTradeoff Explorer report, 2026-11-22\./,
    );
    expect(report).toContain('has 20.5B parameters trained on 3.3T tokens (161 tokens per parameter)');
    expect(report).toContain('It saves 11.24 % against the Chinchilla-optimal model.');
    expect(report).toMatch(/\| Chinchilla-optimal \| 34\.1B \| 1\.81T \| 53\.1 \|/);
    const embedded = /```json\n([\s\S]*?)\n```/.exec(report)?.[1] ?? '';
    expect(parseScenarioText(embedded)).toEqual(parsed);
    expect(report).toContain('https://arxiv.org/abs/2401.00448');
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
    const report = markdownReport(parsed.scenario, problem.law, solve(problem));
    expect(report).toMatch(/\| Kaplan 2020 allocation \| /);
    expect(report).toMatch(/\| Compute-optimal under Kaplan’s L\(N, D\) \| /);
    expect(report).toContain('- Compute-optimal under Kaplan’s L(N, D): the C = 6ND optimum');
    expect(report).toContain('- Kaplan 2020 allocation: Kaplan et al. 2020’s compute-efficient allocation');
  });
});
