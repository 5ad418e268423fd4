/**
 * Limited-memory BFGS for smooth unconstrained minimisation in a few dimensions, as the scaling-law
 * fit needs it thousands of times per fit (Nocedal & Wright 2006, "Numerical Optimization", 2nd
 * ed.: Algorithm 7.4, the two-loop recursion, and Algorithm 7.5; the line search is Algorithms 3.5
 * and 3.6 with the cubic interpolation of Eq. 3.59, so every accepted step satisfies the strong
 * Wolfe conditions 3.7a/b). Near the minimum, where f changes by less than its own rounding, the
 * sufficient-decrease test cannot be evaluated from values; there the line search falls back to
 * Hager & Zhang's approximate Wolfe conditions (Hager & Zhang 2005, "A new conjugate gradient
 * method with guaranteed descent and an efficient line search", SIAM J. Optim. 16(1), §4): f no
 * higher than f₀ plus its rounding and φ'(step) ≤ (2c₁ − 1)φ'(0), which for a quadratic is the same
 * test made from derivatives. Without it a minimiser stalls at |∇f| ≈ √(ε·|f|·curvature), far above
 * tight tolerances on flat objectives. Written here because npm has no well-kept L-BFGS package (the registry's
 * package lists name none that is maintained and typed).
 *
 * Stopping is explicit: converged when the largest gradient component is at most
 * `gradientTolerance`; otherwise it stops after `maxIterations` iterations, `maxEvaluations`
 * evaluations, or when the line search can no longer find a lower value (the objective is flat to
 * machine precision along the search direction). There is no tolerance on the decrease of f: on
 * flat objectives such as the Huber fit (f ≈ 1e-3) a relative-decrease test stops far from the
 * minimum.
 *
 * Allocation-light: a workspace of Float64Arrays is reused across calls of the same dimension.
 */

/** f(x), writing ∇f(x) into `gradient`; may return a non-finite value where f is undefined. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Converged when max |∂f/∂xᵢ| ≤ this. */
  readonly gradientTolerance?: number;
  readonly maxIterations?: number;
  /** Objective evaluations (line-search trials included). */
  readonly maxEvaluations?: number;
  /** Correction pairs kept (m). */
  readonly memory?: number;
  /**
   * Asked after each accepted step; true stops with reason 'stopped'. For a caller that knows
   * where the iteration will end from here (it reached a minimum found before), so the rest is waste.
   */
  readonly stopWhen?: (x: Float64Array) => boolean;
}

export type LbfgsStopReason =
  'gradient' | 'max-iterations' | 'max-evaluations' | 'line-search' | 'non-finite-start' | 'stopped';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly f: number;
  /** max |∂f/∂xᵢ| at x. */
  readonly gradNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: LbfgsStopReason;
}

export const LBFGS_DEFAULTS = {
  gradientTolerance: 1e-8,
  maxIterations: 1000,
  maxEvaluations: 5000,
  memory: 10,
} as const;

/** Sufficient decrease (Armijo) and curvature constants: Nocedal & Wright's choice for quasi-Newton. */
const C1 = 1e-4;
const C2 = 0.9;
/** f values within this many ulps of f₀ are equal as far as the line search can tell. */
const ROUNDING_ULPS = 8;
/** Trials of the bracketing phase (each may double the step) and of the zoom phase. */
const MAX_BRACKET_TRIALS = 40;
const MAX_ZOOM_TRIALS = 40;

/** Reusable arrays for one dimension and memory; not shared between concurrent minimisations. */
export class LbfgsWorkspace {
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly direction: Float64Array;
  readonly xTrial: Float64Array;
  readonly gTrial: Float64Array;
  readonly s: Float64Array;
  readonly y: Float64Array;
  readonly rho: Float64Array;
  readonly alpha: Float64Array;

  constructor(
    readonly dimension: number,
    readonly memory: number = LBFGS_DEFAULTS.memory,
  ) {
    this.x = new Float64Array(dimension);
    this.g = new Float64Array(dimension);
    this.direction = new Float64Array(dimension);
    this.xTrial = new Float64Array(dimension);
    this.gTrial = new Float64Array(dimension);
    this.s = new Float64Array(dimension * memory);
    this.y = new Float64Array(dimension * memory);
    this.rho = new Float64Array(memory);
    this.alpha = new Float64Array(memory);
  }
}

function dot(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[aOffset + i] as number) * (b[bOffset + i] as number);
  return sum;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

/**
 * Minimises f from x0. Never throws for a bad objective: a non-finite f at the start stops with
 * reason 'non-finite-start'; non-finite values during a line search shorten the step.
 */
