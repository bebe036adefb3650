import type { cancelMeetingInput, completeMeetingInput, Meeting, meetingInput, meetingListQuery, meetingPage, meetingPatch } from '@mentorkit/contract';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { meetingsCalendar } from '../calendar/calendar.repository.js';
import { bothParties, lockOpenMentorship, otherParty, type MentorshipRow } from '../lifecycle/workspace.js';
import { createOnce } from '../shared/idempotency.js';
import { decodeTimeCursor, pageOf } from '../shared/paging.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import { record } from '../activity/record.js';
import {
  cancelFutureMeetingRows,
  insertMeeting,
  meetingById,
  meetingsOfParty,
  partyMeeting,
  toMeeting,
  updateMeeting as storeMeeting,
  withOverlaps,
  type MeetingRow,
} from './meetings.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Actor = Pick<Viewer, 'id' | 'name'>;

function assertFuture(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new ApiError('validation_failed', 'Invalid json: startsAt', [{ path: ['startsAt'], message: 'Must be in the future' }]);
  }
}

/**
 * Locks, for a change, the viewer's meeting and its mentorship (404 for outsiders, 409 once the
 * mentorship has ended), and requires the meeting to be still scheduled.
 */
async function lockScheduledMeeting(trx: Transaction<Database>, seen: MeetingRow, viewer: Actor): Promise<{ mentorship: MentorshipRow; row: MeetingRow }> {
  const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
  const row = (await meetingById(trx, seen.id, true))!;
  if (row.status !== 'scheduled') throw new ApiError('invalid_transition', `This meeting is ${row.status}; it can no longer be changed`);
  return { mentorship, row };
}

/** Schedules a meeting in one of the viewer's open mentorships (either party), once per idempotency key. */
export async function scheduleMeeting({ db, now }: Ctx, viewer: Actor, mentorshipId: string, input: z.output<typeof meetingInput>, idempotencyKey: string | undefined): Promise<Meeting> {
  const { resource } = await createOnce(
    db,
    { userId: viewer.id, scope: 'meeting', key: idempotencyKey },
    async (trx, id) => {
      const at = now();
      const startsAt = new Date(input.startsAt);
      assertFuture(startsAt, at);
      const mentorship = await lockOpenMentorship(trx, mentorshipId, viewer.id);
      await enforceWorkspaceLimits(trx, 'meetings', viewer.id, at);
      const inserted = await insertMeeting(trx, {
        id,
        mentorship_id: mentorship.id,
        created_by: viewer.id,
        title: input.title,
        starts_at: startsAt,
        duration_minutes: input.durationMinutes,
        location: input.location || null,
        video_url: input.videoUrl ?? null,
        agenda: input.agenda || null,
        created_at: at,
        updated_at: at,
      });
      const meeting = toMeeting({ ...inserted, mentor_id: mentorship.mentor_id, mentee_id: mentorship.mentee_id });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'meeting.scheduled', entityType: 'meeting', entityId: id, from: null, to: 'scheduled', details: { mentorshipId: mentorship.id, title: meeting.title, startsAt: meeting.startsAt } },
        notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'meeting.scheduled', data: { mentorshipId: mentorship.id, meetingId: id, title: meeting.title, startsAt: meeting.startsAt, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(mentorship, 'meeting.created', meeting),
      });
      return id;
    },
    async (id) => id,
  );
  return withOverlaps(db, (await meetingById(db, resource))!, viewer.id);
}

/** The viewer's meetings across mentorships, a page at a time. */
export async function listMeetings({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>, query: z.output<typeof meetingListQuery>): Promise<z.output<typeof meetingPage>> {
  const after = decodeTimeCursor(query.cursor);
  // Upcoming by default: meetings not yet over. A `to` alone reaches back without limit.
  const from = query.from ? new Date(query.from) : query.to ? undefined : now();
  const rows = await meetingsOfParty(db, viewer.id, {
    mentorshipId: query.mentorshipId,
    status: query.status,
    from,
    to: query.to ? new Date(query.to) : undefined,
    after,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, (r) => r.map(toMeeting), (r) => ({ at: r.starts_at, id: r.id }));
}

/** One meeting of the viewer's, with overlaps in either party's calendar. */
export async function getMeeting({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, id: string): Promise<Meeting> {
  return withOverlaps(db, await partyMeeting(db, id, viewer.id), viewer.id);
}

/** One meeting as an RFC 5545 file (METHOD:PUBLISH) for "add to calendar". */
export async function meetingIcs({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>, id: string): Promise<{ id: string; ics: string }> {
  const row = await partyMeeting(db, id, viewer.id);
  return { id: row.id, ics: await meetingsCalendar(db, [row], now()) };
}

/**
 * Edits or reschedules a scheduled meeting (either party). Any change to what a calendar shows
 * bumps SEQUENCE by one; a patch that changes nothing writes nothing.
 */
export async function updateMeeting({ db, now }: Ctx, viewer: Actor, meetingId: string, patch: z.output<typeof meetingPatch>): Promise<Meeting> {
  const seen = await partyMeeting(db, meetingId, viewer.id);
  const id = await db.transaction().execute(async (trx) => {
    const { mentorship, row } = await lockScheduledMeeting(trx, seen, viewer);
    const at = now();
    await enforceWorkspaceLimits(trx, 'meetings', viewer.id, at);
    const startsAt = patch.startsAt !== undefined ? new Date(patch.startsAt) : row.starts_at;
    const next = {
      title: patch.title ?? row.title,
      starts_at: startsAt,
      duration_minutes: patch.durationMinutes ?? row.duration_minutes,
      location: patch.location !== undefined ? patch.location || null : row.location,
      video_url: patch.videoUrl !== undefined ? patch.videoUrl : row.video_url,
      agenda: patch.agenda !== undefined ? patch.agenda || null : row.agenda,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) =>
      k === 'starts_at' ? next.starts_at.getTime() !== row.starts_at.getTime() : next[k] !== row[k]);
    if (changed.length === 0) return row.id;
    if (changed.includes('starts_at')) assertFuture(startsAt, at);
    const rescheduled = changed.includes('starts_at') || changed.includes('duration_minutes');
    const updated = await storeMeeting(trx, row.id, { ...next, sequence: row.sequence + 1, updated_at: at });
    const meeting = toMeeting({ ...updated, mentor_id: row.mentor_id, mentee_id: row.mentee_id });
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id, action: rescheduled ? 'meeting.rescheduled' : 'meeting.updated', entityType: 'meeting', entityId: row.id,
        details: { mentorshipId: mentorship.id, title: meeting.title, changed, previousStartsAt: row.starts_at.toISOString(), startsAt: meeting.startsAt, sequence: meeting.sequence },
      },
      notices: [{
        userId: otherParty(mentorship, viewer.id),
        kind: 'meeting.updated',
        data: { mentorshipId: mentorship.id, meetingId: row.id, title: meeting.title, startsAt: meeting.startsAt, previousStartsAt: row.starts_at.toISOString(), rescheduled, byId: viewer.id, byName: viewer.name },
      }],
      events: bothParties(mentorship, 'meeting.updated', meeting),
    });
    return row.id;
  });
  return withOverlaps(db, (await meetingById(db, id))!, viewer.id);
}

