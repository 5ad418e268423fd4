import { latestRequestWins } from '../latest-request';
import { lazyWorker } from '../worker-connection';
import type { RangesAnswer, RangesService } from './ranges';
import type { RangesWorker } from './ranges.worker';

/** The ranges computed in a Web Worker, started on the first request; the newest request wins. */
export function workerRanges(): RangesService {
  const worker = lazyWorker<RangesWorker>(
    () => new Worker(new URL('./ranges.worker.ts', import.meta.url), { type: 'module', name: 'ranges' }),
  );
  return latestRequestWins((request) => worker<RangesAnswer>((remote) => remote.computeRanges(request)));
}
