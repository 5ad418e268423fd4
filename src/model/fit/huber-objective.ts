/**
 * The objective of Hoffmann et al. 2022's Approach 3 (§3.3 and Appendix D.2), as replicated by
 * Besiroglu et al. 2024 (§2) and used by Sardana et al. 2024 (`huber_optimize.py`):
 *
 *   f(a, b, e, α, β) = Σᵢ wᵢ · Huber_δ(LSE(a − α ln Nᵢ, b − β ln Dᵢ, e) − ln Lᵢ),
 *
 * with A = eᵃ, B = eᵇ, E = eᵉ, so LSE(…) = ln(E + A/N^α + B/D^β) is the law's log loss, and
 * Huber_δ(r) = r²/2 for |r| ≤ δ, δ(|r| − δ/2) beyond. The sum (not the mean) is what both reference
 * codes minimise, and it is the convention under which Sardana et al.'s 47 runs refit to 6.20e-4.
 * The weights wᵢ are 1 for a plain fit and the multiplicities of a bootstrap resample (a run drawn
 * twice counts twice), so resampling needs no new table.
 *
 * Evaluated for speed, since a fit calls it about a million times: ln N, ln D and ln L are
 * precomputed, A/N^α is computed once per distinct N and B/D^β once per distinct D (training runs
 * share their sizes), which leaves one logarithm per run. Runs are usually a grid of sizes and
 * tokens-per-parameter ratios, with far fewer of each than distinct D (Sardana et al.: 6 sizes and
 * 12 ratios for 47 token counts); then B/D^β = B/N^β · (D/N)^−β is computed from one exponential
 * per distinct N and one per distinct ratio (equal to the direct form up to rounding, as
 * ln N + ln(D/N) = ln D). Only runs of non-zero weight are visited (a bootstrap resample holds
 * about 63 % of the distinct runs), and only their distinct sizes and ratios. Where a term
 * overflows or the sum underflows (far from any sensible law, during a line search) that run falls back to the
 * max-shifted log-sum-exp, which is exact there too (as it is where a factor of B/D^β underflows).
 */

/** Parameter order everywhere in the fit: ln A, ln B, ln E, α, β (the covariance's order too). */
export const PARAMETER_NAMES = ['lnA', 'lnB', 'lnE', 'alpha', 'beta'] as const;
export const PARAMETER_COUNT = 5;

/** Hoffmann et al. 2022, Appendix D.2: δ = 10⁻³. */
export const DEFAULT_HUBER_DELTA = 1e-3;

export interface RunColumns {
  readonly params: ArrayLike<number>;
  readonly tokens: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
}

/** The smallest positive double with full precision (2⁻¹⁰²²). */
const MIN_NORMAL = 2 ** -1022;

/** Indices into the distinct values of `values` (exact equality), and those values' logarithms. */
function distinctLogs(values: ArrayLike<number>): { slot: Int32Array; logs: Float64Array } {
  const slotOf = new Map<number, number>();
  const slot = new Int32Array(values.length);
  const logs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    let index = slotOf.get(value);
    if (index === undefined) {
      index = logs.length;
      slotOf.set(value, index);
      logs.push(Math.log(value));
    }
    slot[i] = index;
  }
  return { slot, logs: Float64Array.from(logs) };
}

export class HuberObjective {
  readonly runCount: number;
  /** wᵢ; 1 each unless set by `setMultiplicities`. */
  private readonly weights: Float64Array;
  private readonly lnN: Float64Array;
  private readonly lnD: Float64Array;
  private readonly lnL: Float64Array;
  private readonly nSlot: Int32Array;
  // B/D^β = exp(b − β·baseLn)·exp(−β·ratioLn): the base is N and the ratio D/N when that takes
  // fewer exponentials than one per distinct D; otherwise the base is D and the ratio 1.
  private readonly baseSlot: Int32Array;
  private readonly ratioSlot: Int32Array;
  private readonly distinctLnRatio: Float64Array;
  private readonly ratioTerm: Float64Array;
  private readonly ratioPull: Float64Array;
  private readonly distinctLnN: Float64Array;
  private readonly distinctLnBase: Float64Array;
  // Per distinct N (base, ratio): the term A/N^α (its factor of B/D^β) and the sum of wψ/S · term
  // over its runs.
  private readonly nTerm: Float64Array;
  private readonly baseTerm: Float64Array;
  private readonly nPull: Float64Array;
  private readonly basePull: Float64Array;
  // The runs of non-zero weight, and the N, base and ratio slots they use (the first
  // *Count entries; set with the weights, so evaluate's loops skip every run not drawn).
  private readonly activeRuns: Int32Array;
  private readonly activeN: Int32Array;
  private readonly activeBase: Int32Array;
  private readonly activeRatio: Int32Array;
  private activeRunCount = 0;
  private activeNCount = 0;
  private activeBaseCount = 0;
  private activeRatioCount = 0;