/** Either party, once the meeting has started (409 before), with notes. */
export async function completeMeeting({ db, now }: Ctx, viewer: Actor, meetingId: string, { notes }: z.output<typeof completeMeetingInput>): Promise<Meeting> {
  const seen = await partyMeeting(db, meetingId, viewer.id);
  return db.transaction().execute(async (trx): Promise<Meeting> => {
    const { mentorship, row } = await lockScheduledMeeting(trx, seen, viewer);
    const at = now();
    if (at.getTime() < row.starts_at.getTime()) {
      throw new ApiError('invalid_transition', 'A meeting can be completed only once it has started');
    }
    const updated = await storeMeeting(trx, row.id, { status: 'completed', notes, updated_at: at });
    const meeting = toMeeting({ ...updated, mentor_id: row.mentor_id, mentee_id: row.mentee_id });
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'meeting.completed', entityType: 'meeting', entityId: row.id, from: 'scheduled', to: 'completed', details: { mentorshipId: mentorship.id, title: row.title } },
      notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'meeting.completed', data: { mentorshipId: mentorship.id, meetingId: row.id, title: row.title, byId: viewer.id, byName: viewer.name } }],
      events: bothParties(mentorship, 'meeting.updated', meeting),
    });
    return meeting;
  });
}

/** Either party, with a reason; SEQUENCE goes up so calendars show it cancelled. */
export async function cancelMeeting({ db, now }: Ctx, viewer: Actor, meetingId: string, { reason }: z.output<typeof cancelMeetingInput>): Promise<Meeting> {
  const seen = await partyMeeting(db, meetingId, viewer.id);
  return db.transaction().execute(async (trx): Promise<Meeting> => {
    const { mentorship, row } = await lockScheduledMeeting(trx, seen, viewer);
    const at = now();
    await enforceWorkspaceLimits(trx, 'meetings', viewer.id, at);
    const updated = await storeMeeting(trx, row.id, { status: 'cancelled', cancel_reason: reason, sequence: row.sequence + 1, updated_at: at });
    const meeting = toMeeting({ ...updated, mentor_id: row.mentor_id, mentee_id: row.mentee_id });
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'meeting.cancelled', entityType: 'meeting', entityId: row.id, from: 'scheduled', to: 'cancelled', details: { mentorshipId: mentorship.id, title: row.title, reason } },
      notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'meeting.cancelled', data: { mentorshipId: mentorship.id, meetingId: row.id, title: row.title, startsAt: meeting.startsAt, reason, byId: viewer.id, byName: viewer.name } }],
      events: bothParties(mentorship, 'meeting.updated', meeting),
    });
    return meeting;
  });
}

/**
 * When a mentorship ends, its meetings still ahead are cancelled (their SEQUENCE bumped) so that
 * subscribed calendars drop them. Meetings already past stay as they were.
 */
export async function cancelFutureMeetings(
  trx: Db,
  mentorship: { id: string; mentor_id: string; mentee_id: string },
  actorId: string,
  at: Date,
  reason: string,
): Promise<number> {
  const rows = await cancelFutureMeetingRows(trx, mentorship.id, at, reason);
  for (const row of rows) {
    const meeting = toMeeting({ ...row, mentor_id: mentorship.mentor_id, mentee_id: mentorship.mentee_id });
    await record(trx, {
      now: at,
      audit: { actorId, action: 'meeting.cancelled', entityType: 'meeting', entityId: row.id, from: 'scheduled', to: 'cancelled', details: { mentorshipId: mentorship.id, title: row.title, reason, automatic: true } },
      events: bothParties(mentorship, 'meeting.updated', meeting),
    });
  }
  return rows.length;
}
