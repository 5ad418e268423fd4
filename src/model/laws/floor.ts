import { ScienceError, formatForMessage } from '../errors';

/**
 * Throws unless a target loss lies strictly above the law's floor, with the one message both law
 * forms share, e.g. "1.5 is below the irreducible loss E = 1.69 of law sardana2024".
 */
export function requireAboveFloor(loss: number, floorName: string, floor: number, lawId: string): void {
  if (!Number.isFinite(loss)) {
    throw new ScienceError(
      'invalid-argument',
      `a target loss must be a finite number (got ${formatForMessage(loss)})`,
    );
  }
  if (loss <= floor) {
    const relation = loss < floor ? 'is below' : 'equals';
    throw new ScienceError(
      'unreachable',
      `${formatForMessage(loss)} ${relation} ${floorName} = ${formatForMessage(floor)} of law ${lawId}`,
    );
  }
}
