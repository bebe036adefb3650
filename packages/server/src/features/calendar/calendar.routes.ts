import type { CalendarFeed, CalendarFeedStatus } from '@mentorkit/contract';
import { Hono } from 'hono';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { viewerRequired } from '../lifecycle/workspace.js';
import { meetingsWithParties } from '../meetings/meetings.repository.js';
import { record } from '../shared/record.js';
import { FEED_HISTORY_DAYS, FEED_MAX_EVENTS, FEED_TOKEN, hashFeedToken, meetingsCalendar, newFeedToken } from './calendar.repository.js';

const DAY_MS = 86_400_000;

export const calendarHeaders = (filename: string, disposition: 'inline' | 'attachment') => ({
  'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
  'content-disposition': `${disposition}; filename="${filename}"`,
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
});

/**
 * Mounted at `/calendar`, without a bearer token: `GET /calendar/<token>.ics`, the private feed a
 * calendar app subscribes to. The token is the only credential; its hash is looked up (no
 * comparison of secrets in JavaScript), and anything unknown answers 404. The request log
 * redacts the path (`redactPath`).
 */
export const calendarFeedRoutes = new Hono<AppEnv>()
  .get('/:file', async (c) => {
    const { db, now } = c.get('deps');
    const match = /^(.+)\.ics$/.exec(c.req.param('file'));
    const token = match?.[1];
    if (!token || !FEED_TOKEN.test(token)) throw notFound('Calendar');
    const user = await db.selectFrom('users').select(['id', 'name'])
      .where('calendar_feed_token', '=', hashFeedToken(token)).where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw notFound('Calendar');
    const at = now();
    const rows = await meetingsWithParties(db)
      .where((eb) => eb.or([eb('ms.mentor_id', '=', user.id), eb('ms.mentee_id', '=', user.id)]))
      .where('m.starts_at', '>', new Date(at.getTime() - FEED_HISTORY_DAYS * DAY_MS))
      .orderBy('m.starts_at').orderBy('m.id')
      .limit(FEED_MAX_EVENTS)
      .execute();
    const text = await meetingsCalendar(db, rows, at, { name: 'Mentorkit meetings' });
    return c.body(text, 200, calendarHeaders('mentorkit.ics', 'inline'));
  });

/**
 * Mounted at `/me` beside the profile routes: the caller's feed token. `POST` creates or rotates
 * it (the old URL stops working at once) and is the only answer that shows it; `DELETE` turns the
 * feed off.
 */
export const calendarSettingsRoutes = new Hono<AppEnv>()
  .use('/calendar-feed', viewerRequired)
  .get('/calendar-feed', async (c) => {
    const { db } = c.get('deps');
    const row = await db.selectFrom('users').select('calendar_feed_token').where('id', '=', c.get('viewer').id).executeTakeFirstOrThrow();
    const status: CalendarFeedStatus = { enabled: row.calendar_feed_token !== null };
    return c.json(status, 200);
  })
  .post('/calendar-feed', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const token = newFeedToken();
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('users').select('calendar_feed_token').where('id', '=', viewer.id).forUpdate().executeTakeFirstOrThrow();
      await trx.updateTable('users').set({ calendar_feed_token: hashFeedToken(token) }).where('id', '=', viewer.id).execute();
      await record(trx, {
        now: now(),
        audit: { actorId: viewer.id, action: before.calendar_feed_token ? 'calendar_feed.rotated' : 'calendar_feed.created', entityType: 'user', entityId: viewer.id },
      });
    });
    // The API base (`/api/v1`) as this request reached it.
    const base = c.req.path.replace(/\/me\/calendar-feed\/?$/, '');
    const path = `${base}/calendar/${token}.ics`;
    const feed: CalendarFeed = { token, path, url: new URL(path, c.req.url).toString() };
    return c.json(feed, 200);
  })
  .delete('/calendar-feed', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ calendar_feed_token: null }).where('id', '=', viewer.id).execute();
      await record(trx, { now: now(), audit: { actorId: viewer.id, action: 'calendar_feed.disabled', entityType: 'user', entityId: viewer.id } });
    });
    return c.body(null, 204);
  });
