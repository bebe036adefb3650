import type { Kysely, Selectable } from 'kysely';
import type { Database, Db, EmailOutboxTable } from '../../db/schema.js';

export type OutboxRow = Selectable<EmailOutboxTable>;

/** The latest rows, newest first, whatever their status. */
export function latestOutbox(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('email_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The reason recorded on a row whose send was interrupted (see `failInterrupted`). */
export const INTERRUPTED = 'interrupted while sending (the worker stopped); not retried, so a mail the server may have accepted is never sent twice';

const clip = (value: string) => value.slice(0, 1000);

/**
 * Takes up to `limit` due rows for this worker: `pending → sending` with a lease, in one short
 * transaction. SKIP LOCKED lets other instances claim other rows at the same moment instead of
 * waiting, and a row being claimed can never be claimed twice: the second reader skips it and,
 * once the first commits, no longer sees it as pending.
 */
export async function claimDue(db: Kysely<Database>, options: { workerId: string; limit: number; now: Date; leaseMs: number }): Promise<OutboxRow[]> {
  const { workerId, limit, now, leaseMs } = options;
  return db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('email_outbox').select('id')
      .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at').limit(limit)
      .forUpdate().skipLocked().execute();
    if (due.length === 0) return [];
    return trx.updateTable('email_outbox')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), claimed_by: workerId, locked_until: new Date(now.getTime() + leaseMs), updated_at: now }))
      .where('id', 'in', due.map((d) => d.id))
      .returningAll().execute();
  });
}

/** The outcome of one claimed row; only the worker holding the claim can write it. */
export type Outcome =
  | { status: 'sent'; recipient: string; response: string }
  | { status: 'failed'; reason: string; recipient?: string | null }
  | { status: 'skipped'; reason: string; recipient?: string | null }
  | { status: 'pending'; reason: string; retryAt: Date; recipient?: string | null };

export async function settle(db: Kysely<Database>, row: OutboxRow, workerId: string, outcome: Outcome, now: Date): Promise<boolean> {
  const result = await db.updateTable('email_outbox')
    .set({
      status: outcome.status,
      locked_until: null,
      updated_at: now,
      ...(outcome.status === 'sent'
        ? { sent_at: now, recipient: outcome.recipient, smtp_response: clip(outcome.response), last_error: null }
        : { last_error: clip(outcome.reason), ...(outcome.recipient !== undefined ? { recipient: outcome.recipient } : {}) }),
      ...(outcome.status === 'pending' ? { next_attempt_at: outcome.retryAt } : {}),
    })
    .where('id', '=', row.id).where('status', '=', 'sending').where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A row still `sending` after its lease ran out belongs to a worker that died mid-send. Whether
 * the SMTP server accepted that mail cannot be known, and resending could deliver it twice, so
 * it is closed as failed with the reason (see the README: at most once after a crash).
 */
export async function failInterrupted(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.updateTable('email_outbox')
    .set({ status: 'failed', locked_until: null, last_error: INTERRUPTED, updated_at: now })
    .where('status', '=', 'sending').where('locked_until', '<', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
