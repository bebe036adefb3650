import type { CalendarFeedStatus } from '@mentorkit/contract';
import { notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { record } from '../activity/record.js';
import {
  FEED_HISTORY_DAYS,
  FEED_MAX_EVENTS,
  FEED_TOKEN,
  feedMeetings,
  feedOwner,
  feedTokenHash,
  hashFeedToken,
  meetingsCalendar,
  newFeedToken,
  setFeedTokenHash,
} from './calendar.repository.js';

const DAY_MS = 86_400_000;

/**
 * The private feed named by `<token>.ics`, as iCalendar text. The token is the only credential;
 * its hash is looked up (no comparison of secrets in JavaScript), and anything unknown is a 404.
 */
export async function calendarFeed({ db, now }: Pick<ServiceContext, 'db' | 'now'>, file: string): Promise<string> {
  const token = /^(.+)\.ics$/.exec(file)?.[1];
  if (!token || !FEED_TOKEN.test(token)) throw notFound('Calendar');
  const user = await feedOwner(db, hashFeedToken(token));
  if (!user) throw notFound('Calendar');
  const at = now();
  const rows = await feedMeetings(db, user.id, new Date(at.getTime() - FEED_HISTORY_DAYS * DAY_MS), FEED_MAX_EVENTS);
  return meetingsCalendar(db, rows, at, { name: 'Mentorkit meetings' });
}

export async function calendarFeedStatus({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>): Promise<CalendarFeedStatus> {
  return { enabled: (await feedTokenHash(db, viewer.id)) !== null };
}

/** Creates or rotates the viewer's feed token: the old URL stops working at once. The new token, shown only now. */
export async function rotateCalendarFeed({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>): Promise<string> {
  const token = newFeedToken();
  await db.transaction().execute(async (trx) => {
    const before = await feedTokenHash(trx, viewer.id, true);
    await setFeedTokenHash(trx, viewer.id, hashFeedToken(token));
    await record(trx, {
      now: now(),
      audit: { actorId: viewer.id, action: before ? 'calendar_feed.rotated' : 'calendar_feed.created', entityType: 'user', entityId: viewer.id },
    });
  });
  return token;
}

export async function disableCalendarFeed({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setFeedTokenHash(trx, viewer.id, null);
    await record(trx, { now: now(), audit: { actorId: viewer.id, action: 'calendar_feed.disabled', entityType: 'user', entityId: viewer.id } });
  });
}
