import { ScienceError } from '../errors';
import { bisectBracket } from './bisect';
import { minimizeConvex } from './convex-bracket';
import { minimizeScalar } from './minimize';

/**
 * The global minimum of a function that is convex on each piece of a partition of [low, high] but
 * may jump between pieces (docs/science.md §3.5: the lifetime cost along the iso-loss curve, whose
 * KV cache changes in whole layers and heads). Global by construction, not by sampling:
 * 1. the pieces are the maximal intervals on which a key is constant; the key is nondecreasing in
 *    x (compared lexicographically), so every change of piece is found exactly by bisection and no
 *    piece, however narrow, is skipped;
 * 2. f is convex on each piece, so `minimizeConvex` certifies each piece's minimum, or that the
 *    piece stays above the best value found so far;
 * 3. `lowerBound` is convex on the whole bracket and ≤ f everywhere; the walk starts at the piece
 *    holding its minimiser x₀ and moves outward piece by piece. A piece right of x₀ cannot go below
 *    lowerBound at its left end (lowerBound only rises away from x₀), so once that bound reaches the
 *    best value found, no piece further out can beat it, and the walk stops on that side.
 */
export interface PiecewiseConvexFunction {
  /** The function, convex on each piece; NaN or ±Infinity count as +Infinity (not defined there). */
  readonly f: (x: number) => number;
  /** Convex on [low, high] and never above f. */
  readonly lowerBound: (x: number) => number;
  /** Constant exactly on each piece and nondecreasing in x, compared element by element. */
  readonly pieceKey: (x: number) => readonly number[];
}

export interface PiecewiseMinimum {
  readonly x: number;
  readonly value: number;
  /** Function evaluations in all (the lower bound's included). */
  readonly evaluations: number;
  /** Pieces whose minimum was searched (the others were ruled out by the lower bound). */
  readonly piecesSearched: number;
}

/** Relative width (in x) to which the boundary between two pieces is located. */
export const PIECE_BOUNDARY_TOLERANCE = 1e-13;
/**
 * Pieces searched before giving up: the lifetime problem has one per whole layer count, a few
 * thousand at most across its bracket, so a walk this long means a key that is not piecewise constant.
 */
export const MAX_PIECES = 100_000;

/** −1, 0 or 1 as key a sorts before, equal to or after key b. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** A piece [start, end] (both with the piece's key) and the nearest points of its neighbours. */
interface Piece {
  readonly start: number;
  readonly end: number;
  /** The last point of the piece to the left, or null at `low`. */
  readonly previousEnd: number | null;
  /** The first point of the piece to the right, or null at `high`. */
  readonly nextStart: number | null;
}

export function minimizePiecewiseConvex(
  fn: PiecewiseConvexFunction,
  low: number,
  high: number,
  what: string,
): PiecewiseMinimum {
  const { f, lowerBound, pieceKey } = fn;
  const boundary = {
    relativeTolerance: PIECE_BOUNDARY_TOLERANCE,
    absoluteTolerance: PIECE_BOUNDARY_TOLERANCE * (high - low),
  };
  /** The boundary below the piece holding x (bisected on the key, which only grows with x). */
  const boundaryBelow = (x: number, key: readonly number[]) =>
    compareKeys(pieceKey(low), key) === 0
      ? null
      : bisectBracket((y) => compareKeys(pieceKey(y), key) >= 0, low, x, what, boundary);
  /** The boundary above the piece holding x. */
  const boundaryAbove = (x: number, key: readonly number[]) =>
    compareKeys(pieceKey(high), key) === 0
      ? null
      : bisectBracket((y) => compareKeys(pieceKey(y), key) > 0, x, high, what, boundary);
  /** The piece holding x; `known` is the side already found when walking from a neighbour. */
  const pieceAt = (x: number, known: Partial<Piece> = {}): Piece => {
    const key = pieceKey(x);
    const left = known.start === undefined ? boundaryBelow(x, key) : null;
    const right = known.end === undefined ? boundaryAbove(x, key) : null;
    return {
      start: known.start ?? (left ? left.above : low),
      previousEnd: known.previousEnd !== undefined ? known.previousEnd : left ? left.below : null,
      end: known.end ?? (right ? right.below : high),
      nextStart: known.nextStart !== undefined ? known.nextStart : right ? right.above : null,
    };
  };

  let evaluations = 0;
  let piecesSearched = 0;
  let best = { x: NaN, value: Infinity, bracket: [NaN, NaN] as readonly [number, number] };
  const search = (piece: Piece): void => {
    if (++piecesSearched > MAX_PIECES) {
      throw new ScienceError('no-convergence', `${what}: more than ${MAX_PIECES} pieces to search`);
    }
    // A piece proven to stay above the best so far is left as soon as that is proven.
    const minimum = minimizeConvex(f, piece.start, piece.end, what, best.value);
    evaluations += minimum.evaluations;
    if (minimum.value < best.value) best = minimum;
  };

  const bound = minimizeConvex(lowerBound, low, high, `${what} (lower bound)`);
  evaluations += bound.evaluations;
  const centre = pieceAt(bound.x);
  search(centre);
  // Rightwards: lowerBound rises away from x₀, so a piece's bound is its value at the piece's start.
  for (let piece = centre; piece.nextStart !== null && lowerBound(piece.nextStart) < best.value;) {
    piece = pieceAt(piece.nextStart, { start: piece.nextStart, previousEnd: piece.end });
    search(piece);
  }
  // Leftwards: the bound of a piece left of x₀ is its value at the piece's end.
  for (let piece = centre; piece.previousEnd !== null && lowerBound(piece.previousEnd) < best.value;) {
    piece = pieceAt(piece.previousEnd, { end: piece.previousEnd, nextStart: piece.start });
    search(piece);
  }
  // The bounds certify the least value; Brent's method then places its x to √ε within the best
  // piece, where the cost is so flat that the certified value alone leaves x uncertain to ~1e-5.
  const [from, to] = best.bracket;
  if (to > from) {
    const polished = minimizeScalar(f, from, to, what);
    evaluations += polished.evaluations;
    if (polished.value <= best.value) best = { ...best, x: polished.x, value: polished.value };
  }
  return { x: best.x, value: best.value, evaluations, piecesSearched };
}
