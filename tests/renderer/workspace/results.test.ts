import { describe, expect, it } from 'vitest';
import { ScienceError } from '../../../src/model';
import { newScenario } from '../../../src/renderer/lib/new-scenario';
import type { Results } from '../../../src/renderer/lib/results';
import { LiveResults } from '../../../src/renderer/lib/workspace/results.svelte';
import type { Scenario } from '../../../src/scenario';

const scenario = newScenario({ defaultLaw: null, defaultHardware: null });
const other: Scenario = { ...scenario, name: 'Other' };

describe('the results on screen', () => {
  it('are the engine’s for each valid scenario', () => {
    const live = new LiveResults();
    live.follow({ ok: true, scenario });
    expect(live.results?.scenario).toBe(scenario);
    expect(live.results?.solution.lifetimeOptimal.params).toBeGreaterThan(0);
    expect(live.error).toBeNull();
  });

  it('stay while the form is invalid', () => {
    const live = new LiveResults();
    live.follow({ ok: true, scenario });
    const shown = live.results;
    live.follow({ ok: false, issues: [{ path: 'target.loss', message: 'required' }] });
    expect(live.results).toBe(shown);
    expect(live.error).toBeNull();
  });

  it('stay when the engine refuses a scenario, which says why until the next one computes', () => {
    const refuse = (s: Scenario): Results => {
      if (s.name === 'Other') throw new ScienceError('unreachable', 'out of reach');
      return { scenario: s } as Results;
    };
    const live = new LiveResults(refuse);
    live.show(scenario);
    live.show(other);
    expect(live.results?.scenario).toBe(scenario);
    expect(live.error).toBe('out of reach');
    live.show(scenario);
    expect(live.error).toBeNull();
  });

  it('are exportable only while they are of the form as it is now', () => {
    const refuse = (s: Scenario): Results => {
      if (s.name === 'Other') throw new ScienceError('unreachable', 'out of reach');
      return { scenario: s } as Results;
    };
    const live = new LiveResults(refuse);
    expect(live.exportable).toBeNull();
    live.follow({ ok: true, scenario });
    expect(live.exportable?.scenario).toBe(scenario);
    live.follow({ ok: false, issues: [{ path: 'target.loss', message: 'required' }] });
    expect(live.exportable).toBeNull();
    live.follow({ ok: true, scenario: other });
    expect(live.exportable).toBeNull();
    expect(live.results?.scenario).toBe(scenario);
  });

  it('are dropped with their document', () => {
    const live = new LiveResults();
    live.show(scenario);
    live.reset();
    expect([live.results, live.error, live.exportable]).toEqual([null, null, null]);
  });

  it('let a programming error through', () => {
    const live = new LiveResults(() => {
      throw new TypeError('bug');
    });
    expect(() => live.show(scenario)).toThrow(TypeError);
  });
});
