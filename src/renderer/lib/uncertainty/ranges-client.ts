import { wrap } from 'comlink';
import { latestRequestWins } from '../latest-request';
import type { RangesAnswer, RangesRequest, RangesService } from './ranges';
import type { RangesWorker } from './ranges.worker';

/** The ranges computed in a Web Worker, started on the first request. */
export function workerRanges(): RangesService {
  let worker: ((request: RangesRequest) => Promise<RangesAnswer>) | null = null;
  return latestRequestWins((request) => {
    if (!worker) {
      const remote = wrap<RangesWorker>(
        new Worker(new URL('./ranges.worker.ts', import.meta.url), { type: 'module', name: 'ranges' }),
      );
      worker = (next) => remote.computeRanges(next);
    }
    return worker(request);
  });
}
