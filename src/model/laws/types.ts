import type { LawCovariance } from '../uncertainty/covariance';

/**
 * A loss law L(N, D) in the separable form the solvers need.
 *
 * Both law forms we ship depend on N and D only through the sum a·N^−α + b·D^−β (the "excess"):
 * the Chinchilla form is L = E + excess, the Kaplan form is L = excess^α_D with a transformed
 * excess (see kaplan.ts). Every allocation problem (compute-optimal, fixed ratio, lifetime-optimal)
 * is therefore solved once, on the excess, for both forms.
 */
export interface SeparableTerms {
  readonly a: number;
  readonly alpha: number;
  readonly b: number;
  readonly beta: number;
}

export interface ChinchillaConstants {
  readonly E: number;
  readonly A: number;
  readonly B: number;
  readonly alpha: number;
  readonly beta: number;
}

export interface KaplanConstants {
  readonly alphaN: number;
  readonly alphaD: number;
  readonly Nc: number;
  readonly Dc: number;
}

export type LawForm = 'chinchilla' | 'kaplan';

/** Where a law's constants come from; shown wherever a result is shown. */
export interface LawMeta {
  /** Preset id (e.g. `sardana2024`) or `custom`. */
  readonly id: string;
  readonly label: string;
  readonly source: string;
  /** The sizes and token counts the law was fitted on; absent when unknown (a custom law without a range). */
  readonly evidence?: LawEvidence;
}

/**
 * The box of model sizes and training tokens a law's fit rests on: outside it, an answer is an
 * extrapolation (solutions flag it, see warnings.ts). Ranges are [smallest, largest].
 */
export interface LawEvidence {
  readonly params: readonly [number, number];
  readonly tokens: readonly [number, number];
  /** Where the range comes from, saying so where it is approximate. */
  readonly source: string;
}

interface LawBase extends LawMeta {
  readonly terms: SeparableTerms;
  /** Infimum of the loss: no finite model reaches it (E for Chinchilla, 0 for Kaplan). */
  readonly floor: number;
  /** How the floor is named in messages, e.g. "the irreducible loss E". */
  readonly floorName: string;
  /** L(N, D). */
  loss(params: number, tokens: number): number;
  /** The excess a·N^−α + b·D^−β that a loss corresponds to; throws `unreachable` at or below the floor. */
  excessForLoss(loss: number): number;
  /** The loss that an excess corresponds to. */
  lossForExcess(excess: number): number;
}

export interface ChinchillaLaw extends LawBase {
  readonly form: 'chinchilla';
  readonly constants: ChinchillaConstants;
  /** The constants' uncertainty, when known (uncertainty/covariance.ts). */
  readonly covariance?: LawCovariance;
}

export interface KaplanLaw extends LawBase {
  readonly form: 'kaplan';
  readonly constants: KaplanConstants;
}

export type LossLaw = ChinchillaLaw | KaplanLaw;
