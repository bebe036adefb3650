import DataLoader from 'dataloader';

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * One statement for the calls of one turn of the event loop. Under load many requests reach the
 * same step together (they were parsed, or their last statement answered, in the same turn);
 * `run` then reads for all of them at once: one round trip, and its system calls and statement
 * overhead on both sides, for a batch instead of each. `setImmediate` closes a batch after the
 * loop has handed out everything it read from the sockets. `run` answers in the order of its
 * keys. If a batch fails, each key is run alone, so one bad key fails only its own caller.
 */
export function perTurn<K, V>(run: (keys: readonly K[]) => Promise<V[]>, maxBatchSize = 100): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(
    async (keys) => {
      try {
        return await run(keys);
      } catch {
        return Promise.all(keys.map((key) => run([key]).then(([value]) => value as V, toError)));
      }
    },
    // No memory between batches: every call is read afresh.
    { cache: false, maxBatchSize, batchScheduleFn: (dispatch) => void setImmediate(dispatch) },
  );
  return (key) => loader.load(key);
}
