import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * `count` independent standard normal variates from a seeded generator, reproducible across
 * platforms: pure-rand's xoroshiro128+ gives uniforms on [0, 1) with 53 random bits, and
 * Marsaglia's polar method (Marsaglia & Bray 1964, "A convenient method for generating normal
 * variables", SIAM Review 6(3); Knuth, TAOCP vol. 2, §3.4.1 Algorithm P) turns each accepted pair
 * (u, v) in the unit disc into two normals u·√(−2 ln s / s), v·√(−2 ln s / s) with s = u² + v².
 * It needs no trigonometry (whose last bits may differ between JavaScript engines) and rejects
 * about 21 % of pairs.
 */
export function standardNormals(seed: number, count: number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const normals = new Float64Array(count);
  let filled = 0;
  while (filled < count) {
    const u = 2 * uniformFloat64(rng) - 1;
    const v = 2 * uniformFloat64(rng) - 1;
    const s = u * u + v * v;
    if (s >= 1 || s === 0) continue;
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    normals[filled++] = u * scale;
    if (filled < count) normals[filled++] = v * scale;
  }
  return normals;
}