export function minimizeLbfgs(
  f: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: LbfgsOptions = {},
  workspace?: LbfgsWorkspace,
): LbfgsResult {
  const n = x0.length;
  const memory = options.memory ?? LBFGS_DEFAULTS.memory;
  const ws =
    workspace && workspace.dimension === n && workspace.memory === memory
      ? workspace
      : new LbfgsWorkspace(n, memory);
  const gradientTolerance = options.gradientTolerance ?? LBFGS_DEFAULTS.gradientTolerance;
  const maxIterations = options.maxIterations ?? LBFGS_DEFAULTS.maxIterations;
  const maxEvaluations = options.maxEvaluations ?? LBFGS_DEFAULTS.maxEvaluations;
  const { x, g, direction: d, xTrial, gTrial, s, y, rho, alpha } = ws;

  for (let i = 0; i < n; i++) x[i] = x0[i] as number;
  let fx = f(x, g);
  let evaluations = 1;
  let iterations = 0;
  let gradNorm = maxAbs(g);
  const finish = (reason: LbfgsStopReason): LbfgsResult => ({
    x: Float64Array.from(x),
    f: fx,
    gradNorm,
    iterations,
    evaluations,
    converged: reason === 'gradient',
    reason,
  });
  if (!Number.isFinite(fx) || !Number.isFinite(gradNorm)) return finish('non-finite-start');

  let stored = 0; // correction pairs held
  let newest = -1; // slot of the newest pair (a ring buffer)
  let gamma = 1; // H₀ = γI, γ = sᵀy / yᵀy of the newest pair (Nocedal & Wright Eq. 7.20)

  // Evaluates f at x + step·d into xTrial/gTrial; returns f and sets `slope` = ∇f·d there.
  let slope = 0;
  const trial = (step: number): number => {
    for (let i = 0; i < n; i++) xTrial[i] = (x[i] as number) + step * (d[i] as number);
    const value = f(xTrial, gTrial);
    evaluations++;
    slope = dot(gTrial, 0, d, 0, n);
    return Number.isFinite(value) && Number.isFinite(slope) ? value : Infinity;
  };

  while (true) {
    if (gradNorm <= gradientTolerance) return finish('gradient');
    if (iterations >= maxIterations) return finish('max-iterations');
    if (evaluations >= maxEvaluations) return finish('max-evaluations');

    // Two-loop recursion: d = −H∇f (Algorithm 7.4).
    for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
    for (let k = 0, slot = newest; k < stored; k++, slot = (slot - 1 + memory) % memory) {
      const a = (rho[slot] as number) * dot(s, slot * n, d, 0, n);
      alpha[slot] = a;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) - a * (y[slot * n + i] as number);
    }
    for (let i = 0; i < n; i++) d[i] = gamma * (d[i] as number);
    for (
      let k = 0, slot = (newest - stored + 1 + memory) % memory;
      k < stored;
      k++, slot = (slot + 1) % memory
    ) {
      const b = (rho[slot] as number) * dot(y, slot * n, d, 0, n);
      const a = alpha[slot] as number;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) + (a - b) * (s[slot * n + i] as number);
    }
    let slope0 = dot(g, 0, d, 0, n);
    if (!(slope0 < 0)) {
      // Not a descent direction (rounding in a nearly singular update): restart from steepest descent.
      stored = 0;
      gamma = 1;
      for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
      slope0 = dot(g, 0, d, 0, n);
    }
    // Without curvature information the first step is scaled to move x by about 1 (N&W §3.5).
    const firstStep = stored === 0 ? Math.min(1, 1 / Math.sqrt(-slope0)) : 1;

    const accepted = strongWolfeStep(trial, () => slope, fx, slope0, firstStep, maxEvaluations - evaluations);
    if (accepted === null) return finish('line-search');

    // x ← x + step·d (already in xTrial), and a new correction pair s = Δx, y = Δ∇f.
    const slot = (newest + 1) % memory;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const si = (xTrial[i] as number) - (x[i] as number);
      const yi = (gTrial[i] as number) - (g[i] as number);
      s[slot * n + i] = si;
      y[slot * n + i] = yi;
      sy += si * yi;
      yy += yi * yi;
      x[i] = xTrial[i] as number;
      g[i] = gTrial[i] as number;
    }
    fx = accepted;
    gradNorm = maxAbs(g);
    iterations++;
    if (options.stopWhen?.(x)) return finish('stopped');
    // The strong Wolfe conditions give sᵀy > 0 in exact arithmetic; rounding can break it, and a
    // pair without positive curvature would make H indefinite, so it is skipped.
    if (sy > Number.EPSILON * yy) {
      rho[slot] = 1 / sy;
      gamma = sy / yy;
      newest = slot;
      stored = Math.min(stored + 1, memory);
    }
  }
}

