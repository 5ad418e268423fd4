import { describe, expect, it } from 'vitest';
import { lawsFigure } from '../../../src/renderer/charts/laws';
import { candidateColour } from '../../../src/renderer/charts/theme';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import { acrossLaws, type LawComparison } from '../../../src/scenario/across-laws';

const sardana = newScenario({ defaultLaw: null, defaultHardware: null });
const comparison = acrossLaws(sardana);

describe('the laws chart', () => {
  it('puts every law’s optimum at (size, lifetime cost), labelled, the scenario’s own law the blue star', () => {
    const figure = lawsFigure(comparison, 'cost', 'light');
    const [points] = figure.data;
    const answered = comparison.laws.flatMap((law) => (law.result.ok ? [{ law, result: law.result }] : []));
    expect(answered.length).toBe(comparison.laws.length);
    expect(points?.ids).toEqual(answered.map(({ law }) => law.lawId));
    expect(points?.x).toEqual(answered.map(({ result }) => result.lifetimeOptimal.params));
    expect(points?.y).toEqual(answered.map(({ result }) => result.lifetimeOptimal.totalCost));
    const own = answered.findIndex(({ law }) => law.own);
    expect(answered[own]?.law.lawId).toBe('sardana2024');
    const marker = points?.marker as { symbol: string[]; color: string[] };
    expect(marker.symbol[own]).toBe('star');
    expect(marker.color[own]).toBe(candidateColour('lifetime', 0));
    expect(marker.symbol.filter((symbol) => symbol === 'star')).toHaveLength(1);
    expect((points?.text as string[])[own]).toBe('<b>sardana2024</b>');
    expect((points?.hovertext as string[])[own]).toContain('this scenario’s law');
    // Neighbours in size have their labels on opposite sides of their points.
    const positions = points?.textposition as string[];
    const sizes = points?.x as number[];
    const bySize = sizes.map((_, index) => index).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0));
    bySize
      .slice(1)
      .forEach((index, order) => expect(positions[index]).not.toBe(positions[bySize[order] ?? -1]));
  });

  it('measures in FLOPs when the scenario minimises FLOPs', () => {
    const flops = acrossLaws({ ...sardana, objective: 'flops' });
    const [points] = lawsFigure(flops, 'flops', 'dark').data;
    expect(points?.y).toEqual(
      flops.laws.map((law) => (law.result.ok ? law.result.lifetimeOptimal.totalFlops : NaN)),
    );
  });

  it('leaves out a law without an answer (the table gives its reason)', () => {
    const withRefusal: LawComparison = {
      ...comparison,
      laws: comparison.laws.map((law) =>
        law.lawId === 'kaplan2020'
          ? { ...law, result: { ok: false, reason: 'target.loss: below the floor' } }
          : law,
      ),
    };
    const [points] = lawsFigure(withRefusal, 'cost', 'light').data;
    expect(points?.ids).not.toContain('kaplan2020');
    expect(points?.x).toHaveLength(comparison.laws.length - 1);
  });
});
