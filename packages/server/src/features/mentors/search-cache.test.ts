import { describe, expect, it } from 'vitest';
import { SearchCache } from './search-cache.js';

/** A computation the test finishes by hand, counting how often it was started. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('SearchCache', () => {
  it('computes once per key and generation, and again for another key', async () => {
    const cache = new SearchCache(10);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get(1n, 'a', compute)).toBe(1);
    expect(await cache.get(1n, 'a', compute)).toBe(1);
    expect(await cache.get(1n, 'b', compute)).toBe(2);
    expect(runs).toBe(2);
  });

  it('shares one computation between requests that miss at the same time', async () => {
    const cache = new SearchCache(10);
    const d = deferred<string>();
    let runs = 0;
    const compute = () => { runs++; return d.promise; };
    const both = Promise.all([cache.get(1n, 'k', compute), cache.get(1n, 'k', compute)]);
    d.resolve('shared');
    expect(await both).toEqual(['shared', 'shared']);
    expect(runs).toBe(1);
  });

  it('drops every entry when the generation moves on', async () => {
    const cache = new SearchCache(10);
    await cache.get(1n, 'a', async () => 'old');
    expect(await cache.get(2n, 'a', async () => 'new')).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('answers a request that read an older generation without storing its answer', async () => {
    const cache = new SearchCache(10);
    await cache.get(5n, 'a', async () => 'at 5');
    expect(await cache.get(4n, 'a', async () => 'at 4')).toBe('at 4');
    expect(await cache.get(5n, 'a', async () => 'again')).toBe('at 5');
    expect(await cache.get(4n, 'b', async () => 'b at 4')).toBe('b at 4');
    expect(cache.size).toBe(1);
  });

  it('does not remember a failure', async () => {
    const cache = new SearchCache(10);
    await expect(cache.get(1n, 'a', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await cache.get(1n, 'a', async () => 'recovered')).toBe('recovered');
  });

  it('evicts the least recently used entry when full', async () => {
    const cache = new SearchCache(2);
    await cache.get(1n, 'a', async () => 'a');
    await cache.get(1n, 'b', async () => 'b');
    await cache.get(1n, 'a', async () => 'a again'); // a is now the most recent
    await cache.get(1n, 'c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get(1n, 'a', async () => 'recomputed')).toBe('a');
    expect(await cache.get(1n, 'b', async () => 'recomputed')).toBe('recomputed');
  });

  it('keeps nothing with a capacity of 0', async () => {
    const cache = new SearchCache(0);
    let runs = 0;
    await cache.get(1n, 'a', async () => ++runs);
    await cache.get(1n, 'a', async () => ++runs);
    expect(runs).toBe(2);
    expect(cache.size).toBe(0);
  });
});
