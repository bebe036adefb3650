import { markReadInput, notificationListQuery, type NotificationPage } from '@mentorkit/contract';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireViewer } from '../../auth/auth.middleware.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { decodeTimeCursor, pageOf } from '../shared/paging.js';
import { toNotification } from '../shared/record.js';

export const notificationRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .get('/', validate('query', notificationListQuery), async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    let q = db.selectFrom('notifications').selectAll().where('user_id', '=', viewer.id);
    if (query.unread) q = q.where('read_at', 'is', null);
    if (after) q = q.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
    const [rows, unread] = await Promise.all([
      q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute(),
      db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', viewer.id).where('read_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    const page = await pageOf(rows, query.limit, (rs) => rs.map(toNotification), (r) => ({ at: r.created_at, id: r.id }));
    const body: NotificationPage = { ...page, unreadCount: Number(unread.n) };
    return c.json(body, 200);
  })
  .post('/read', validate('json', markReadInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    let q = db.updateTable('notifications').set({ read_at: now() }).where('user_id', '=', viewer.id).where('read_at', 'is', null);
    if ('ids' in input) q = q.where('id', 'in', input.ids);
    const result = await q.executeTakeFirst();
    const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', viewer.id).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return c.json({ marked: Number(result.numUpdatedRows), unreadCount: Number(unread.n) }, 200);
  });
