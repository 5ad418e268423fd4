import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The bootstrap's draws: `resamples` resamples of `runCount` run indices each, drawn uniformly
 * with replacement from one seeded xoroshiro128+ stream (pure-rand), so the same seed gives the
 * same draws on every machine and the engine's chunks can refit any range of them.
 */
export function resampleIndices(seed: number, resamples: number, runCount: number): Int32Array {
  const rng = xoroshiro128plus(seed);
  const indices = new Int32Array(resamples * runCount);
  for (let k = 0; k < indices.length; k++) indices[k] = uniformInt(rng, 0, runCount - 1);
  return indices;
}
