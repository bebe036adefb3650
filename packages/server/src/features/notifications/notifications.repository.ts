import type { Notification } from '@mentorkit/contract';
import { sql, type Selectable } from 'kysely';
import type { Db, NotificationsTable } from '../../db/schema.js';
import type { TimeCursor } from '../shared/paging.js';

type Row = Selectable<NotificationsTable>;

/**
 * A notification row as the API answers it. Rows are written only by `record()`, from `Notice`s,
 * so the row's `data` is the one of its `kind`.
 */
export function toNotification(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    data: row.data,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  } as Notification;
}

/** A page of a user's notifications, newest first, one row more than `limit`. */
export function notificationPage(db: Db, userId: string, { unread, after, limit }: { unread: boolean; after?: TimeCursor; limit: number }) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unread) q = q.where('read_at', 'is', null);
  if (after) q = q.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Every notification of a user, oldest first. */
export function allNotifications(db: Db, userId: string) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(unread.n);
}

/** Marks the user's unread notifications read, those in `ids` or all; how many it marked. */
export async function markRead(db: Db, userId: string, ids: string[] | undefined, at: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
