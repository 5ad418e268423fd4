/**
 * Runs the fit dialog's work in Web Workers (src/renderer/workers/fit.worker.ts). Every job has
 * workers of its own, ended when it finishes: so Cancel ends them at once, even in the middle of
 * a refit, and what the page already holds (the fit) is untouched.
 */
import * as Comlink from 'comlink';
import type { BootstrapSummary, FitOptions, LawFit } from '../../model/fit';
import { mergeParts, splitResamples, type BootstrapPlan, type FitAnswer } from '../../fit/fit-job';
import type { FitWorkerApi } from '../workers/fit.worker';

export interface Job<T> {
  /** Settles with the answer, or with null once the job was cancelled. */
  readonly done: Promise<T | null>;
  cancel(): void;
}

function startWorker(): { api: Comlink.Remote<FitWorkerApi>; worker: Worker } {
  const worker = new Worker(new URL('../workers/fit.worker.ts', import.meta.url), { type: 'module' });
  return { api: Comlink.wrap<FitWorkerApi>(worker), worker };
}

/** Runs `work` on `count` fresh workers; cancelling ends them and settles `done` with null. */
function runJob<T>(count: number, work: (apis: Comlink.Remote<FitWorkerApi>[]) => Promise<T>): Job<T> {
  const started = Array.from({ length: count }, startWorker);
  let cancel: () => void = () => {};
  const cancelled = new Promise<null>((resolve) => {
    cancel = () => resolve(null);
  });
  const stop = (): void => {
    for (const { worker } of started) worker.terminate();
  };
  const done = Promise.race([work(started.map(({ api }) => api)), cancelled]).finally(stop);
  return { done, cancel };
}

export function startFit(text: string, options: FitOptions): Job<FitAnswer> {
  return runJob<FitAnswer>(1, ([api]) => (api as Comlink.Remote<FitWorkerApi>).fitRunsText(text, options));
}

/**
 * The bootstrap over `workers` workers, each refitting a contiguous share of the seeded draws;
 * `onProgress` gets the refits done so far across all of them.
 */
export function startBootstrap(
  fit: LawFit,
  plan: BootstrapPlan,
  workers: number,
  onProgress: (done: number) => void,
): Job<BootstrapSummary> {
  const ranges = splitResamples(plan.resamples, workers);
  return runJob(ranges.length, async (apis) => {
    const doneByPart = ranges.map(() => 0);
    const parts = await Promise.all(
      ranges.map(([from, to], k) =>
        (apis[k] as Comlink.Remote<FitWorkerApi>).bootstrapPart(
          fit,
          plan,
          from,
          to,
          Comlink.proxy((done: number) => {
            doneByPart[k] = done;
            onProgress(doneByPart.reduce((sum, part) => sum + part, 0));
          }),
        ),
      ),
    );
    return mergeParts(parts);
  });
}

/**
 * Two workers where the machine has two cores or more: each refit is independent of the others
 * and the split does not change the answer. Measured on a development machine whose 2 cores were
 * already saturated by other work (load 12–14), two workers were no faster (400 Sardana refits:
 * 8.0 s against 7.0 s for one); on an idle machine the refits, ~17 ms each, should run side by side.
 */
export function bootstrapWorkers(): number {
  return Math.min(2, Math.max(1, navigator.hardwareConcurrency || 1));
}
