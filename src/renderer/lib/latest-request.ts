/** What a caller of a "latest request wins" runner gets: the answer, or word that a newer request replaced its own. */
export type LatestAnswer<A> =
  { readonly kind: 'answer'; readonly value: A } | { readonly kind: 'superseded' };

/**
 * Wraps slow work (a Web Worker's) so that only the newest request counts, as typing makes one
 * request per keystroke: one request runs at a time; a request that arrives while another runs
 * waits, replacing (and superseding) any request still waiting, which is then never started; and
 * a request that finishes after a newer one arrived is superseded, its answer dropped. A failure
 * of the newest request rejects its promise; a superseded request's failure is dropped with it.
 */
export function latestRequestWins<Q, A>(
  run: (request: Q) => Promise<A>,
): (request: Q) => Promise<LatestAnswer<A>> {
  /** Bumped by every request: a request is the newest while its number is the last given. */
  let newest = 0;
  let running = false;
  let waiting: { readonly request: Q; readonly settle: (answer: Promise<LatestAnswer<A>>) => void } | null =
    null;

  async function start(request: Q, number: number): Promise<LatestAnswer<A>> {
    running = true;
    try {
      const value = await run(request);
      return number === newest ? { kind: 'answer', value } : { kind: 'superseded' };
    } catch (error) {
      if (number === newest) throw error;
      return { kind: 'superseded' };
    } finally {
      running = false;
      const next = waiting;
      waiting = null;
      if (next) next.settle(start(next.request, newest));
    }
  }

  return (request) => {
    const number = ++newest;
    if (!running) return start(request, number);
    waiting?.settle(Promise.resolve({ kind: 'superseded' }));
    return new Promise((resolve) => {
      waiting = { request, settle: resolve };
    });
  };
}