  constructor(
    runs: RunColumns,
    readonly delta: number = DEFAULT_HUBER_DELTA,
  ) {
    this.runCount = runs.loss.length;
    const n = distinctLogs(runs.params);
    const tokens = distinctLogs(runs.tokens);
    const ratios = distinctLogs(
      Float64Array.from(
        { length: this.runCount },
        (_, i) => (runs.tokens[i] as number) / (runs.params[i] as number),
      ),
    );
    const factored = n.logs.length + ratios.logs.length < tokens.logs.length;
    const base = factored ? n : tokens;
    const ratio = factored ? ratios : { slot: new Int32Array(this.runCount), logs: Float64Array.of(0) };
    this.ratioSlot = ratio.slot;
    this.distinctLnRatio = ratio.logs;
    this.ratioTerm = new Float64Array(ratio.logs.length);
    this.ratioPull = new Float64Array(ratio.logs.length);
    this.activeRatio = new Int32Array(ratio.logs.length);
    this.nSlot = n.slot;
    this.baseSlot = base.slot;
    this.distinctLnN = n.logs;
    this.distinctLnBase = base.logs;
    this.lnN = Float64Array.from({ length: this.runCount }, (_, i) => n.logs[n.slot[i] as number] as number);
    this.lnD = Float64Array.from(
      { length: this.runCount },
      (_, i) => tokens.logs[tokens.slot[i] as number] as number,
    );
    this.lnL = Float64Array.from({ length: this.runCount }, (_, i) => Math.log(runs.loss[i] as number));
    this.weights = new Float64Array(this.runCount).fill(1);
    this.nTerm = new Float64Array(n.logs.length);
    this.baseTerm = new Float64Array(base.logs.length);
    this.nPull = new Float64Array(n.logs.length);
    this.basePull = new Float64Array(base.logs.length);
    this.activeRuns = new Int32Array(this.runCount);
    this.activeN = new Int32Array(n.logs.length);
    this.activeBase = new Int32Array(base.logs.length);
    this.refreshActive();
  }

  /** The active lists for the current weights. */
  private refreshActive(): void {
    const usedN = new Uint8Array(this.activeN.length);
    const usedBase = new Uint8Array(this.activeBase.length);
    const usedRatio = new Uint8Array(this.activeRatio.length);
    let rs = 0;
    let runs = 0;
    let ns = 0;
    let ds = 0;
    for (let i = 0; i < this.runCount; i++) {
      if (this.weights[i] === 0) continue;
      this.activeRuns[runs++] = i;
      const ni = this.nSlot[i] as number;
      const di = this.baseSlot[i] as number;
      if (usedN[ni] === 0) {
        usedN[ni] = 1;
        this.activeN[ns++] = ni;
      }
      if (usedBase[di] === 0) {
        usedBase[di] = 1;
        this.activeBase[ds++] = di;
      }
      const ri = this.ratioSlot[i] as number;
      if (usedRatio[ri] === 0) {
        usedRatio[ri] = 1;
        this.activeRatio[rs++] = ri;
      }
    }
    this.activeRunCount = runs;
    this.activeNCount = ns;
    this.activeBaseCount = ds;
    this.activeRatioCount = rs;
  }

