import { describe, expect, it } from 'vitest';
import { solve } from '../../src/model';
import { newScenario } from '../../src/renderer/lib/new-scenario';
import { lawsTableRows } from '../../src/report/across-laws';
import { markdownReport } from '../../src/report/markdown';
import { sensitivityTableRows } from '../../src/report/sensitivity';
import { problemFromScenario } from '../../src/scenario';
import { acrossLaws } from '../../src/scenario/across-laws';
import { sensitivity } from '../../src/scenario/sensitivity';

const scenario = newScenario({ defaultLaw: null, defaultHardware: null });
const problem = problemFromScenario(scenario);
const solution = solve(problem);
const day = new Date('2026-12-02T12:00:00Z');

describe('the Markdown report’s comparisons', () => {
  it('has a Sensitivity and an “Under every published law” section, with the tables’ rows, when given', () => {
    const laws = acrossLaws(scenario);
    const moved = sensitivity(scenario);
    const report = markdownReport(scenario, problem, solution, day, null, { laws, sensitivity: moved });
    const sensitivityAt = report.indexOf('## Sensitivity');
    const lawsAt = report.indexOf('## Under every published law');
    expect(sensitivityAt).toBeGreaterThan(report.indexOf('## Result'));
    expect(lawsAt).toBeGreaterThan(sensitivityAt);
    expect(report.indexOf('## Scenario')).toBeGreaterThan(lawsAt);
    expect(report).toContain('each input moved by ±25 %');
    for (const row of sensitivityTableRows(moved, 'cost')) expect(report).toContain(`| ${row.join(' | ')} |`);
    for (const row of lawsTableRows(laws, 'cost')) expect(report).toContain(`| ${row.join(' | ')} |`);
  });

  it('lists why a law has no answer under its table', () => {
    const laws = acrossLaws(scenario);
    const refused = {
      ...laws,
      laws: laws.laws.map((law) =>
        law.lawId === 'kaplan2020'
          ? { ...law, result: { ok: false as const, reason: 'target: unreachable' } }
          : law,
      ),
    };
    const report = markdownReport(scenario, problem, solution, day, null, { laws: refused });
    expect(report).toContain('| kaplan2020 | no answer |');
    expect(report).toContain('- kaplan2020: target: unreachable');
    expect(report).not.toContain('## Sensitivity');
  });

  it('has neither section when they were not computed', () => {
    const report = markdownReport(scenario, problem, solution, day);
    expect(report).not.toContain('## Sensitivity');
    expect(report).not.toContain('## Under every published law');
    expect(markdownReport(scenario, problem, solution, day, null, { laws: null, sensitivity: null })).toBe(
      report,
    );
  });
});
