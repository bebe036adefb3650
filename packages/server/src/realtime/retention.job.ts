import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../http/logger.js';
import { deleteEventsBefore } from './events.repository.js';

const DAY_MS = 86_400_000;

/**
 * Deletes realtime events older than `keepDays` (7: what a reconnecting client can still resume),
 * at start and then every `intervalMs`. Safe on many instances at once: each run deletes in
 * small batches and a row deleted twice is simply gone.
 */
export function startEventRetention(db: Kysely<Database>, options: { now: () => Date; logger: Logger; keepDays: number; intervalMs: number }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        const deleted = await deleteEventsBefore(db, new Date(options.now().getTime() - options.keepDays * DAY_MS));
        if (deleted) options.logger.info('realtime events expired', { deleted });
      } catch (err) {
        options.logger.error('realtime event retention failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const first = tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return { first, stop: async () => { clearInterval(timer); await running; } };
}
