/**
 * What mentor search may reuse between requests, keyed by the search generation (migrations
 * 0007–0008): the sum the database hands out grows whenever a transaction that wrote anything a
 * search shows commits, so an entry made at generation g is exact for every request that reads g,
 * and a request that reads a newer generation finds nothing older. Nothing here expires by time.
 *
 * Requests that miss at the same moment share one computation (a burst of the same search does
 * one database query), and the least recently used entries go first when the cache is full.
 */
export class SearchCache {
  readonly #entries = new Map<string, Promise<unknown>>();
  /** The newest generation seen; entries of older ones are dropped when it moves. */
  #generation = -1n;

  constructor(readonly capacity: number) {}

  get size() {
    return this.#entries.size;
  }

  /**
   * The value of `key` at `generation`, computed by `compute` when absent. A request that read an
   * older generation than another already did (its snapshot predates a commit) computes without
   * storing: its answer is right for it, but stale for everyone after.
   */
  get<T>(generation: bigint, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.capacity === 0 || generation < this.#generation) return compute();
    if (generation > this.#generation) {
      this.#generation = generation;
      this.#entries.clear();
    }
    const found = this.#entries.get(key) as Promise<T> | undefined;
    if (found) {
      // Most recently used last, so eviction takes from the front.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    const made = compute();
    this.#entries.set(key, made);
    // A failure is not remembered: the next request tries again.
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    return made;
  }
}
