import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestRequestWins, type LatestAnswer } from '../../../src/renderer/lib/latest-request';

/** Slow work the test finishes by hand: each call waits until `finish` or `fail` is called for it. */
function controlledWork() {
  const calls: { request: string; resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = (request: string) =>
    new Promise<string>((resolve, reject) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      const done = () => running--;
      calls.push({
        request,
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return {
    run,
    calls,
    started: () => calls.map((call) => call.request),
    mostAtOnce: () => mostAtOnce,
    /** Finishes the call now running with the answer `answer(request)`. */
    finishLast: async () => {
      const call = calls.at(-1);
      call?.resolve(`answer to ${call.request}`);
      await flush();
    },
  };
}

/** Lets every settled promise's continuations run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Records what each request's promise settled to, by request. */
function recorder() {
  const settled = new Map<string, LatestAnswer<string> | { kind: 'error'; message: string }>();
  const track = (name: string, promise: Promise<LatestAnswer<string>>) =>
    promise.then(
      (answer) => void settled.set(name, answer),
      (error: Error) => void settled.set(name, { kind: 'error', message: error.message }),
    );
  return { settled, track };
}

describe('latest request wins', () => {
  it('answers a lone request', async () => {
    const work = controlledWork();
    const request = latestRequestWins(work.run);
    const answer = request('a');
    await work.finishLast();
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'answer to a' });
  });

  it('drops the answer of a request superseded while it runs, and never starts a queued one that was replaced', async () => {
    const work = controlledWork();
    const request = latestRequestWins(work.run);
    const { settled, track } = recorder();
    void track('a', request('a'));
    void track('b', request('b'));
    void track('c', request('c'));
    await flush();
    expect(work.started()).toEqual(['a']);
    expect(settled.get('b')).toEqual({ kind: 'superseded' });
    await work.finishLast();
    expect(settled.get('a')).toEqual({ kind: 'superseded' });
    expect(work.started()).toEqual(['a', 'c']);
    await work.finishLast();
    expect(settled.get('c')).toEqual({ kind: 'answer', value: 'answer to c' });
    expect(work.started()).toEqual(['a', 'c']);
  });

  it('rejects when the newest request fails, and drops the failure of a superseded one', async () => {
    const work = controlledWork();
    const request = latestRequestWins(work.run);
    const { settled, track } = recorder();
    void track('a', request('a'));
    void track('b', request('b'));
    work.calls[0]?.reject(new Error('a broke'));
    await flush();
    expect(settled.get('a')).toEqual({ kind: 'superseded' });
    work.calls[1]?.reject(new Error('b broke'));
    await flush();
    expect(settled.get('b')).toEqual({ kind: 'error', message: 'b broke' });
    // Still usable after a failure.
    void track('c', request('c'));
    await work.finishLast();
    expect(settled.get('c')).toEqual({ kind: 'answer', value: 'answer to c' });
  });

  it('for any interleaving of requests and finishes: one run at a time, only requests still newest when done answered, every promise settled (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), async (steps) => {
        const work = controlledWork();
        const request = latestRequestWins(work.run);
        const { settled, track } = recorder();
        const names: string[] = [];
        /** Requests that were the newest when their promise settled. */
        const newestWhenSettled = new Set<string>();
        // true: a new request; false: the running work (if any) finishes.
        for (const step of steps) {
          if (step) {
            const name = `r${names.length}`;
            names.push(name);
            void track(
              name,
              request(name).finally(() => {
                if (names.at(-1) === name) newestWhenSettled.add(name);
              }),
            );
            await flush();
          } else {
            const running = work.calls.at(-1);
            if (running && !settled.has(running.request)) await work.finishLast();
          }
        }
        // Finish whatever still runs, until nothing does.
        for (let guard = 0; guard < names.length + 1; guard++) {
          const running = work.calls.at(-1);
          if (running && !settled.has(running.request)) await work.finishLast();
        }
        expect(work.mostAtOnce()).toBeLessThanOrEqual(1);
        expect(settled.size).toBe(names.length);
        // A request is answered exactly when no newer one was made before its answer came; the
        // last one always is.
        const last = names.at(-1);
        if (last) expect(newestWhenSettled.has(last)).toBe(true);
        for (const name of names) {
          expect(settled.get(name)).toEqual(
            newestWhenSettled.has(name)
              ? { kind: 'answer', value: `answer to ${name}` }
              : { kind: 'superseded' },
          );
        }
        // Work starts in the order requests were made.
        const started = work.started();
        expect([...started].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(started);
        if (last) expect(started.at(-1)).toBe(last);
      }),
      { numRuns: 200 },
    );
  });
});
