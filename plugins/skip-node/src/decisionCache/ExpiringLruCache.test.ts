import { ExpiringLruCache } from './ExpiringLruCache';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ExpiringLruCache', () => {
  it('serves an answer until its TTL has passed, then asks again', async () => {
    const clock = manualClock();
    const cache = ExpiringLruCache.create<string>({
      ttlMs: 5_000,
      maxEntries: 10,
      now: clock.now,
    });
    let calls = 0;
    const load = jest.fn(async (): Promise<string> => `answer ${++calls}`);
    await expect(cache.getOrLoad('k', load)).resolves.toBe('answer 1');
    clock.advance(4_999);
    await expect(cache.getOrLoad('k', load)).resolves.toBe('answer 1');
    clock.advance(1);
    await expect(cache.getOrLoad('k', load)).resolves.toBe('answer 2');
  });

  it('lets concurrent lookups of one key share one load', async () => {
    const cache = ExpiringLruCache.create<number>({
      ttlMs: 5_000,
      maxEntries: 10,
    });
    let finish: (value: number) => void = () => {};
    const load = jest.fn(() => new Promise<number>(r => (finish = r)));
    const first = cache.getOrLoad('k', load);
    const second = cache.getOrLoad('k', load);
    finish(42);
    await expect(Promise.all([first, second])).resolves.toEqual([42, 42]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('never keeps a failed load', async () => {
    const cache = ExpiringLruCache.create<string>({
      ttlMs: 5_000,
      maxEntries: 10,
    });
    await expect(
      cache.getOrLoad('k', async () => {
        throw new Error('permission backend down');
      }),
    ).rejects.toThrow('permission backend down');
    await expect(cache.getOrLoad('k', async () => 'ok')).resolves.toBe('ok');
  });

  it('pushes out the least recently used answer when full', async () => {
    const cache = ExpiringLruCache.create<string>({
      ttlMs: 5_000,
      maxEntries: 2,
    });
    const load = (value: string) => jest.fn(async () => value);
    await cache.getOrLoad('a', load('a'));
    await cache.getOrLoad('b', load('b'));
    await cache.getOrLoad('a', load('not asked'));
    await cache.getOrLoad('c', load('c'));
    expect(cache.size).toBe(2);
    const reloadA = load('a again');
    const reloadB = load('b again');
    await expect(cache.getOrLoad('a', reloadA)).resolves.toBe('a');
    await expect(cache.getOrLoad('b', reloadB)).resolves.toBe('b again');
  });

  it('asks every time when the TTL is 0', async () => {
    const cache = ExpiringLruCache.create<string>({
      ttlMs: 0,
      maxEntries: 10,
    });
    const load = jest.fn(async () => 'answer');
    await cache.getOrLoad('k', load);
    await cache.getOrLoad('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });
});
