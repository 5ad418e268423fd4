import { readFileSync } from 'node:fs';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { TrainingRun } from '../../src/model/fit/runs';
import { lawFromPreset } from '../../src/model/laws/presets';
import type { ChinchillaConstants } from '../../src/model/laws/types';

export const SARDANA_RUNS_CSV = 'resources/runs/sardana2024-mpt-runs.csv';

/** Sardana et al.'s 47 runs, read with a plain split (independent of the app's CSV reader). */
export function sardanaRuns(): TrainingRun[] {
  const [header, ...lines] = readFileSync(SARDANA_RUNS_CSV, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  const [n, d, l] = ['Parameters', 'Tokens', 'Smoothed Loss'].map((name) => columns.indexOf(name));
  return lines.map((line) => {
    const cells = line.split(',').map(Number);
    return {
      params: cells[n as number] as number,
      tokens: cells[d as number] as number,
      loss: cells[l as number] as number,
    };
  });
}

/** A seeded source of standard normal draws (Box–Muller on pure-rand's xoroshiro128+). */
export function normals(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => {
    const u = 1 - uniformFloat64(rng); // in (0, 1]
    const v = uniformFloat64(rng);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Runs drawn from a known law: `sizes` model sizes log-spaced over 70M–16B (Hoffmann et al.'s
 * range), each trained at `ratios` tokens-per-parameter ratios log-spaced over 5–500, with
 * multiplicative log-normal noise of standard deviation `noise` on the loss.
 */
export function syntheticRuns(
  law: ChinchillaConstants,
  options: { sizes: number; ratios: number; noise: number; seed: number },
): TrainingRun[] {
  const draw = normals(options.seed);
  const runs: TrainingRun[] = [];
  for (let i = 0; i < options.sizes; i++) {
    const params = 70e6 * (16e9 / 70e6) ** (i / (options.sizes - 1));
    for (let j = 0; j < options.ratios; j++) {
      const tokens = params * 5 * 100 ** (j / (options.ratios - 1));
      const loss = law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
      runs.push({ params, tokens, loss: loss * Math.exp(options.noise * draw()) });
    }
  }
  return runs;
}

/** Besiroglu et al. 2024's refit of Hoffmann et al.'s runs (the `besiroglu2024` preset). */
export const BESIROGLU_LAW = (lawFromPreset('besiroglu2024') as { constants: ChinchillaConstants }).constants;
