import { createHash, randomBytes } from 'node:crypto';
import type { PersonSummary } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';
import { endOf, meetingsWithParties, type MeetingRow } from '../meetings/meetings.repository.js';
import { loadPeople } from '../shared/people.repository.js';
import { renderCalendar, type IcsEvent } from './ics.js';

/** A feed token: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored. */
export const newFeedToken = () => randomBytes(32).toString('base64url');
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const hashFeedToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** How far back a feed reaches; everything ahead is included. */
export const FEED_HISTORY_DAYS = 90;
export const FEED_MAX_EVENTS = 1000;

const personUri = (id: string) => `urn:uuid:${id}`;

export function toIcsEvent(row: MeetingRow, people: Map<string, PersonSummary>): IcsEvent {
  const mentor = people.get(row.mentor_id);
  const mentee = people.get(row.mentee_id);
  const mentorName = mentor?.name ?? 'Mentor';
  const menteeName = mentee?.name ?? 'Mentee';
  const organizerId = row.created_by && people.has(row.created_by) ? row.created_by : row.mentor_id;
  const description = [
    `Mentorship meeting: ${mentorName} (mentor) and ${menteeName} (mentee)`,
    row.video_url ? `Video: ${row.video_url}` : null,
    row.agenda ? `Agenda:\n${row.agenda}` : null,
    row.status === 'cancelled' && row.cancel_reason ? `Cancelled: ${row.cancel_reason}` : null,
  ].filter((line): line is string => line !== null).join('\n\n');
  return {
    uid: `${row.id}@mentorkit`,
    sequence: row.sequence,
    status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    start: row.starts_at,
    end: endOf(row),
    created: row.created_at,
    lastModified: row.updated_at,
    summary: row.title,
    description,
    location: row.location ?? row.video_url ?? undefined,
    url: row.video_url ?? undefined,
    organizer: { name: people.get(organizerId)?.name ?? mentorName, uri: personUri(organizerId) },
    attendees: [
      { name: mentorName, uri: personUri(row.mentor_id) },
      { name: menteeName, uri: personUri(row.mentee_id) },
    ],
  };
}

/** Renders meetings as one `.ics` text. */
export async function meetingsCalendar(db: Db, rows: MeetingRow[], stamp: Date, feed?: { name: string }): Promise<string> {
  const people = await loadPeople(db, rows.flatMap((r) => [r.mentor_id, r.mentee_id, ...(r.created_by ? [r.created_by] : [])]));
  return renderCalendar({
    stamp,
    ...(feed ? { name: feed.name, refreshInterval: 'PT1H' } : {}),
    events: rows.map((r) => toIcsEvent(r, people)),
  });
}

/** The person whose feed token has this hash, unless the account was erased. */
export function feedOwner(db: Db, tokenHash: string) {
  return db.selectFrom('users').select(['id', 'name'])
    .where('calendar_feed_token', '=', tokenHash).where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A person's meetings, as either party, that start after `since`: the oldest `limit` of them. */
export function feedMeetings(db: Db, userId: string, since: Date, limit: number): Promise<MeetingRow[]> {
  return meetingsWithParties(db)
    .where((eb) => eb.or([eb('ms.mentor_id', '=', userId), eb('ms.mentee_id', '=', userId)]))
    .where('m.starts_at', '>', since)
    .orderBy('m.starts_at').orderBy('m.id')
    .limit(limit)
    .execute();
}

/** The hash of the person's feed token, null when the feed is off; optionally row-locked. */
export async function feedTokenHash(db: Db, userId: string, lock = false): Promise<string | null> {
  let q = db.selectFrom('users').select('calendar_feed_token').where('id', '=', userId);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirstOrThrow()).calendar_feed_token;
}

/** Stores the hash of a new feed token, or null to turn the feed off. */
export async function setFeedTokenHash(db: Db, userId: string, tokenHash: string | null): Promise<void> {
  await db.updateTable('users').set({ calendar_feed_token: tokenHash }).where('id', '=', userId).execute();
}
