import { wrap } from 'comlink';
import { latestRequestWins } from '../latest-request';
import type { RangesAnswer, RangesRequest, RangesService } from './ranges';
import type { RangesWorker } from './ranges.worker';

/**
 * The ranges computed in a Web Worker, started on the first request. A worker that cannot start
 * or dies (its script refused, out of memory) fails the request, rather than leaving it waiting
 * for an answer that never comes (comlink alone would wait forever).
 */
export function workerRanges(): RangesService {
  let worker: ((request: RangesRequest) => Promise<RangesAnswer>) | null = null;
  return latestRequestWins((request) => {
    if (!worker) {
      const thread = new Worker(new URL('./ranges.worker.ts', import.meta.url), {
        type: 'module',
        name: 'ranges',
      });
      const died = new Promise<never>((_, reject) => {
        thread.addEventListener('error', (event) =>
          reject(new Error(`the worker stopped: ${event.message || 'it could not be loaded'}`)),
        );
      });
      // Nobody may be waiting when it dies; the next request will hear of it.
      died.catch(() => undefined);
      const remote = wrap<RangesWorker>(thread);
      worker = (next) => Promise.race([remote.computeRanges(next), died]);
    }
    return worker(request);
  });
}