/**
 * A step satisfying the strong Wolfe conditions along d (Nocedal & Wright Algorithm 3.5: bracket,
 * then Algorithm 3.6: zoom). Returns f at the accepted step, with x + step·d and its gradient left in
 * the workspace's trial arrays (the accepted step is always the last one evaluated), or null when no
 * such step is found within the budget (f is flat to rounding along d).
 */
function strongWolfeStep(
  trial: (step: number) => number,
  slopeAtTrial: () => number,
  f0: number,
  slope0: number,
  firstStep: number,
  evaluationBudget: number,
): number | null {
  const search: Search = {
    trial,
    slopeAtTrial,
    f0,
    slope0,
    noise: ROUNDING_ULPS * Number.EPSILON * Math.abs(f0),
    budget: evaluationBudget,
  };
  let previousStep = 0;
  let previousF = f0;
  let previousSlope = slope0;
  let step = firstStep;
  for (let k = 0; k < MAX_BRACKET_TRIALS && search.budget > 0; k++) {
    const value = trial(step);
    search.budget--;
    const slope = slopeAtTrial();
    if (!decreasesEnough(search, step, value, slope) || (k > 0 && value > previousF + search.noise)) {
      return zoom(search, previousStep, previousF, previousSlope, step, value, slope);
    }
    if (Math.abs(slope) <= -C2 * slope0) return value;
    if (slope >= 0) return zoom(search, step, value, slope, previousStep, previousF, previousSlope);
    previousStep = step;
    previousF = value;
    previousSlope = slope;
    step *= 4;
  }
  return null;
}

interface Search {
  readonly trial: (step: number) => number;
  readonly slopeAtTrial: () => number;
  readonly f0: number;
  readonly slope0: number;
  /** The rounding of f near f₀. */
  readonly noise: number;
  budget: number;
}

/**
 * Sufficient decrease (Armijo, N&W Eq. 3.7a), or within f's rounding the approximate form of
 * Hager & Zhang: f ≤ f₀ + rounding and φ'(step) ≤ (2c₁ − 1)φ'(0).
 */
function decreasesEnough(search: Search, step: number, value: number, slope: number): boolean {
  if (value <= search.f0 + C1 * step * search.slope0) return true;
  return value <= search.f0 + search.noise && slope <= (2 * C1 - 1) * search.slope0;
}

/**
 * Algorithm 3.6: `lo` is the best step so far satisfying sufficient decrease, and the interval
 * between lo and hi contains steps satisfying the strong Wolfe conditions.
 */
function zoom(
  search: Search,
  lo: number,
  fLo: number,
  slopeLo: number,
  hi: number,
  fHi: number,
  slopeHi: number,
): number | null {
  const { trial, slopeAtTrial, f0, slope0 } = search;
  for (let k = 0; k < MAX_ZOOM_TRIALS && search.budget > 0; k++) {
    const width = hi - lo;
    // Once the interval is below rounding of the step itself, no new step can be told apart.
    if (Math.abs(width) <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) break;
    const step = safeguardedCubic(lo, fLo, slopeLo, hi, fHi, slopeHi);
    const value = trial(step);
    search.budget--;
    const slope = slopeAtTrial();
    if (!decreasesEnough(search, step, value, slope) || value > fLo + search.noise) {
      hi = step;
      fHi = value;
      slopeHi = slope;
    } else {
      if (Math.abs(slope) <= -C2 * slope0) return value;
      if (slope * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        slopeHi = slopeLo;
      }
      lo = step;
      fLo = value;
      slopeLo = slope;
    }
  }
  // No strong Wolfe step; still accept lo when it decreases f (its curvature pair may be skipped).
  if (lo > 0 && fLo < f0 && search.budget > 0) return trial(lo);
  return null;
}

/**
 * The minimiser of the cubic through (lo, fLo, slopeLo) and (hi, fHi, slopeHi) (Nocedal & Wright
 * Eq. 3.59), kept at least a tenth of the interval away from its ends; the midpoint when the cubic
 * has no minimiser or a value is not finite.
 */
function safeguardedCubic(
  lo: number,
  fLo: number,
  slopeLo: number,
  hi: number,
  fHi: number,
  slopeHi: number,
): number {
  const left = Math.min(lo, hi);
  const width = Math.abs(hi - lo);
  const d1 = slopeLo + slopeHi - (3 * (fLo - fHi)) / (lo - hi);
  const radicand = d1 * d1 - slopeLo * slopeHi;
  let step = NaN;
  if (Number.isFinite(fHi) && radicand >= 0) {
    const d2 = Math.sign(hi - lo) * Math.sqrt(radicand);
    step = hi - (hi - lo) * ((slopeHi + d2 - d1) / (slopeHi - slopeLo + 2 * d2));
  }
  if (!Number.isFinite(step)) return (lo + hi) / 2;
  return Math.min(Math.max(step, left + 0.1 * width), left + 0.9 * width);
}
