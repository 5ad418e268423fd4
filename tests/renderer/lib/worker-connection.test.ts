import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyWorker } from '../../../src/renderer/lib/worker-connection';

/** A worker's side of the channel answers through comlink, as compare.worker.ts does. */
const service = { double: (value: number) => 2 * value };

describe('a worker reached lazily through comlink', () => {
  const channels: InstanceType<typeof MessageChannel>[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });

  /** A "worker" that is one end of a message channel, counting how often it is started. */
  function thread() {
    let opened = 0;
    const channel = new MessageChannel();
    channels.push(channel);
    expose(service, channel.port1);
    const open = () => {
      opened++;
      return channel.port2;
    };
    return { open, opened: () => opened, port: channel.port2 };
  }

  it('is started on the first call only, and answers each call', async () => {
    const fake = thread();
    const worker = lazyWorker<typeof service>(fake.open);
    expect(fake.opened()).toBe(0);
    expect(await worker((remote) => remote.double(21))).toBe(42);
    expect(await worker((remote) => remote.double(4))).toBe(8);
    expect(fake.opened()).toBe(1);
  });

  it('fails a waiting call, and every later one, when the worker dies', async () => {
    const fake = thread();
    const worker = lazyWorker<typeof service>(fake.open);
    // A call still waiting when the worker dies.
    const waiting = worker((remote) => remote.double(1).then(() => new Promise<number>(() => undefined)));
    fake.port.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    await expect(waiting).rejects.toThrow('the worker stopped: out of memory');
    await expect(worker((remote) => remote.double(2))).rejects.toThrow('the worker stopped: out of memory');
  });

  it('says a worker that could not load could not be loaded', async () => {
    const fake = thread();
    const worker = lazyWorker<typeof service>(fake.open);
    const waiting = worker((remote) => remote.double(1).then(() => new Promise<number>(() => undefined)));
    fake.port.dispatchEvent(new Event('error'));
    await expect(waiting).rejects.toThrow('the worker stopped: it could not be loaded');
  });
});
