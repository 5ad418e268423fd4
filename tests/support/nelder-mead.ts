/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; the adaptive coefficients of Gao & Han
 * 2012 for dimension n), an optimiser independent of L-BFGS and of gradients, used by the tests
 * to check that the fit's grid finds the best optimum. Restarted from its own result until a
 * restart no longer improves f, which guards against a collapsed simplex.
 */
interface Vertex {
  readonly x: number[];
  readonly f: number;
}

const at = (values: readonly number[], i: number): number => values[i] as number;

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): Vertex {
  const n = start.length;
  const [alpha, gamma, rho, sigma] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const maxEvaluations = options.maxEvaluations ?? 4000;
  const tolerance = options.tolerance ?? 1e-14;
  const step = options.step ?? 0.5;
  let best: Vertex = { x: [...start], f: f(start) };
  for (let restart = 0; restart < 10; restart++) {
    const origin = best.x;
    const simplex: Vertex[] = [
      origin,
      ...origin.map((_, i) => origin.map((v, j) => (i === j ? v + step : v))),
    ].map((x) => ({ x, f: f(x) }));
    const vertex = (k: number) => simplex[k] as Vertex;
    for (let evaluations = 0; evaluations < maxEvaluations;) {
      simplex.sort((p, q) => p.f - q.f);
      const lowest = vertex(0);
      const highest = vertex(n);
      if (Math.abs(highest.f - lowest.f) <= tolerance * (Math.abs(lowest.f) + 1e-30)) break;
      const centroid = Array.from(
        { length: n },
        (_, j) => simplex.slice(0, n).reduce((s, p) => s + at(p.x, j), 0) / n,
      );
      const along = (t: number) => centroid.map((c, j) => c + t * (at(highest.x, j) - c));
      const reflected = along(-alpha);
      const fr = f(reflected);
      evaluations++;
      if (fr < lowest.f) {
        const expanded = along(-gamma);
        const fe = f(expanded);
        evaluations++;
        simplex[n] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
      } else if (fr < vertex(n - 1).f) {
        simplex[n] = { x: reflected, f: fr };
      } else {
        const contracted = fr < highest.f ? along(-rho) : along(rho);
        const fc = f(contracted);
        evaluations++;
        if (fc < Math.min(fr, highest.f)) simplex[n] = { x: contracted, f: fc };
        else {
          for (let k = 1; k <= n; k++) {
            const x = vertex(k).x.map((v, j) => at(lowest.x, j) + sigma * (v - at(lowest.x, j)));
            simplex[k] = { x, f: f(x) };
            evaluations++;
          }
        }
      }
    }
    simplex.sort((p, q) => p.f - q.f);
    const found = vertex(0);
    const improved = found.f < best.f - 1e-15 * Math.abs(best.f);
    if (found.f < best.f) best = found;
    if (!improved) break;
  }
  return best;
}
