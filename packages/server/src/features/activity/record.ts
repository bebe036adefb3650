import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueMailFor } from '../email/enqueue.js';
import { toNotification } from '../notifications/notifications.repository.js';
import { EVENTS_CHANNEL, type Notice, type OutgoingEvent, type Transition } from '../shared/activity.js';

/**
 * Writes, inside the caller's transaction, everything a state change leaves behind: the audit row,
 * the other party's notifications, and the realtime events (each notification also as a
 * `notification.created` event), and the outbox mail of the notifications that deserve one.
 * `pg_notify` is transactional, so other instances hear of the events only if the change commits.
 */
export async function record(
  trx: Transaction<Database> | Kysely<Database>,
  change: { audit?: Transition; notices?: Notice[]; events?: OutgoingEvent[]; now: Date },
): Promise<void> {
  const { audit, notices = [], events = [], now } = change;
  if (audit) {
    await trx
      .insertInto('audit_log')
      .values({
        actor_id: audit.actorId,
        action: audit.action,
        entity_type: audit.entityType,
        entity_id: audit.entityId,
        from_state: audit.from ?? null,
        to_state: audit.to ?? null,
        details: JSON.stringify(audit.details ?? {}),
        created_at: now,
      })
      .execute();
  }
  const allEvents = [...events];
  if (notices.length > 0) {
    const rows = await trx
      .insertInto('notifications')
      .values(notices.map((n) => ({ user_id: n.userId, kind: n.kind, data: JSON.stringify(n.data), created_at: now })))
      .returningAll()
      .execute();
    for (const row of rows) allEvents.push({ userId: row.user_id, type: 'notification.created', data: toNotification(row) });
    // Mail rides in the same transaction: it exists exactly when the change committed.
    await enqueueMailFor(trx, notices, now);
  }
  if (allEvents.length > 0) {
    const users = [...new Set(allEvents.map((e) => e.userId))];
    // One round trip for both: a data-modifying CTE runs whether or not the statement reads it.
    await trx
      .with('written', (db) => db.insertInto('events')
        .values(allEvents.map((e) => ({ user_id: e.userId, type: e.type, data: JSON.stringify(e.data), created_at: now }))))
      .selectNoFrom(sql<void>`pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ users })})`.as('notified'))
      .execute();
  }
}

/**
 * Tells every instance, once the transaction commits, that these accounts were erased: their open
 * realtime sockets close (4401) instead of living on until their tokens expire.
 */
export async function announceErased(trx: Transaction<Database>, userIds: readonly string[]): Promise<void> {
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ erased: userIds })})`.execute(trx);
}
