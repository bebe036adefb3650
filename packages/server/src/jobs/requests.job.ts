import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../http/logger.js';
import { requestEvents, toRequests } from '../features/requests/requests.repository.js';
import { record } from '../features/activity/record.js';

const BATCH = 500;
export const REMIND_AFTER_MS = 3 * 86_400_000;

/**
 * Expires pending requests past their `expires_at`, telling both parties. Rows are claimed with
 * SKIP LOCKED so several instances can run this at once without doing the same row twice.
 */
export async function expireRequests(db: Kysely<Database>, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('mentorship_requests').select('id')
        .where('status', '=', 'pending').where('expires_at', '<=', now)
        .orderBy('expires_at').limit(BATCH).forUpdate().skipLocked().execute();
      if (due.length === 0) return 0;
      const rows = await trx.updateTable('mentorship_requests').set({ status: 'expired' })
        .where('id', 'in', due.map((d) => d.id)).returningAll().execute();
      for (const request of await toRequests(trx, rows)) {
        await record(trx, {
          now,
          audit: { actorId: null, action: 'request.expired', entityType: 'mentorship_request', entityId: request.id, from: 'pending', to: 'expired' },
          notices: [
            { userId: request.mentee.id, kind: 'request.expired', data: { requestId: request.id, mentorId: request.mentor.id, mentorName: request.mentor.name } },
            { userId: request.mentor.id, kind: 'request.expired', data: { requestId: request.id, menteeId: request.mentee.id, menteeName: request.mentee.name } },
          ],
          events: requestEvents(request, 'request.updated'),
        });
      }
      return rows.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}

/** One reminder per request that has waited more than three days for its mentor. */
export async function remindMentors(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('mentorship_requests').set({ reminded_at: now })
      .where('id', 'in', (eb) => eb.selectFrom('mentorship_requests').select('id')
        .where('status', '=', 'pending').where('reminded_at', 'is', null)
        .where('created_at', '<=', new Date(now.getTime() - REMIND_AFTER_MS))
        .limit(BATCH).forUpdate().skipLocked())
      .returningAll().execute();
    for (const request of await toRequests(trx, rows)) {
      await record(trx, {
        now,
        notices: [{
          userId: request.mentor.id,
          kind: 'request.reminder',
          data: { requestId: request.id, menteeId: request.mentee.id, menteeName: request.mentee.name, expiresAt: request.expiresAt },
        }],
      });
    }
    return rows.length;
  });
}

/** Runs both jobs now and then every `intervalMs`; returns a stop function. */
export function startRequestJobs(db: Kysely<Database>, options: { now: () => Date; logger: Logger; intervalMs?: number }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        const expired = await expireRequests(db, options.now());
        const reminded = await remindMentors(db, options.now());
        if (expired || reminded) options.logger.info('request jobs', { expired, reminded });
      } catch (err) {
        options.logger.error('request jobs failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const first = tick();
  const timer = setInterval(tick, options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return { first, stop: async () => { clearInterval(timer); await running; } };
}
