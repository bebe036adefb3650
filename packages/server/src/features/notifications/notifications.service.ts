import type { markReadInput, MarkReadResult, notificationListQuery, NotificationPage } from '@mentorkit/contract';
import type { z } from 'zod';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { decodeTimeCursor, pageOf } from '../shared/paging.js';
import { markRead, notificationPage, toNotification, unreadCount } from './notifications.repository.js';

/** The viewer's notifications, newest first, with how many are unread. */
export async function listNotifications({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, query: z.output<typeof notificationListQuery>): Promise<NotificationPage> {
  const after = decodeTimeCursor(query.cursor);
  const [rows, unread] = await Promise.all([
    notificationPage(db, viewer.id, { unread: query.unread, after, limit: query.limit }),
    unreadCount(db, viewer.id),
  ]);
  const page = await pageOf(rows, query.limit, (rs) => rs.map(toNotification), (r) => ({ at: r.created_at, id: r.id }));
  return { ...page, unreadCount: unread };
}

/** Marks some or all of the viewer's notifications read. */
export async function markNotificationsRead({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, input: z.output<typeof markReadInput>): Promise<MarkReadResult> {
  const marked = await markRead(db, viewer.id, 'ids' in input ? input.ids : undefined, now());
  return { marked, unreadCount: await unreadCount(db, viewer.id) };
}
