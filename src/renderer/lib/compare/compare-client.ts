import type { LawComparison } from '../../../scenario/across-laws';
import type { Sensitivity } from '../../../scenario/sensitivity';
import { latestRequestWins } from '../latest-request';
import { lazyWorker } from '../worker-connection';
import type { Computed } from '../worker-scenario';
import type { CompareService } from './compare';
import type { CompareWorker } from './compare.worker';

/**
 * Both comparisons computed in one Web Worker, started on the first request. Each has its own
 * "newest wins" queue, so that asking for the sensitivity never supersedes the laws' answer.
 */
export function workerComparisons(): {
  readonly laws: CompareService<LawComparison>;
  readonly sensitivity: CompareService<Sensitivity>;
} {
  const worker = lazyWorker<CompareWorker>(
    () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' }),
  );
  return {
    laws: latestRequestWins((request) =>
      worker<Computed<LawComparison>>((remote) => remote.compareLaws(request)),
    ),
    sensitivity: latestRequestWins((request) =>
      worker<Computed<Sensitivity>>((remote) => remote.computeSensitivity(request)),
    ),
  };
}