  /** Bootstrap multiplicities: weights[i] = how often run i was drawn among `indices`. */
  setMultiplicities(indices: ArrayLike<number>): void {
    this.weights.fill(0);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      this.weights[i] = (this.weights[i] as number) + 1;
    }
    this.refreshActive();
  }

  /** The law's log loss, LSE(a − α ln N, b − β ln D, e), for run i at x = (a, b, e, α, β). */
  logPrediction(x: ArrayLike<number>, i: number): number {
    const t1 = (x[0] as number) - (x[3] as number) * (this.lnN[i] as number);
    const t2 = (x[1] as number) - (x[4] as number) * (this.lnD[i] as number);
    const t3 = x[2] as number;
    const top = Math.max(t1, t2, t3);
    return top + Math.log(Math.exp(t1 - top) + Math.exp(t2 - top) + Math.exp(t3 - top));
  }

  /** ln(predicted loss) − ln(observed loss) for run i: what the Huber loss is applied to. */
  residual(x: ArrayLike<number>, i: number): number {
    return this.logPrediction(x, i) - (this.lnL[i] as number);
  }

  /** f(x), with ∇f(x) written into `gradient` (analytic; order ln A, ln B, ln E, α, β). */
  readonly evaluate = (x: Float64Array, gradient: Float64Array): number => {
    const a = x[0] as number;
    const b = x[1] as number;
    const e = x[2] as number;
    const alpha = x[3] as number;
    const beta = x[4] as number;
    const delta = this.delta;
    const { nTerm, baseTerm, nPull, basePull, distinctLnN, distinctLnBase, weights, lnL, nSlot, baseSlot } =
      this;
    const { activeRuns, activeN, activeBase, activeRunCount, activeNCount, activeBaseCount } = this;
    const { ratioTerm, ratioPull, ratioSlot, distinctLnRatio, activeRatio, activeRatioCount } = this;
    for (let s = 0; s < activeNCount; s++) {
      const k = activeN[s] as number;
      nTerm[k] = Math.exp(a - alpha * (distinctLnN[k] as number));
      nPull[k] = 0;
    }
    for (let s = 0; s < activeBaseCount; s++) {
      const k = activeBase[s] as number;
      baseTerm[k] = Math.exp(b - beta * (distinctLnBase[k] as number));
      basePull[k] = 0;
    }
    for (let s = 0; s < activeRatioCount; s++) {
      const k = activeRatio[s] as number;
      ratioTerm[k] = Math.exp(-beta * (distinctLnRatio[k] as number));
      ratioPull[k] = 0;
    }
    const floor = Math.exp(e);
    let value = 0;
    let pullE = 0;
    let fallbackA = 0;
    let fallbackB = 0;
    let fallbackAlpha = 0;
    let fallbackBeta = 0;
    for (let s = 0; s < activeRunCount; s++) {
      const i = activeRuns[s] as number;
      const w = weights[i] as number;
      const ni = nSlot[i] as number;
      const di = baseSlot[i] as number;
      const u = nTerm[ni] as number;
      const ri = ratioSlot[i] as number;
      const baseFactor = baseTerm[di] as number;
      const ratioFactor = ratioTerm[ri] as number;
      const v = baseFactor * ratioFactor;
      const sum = u + v + floor;
      // A factor of B/D^β that underflowed below the normal range has lost digits the product
      // may need, so that run takes the exact path too.
      if (sum > 0 && sum < Infinity && baseFactor >= MIN_NORMAL && ratioFactor >= MIN_NORMAL) {
        const r = Math.log(sum) - (lnL[i] as number);
        const magnitude = Math.abs(r);
        let psi: number;
        if (magnitude <= delta) {
          value += w * 0.5 * r * r;
          psi = r;
        } else {
          value += w * delta * (magnitude - 0.5 * delta);
          psi = r > 0 ? delta : -delta;
        }
        const c = (w * psi) / sum;
        nPull[ni] = (nPull[ni] as number) + c * u;
        basePull[di] = (basePull[di] as number) + c * v;
        ratioPull[ri] = (ratioPull[ri] as number) + c * v;
        pullE += c * floor;
      } else {
        // Overflow or underflow of the direct sum: the max-shifted form for this run.
        const t1 = a - alpha * (this.lnN[i] as number);
        const t2 = b - beta * (this.lnD[i] as number);
        const top = Math.max(t1, t2, e);
        const p1 = Math.exp(t1 - top);
        const p2 = Math.exp(t2 - top);
        const p3 = Math.exp(e - top);
        const total = p1 + p2 + p3;
        const r = top + Math.log(total) - (lnL[i] as number);
        const magnitude = Math.abs(r);
        const psi = magnitude <= delta ? r : r > 0 ? delta : -delta;
        value += w * (magnitude <= delta ? 0.5 * r * r : delta * (magnitude - 0.5 * delta));
        const c = (w * psi) / total;
        fallbackA += c * p1;
        fallbackAlpha -= c * p1 * (this.lnN[i] as number);
        fallbackB += c * p2;
        fallbackBeta -= c * p2 * (this.lnD[i] as number);
        pullE += c * p3;
      }
    }
    let gA = fallbackA;
    let gAlpha = fallbackAlpha;
    for (let s = 0; s < activeNCount; s++) {
      const k = activeN[s] as number;
      gA += nPull[k] as number;
      gAlpha -= (nPull[k] as number) * (distinctLnN[k] as number);
    }
    let gB = fallbackB;
    let gBeta = fallbackBeta;
    for (let s = 0; s < activeBaseCount; s++) {
      const k = activeBase[s] as number;
      gB += basePull[k] as number;
      gBeta -= (basePull[k] as number) * (distinctLnBase[k] as number);
    }
    for (let s = 0; s < activeRatioCount; s++) {
      const k = activeRatio[s] as number;
      gBeta -= (ratioPull[k] as number) * (distinctLnRatio[k] as number);
    }
    gradient[0] = gA;
    gradient[1] = gB;
    gradient[2] = pullE;
    gradient[3] = gAlpha;
    gradient[4] = gBeta;
    return value;
  };
}
