import { wrap, type Endpoint, type Remote } from 'comlink';

/**
 * A Web Worker reached through comlink, started on the first call (`open` must hold the literal
 * `new Worker(new URL(…), …)`, which the bundler looks for). A worker that cannot start or dies
 * (its script refused, out of memory) fails the call, rather than leaving it waiting for an answer
 * that never comes (comlink alone would wait forever); so does every later call.
 */
export function lazyWorker<W>(
  open: () => Endpoint,
): <A>(call: (remote: Remote<W>) => Promise<A>) => Promise<A> {
  let connection: { readonly remote: Remote<W>; readonly died: Promise<never> } | null = null;
  return (call) => {
    if (!connection) {
      const thread = open();
      const died = new Promise<never>((_, reject) => {
        // A Worker's error event is an ErrorEvent; its message is empty when the script did not load.
        thread.addEventListener('error', (event: Event) => {
          const { message } = event as Event & { message?: string };
          reject(new Error(`the worker stopped: ${message || 'it could not be loaded'}`));
        });
      });
      // Nobody may be waiting when it dies; the next call will hear of it.
      died.catch(() => undefined);
      connection = { remote: wrap<W>(thread), died };
    }
    return Promise.race([call(connection.remote), connection.died]);
  };
}
