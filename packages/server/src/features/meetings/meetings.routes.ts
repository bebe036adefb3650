import {
  cancelMeetingInput,
  completeMeetingInput,
  meetingInput,
  meetingListQuery,
  meetingPatch,
  type Meeting,
} from '@mentorkit/contract';
import { Hono } from 'hono';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';
import type { AppEnv, Viewer } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { calendarHeaders } from '../calendar/calendar.routes.js';
import { meetingsCalendar } from '../calendar/calendar.repository.js';
import { bothParties, lockOpenMentorship, otherParty, viewerRequired, type MentorshipRow } from '../lifecycle/workspace.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { decodeTimeCursor, pageOf } from '../shared/paging.js';
import { record } from '../shared/record.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import { meetingById, meetingsWithParties, partyMeeting, toMeeting, withOverlaps, type MeetingRow } from './meetings.repository.js';

function assertFuture(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new ApiError('validation_failed', 'Invalid json: startsAt', [{ path: ['startsAt'], message: 'Must be in the future' }]);
  }
}

/**
 * Locks, for a change, the viewer's meeting and its mentorship (404 for outsiders, 409 once the
 * mentorship has ended), and requires the meeting to be still scheduled.
 */
async function lockScheduledMeeting(trx: Transaction<Database>, seen: MeetingRow, viewer: Viewer): Promise<{ mentorship: MentorshipRow; row: MeetingRow }> {
  const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
  const row = (await meetingById(trx, seen.id, true))!;
  if (row.status !== 'scheduled') throw new ApiError('invalid_transition', `This meeting is ${row.status}; it can no longer be changed`);
  return { mentorship, row };
}

/** Mounted at `/mentorships`: `POST /mentorships/:id/meetings` (either party). */
export const mentorshipMeetingRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  .post('/:id/meetings', validate('json', meetingInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'meeting', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
      async (trx, id) => {
        const at = now();
        const startsAt = new Date(input.startsAt);
        assertFuture(startsAt, at);
        const mentorship = await lockOpenMentorship(trx, c.req.param('id'), viewer.id);
        await enforceWorkspaceLimits(trx, 'meetings', viewer.id, at);
        const inserted = await trx.insertInto('meetings').values({
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
        }).returningAll().executeTakeFirstOrThrow();
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
    return c.json(await withOverlaps(db, (await meetingById(db, resource))!, viewer.id), 201);
  });

/** Mounted at `/meetings`: the caller's meetings across mentorships, and each meeting's changes and calendar file. */
export const meetingRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  .get('/', validate('query', meetingListQuery), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    // Upcoming by default: meetings not yet over. A `to` alone reaches back without limit.
    const from = query.from ? new Date(query.from) : query.to ? undefined : now();
    let q = meetingsWithParties(db).where((eb) => eb.or([eb('ms.mentor_id', '=', viewer.id), eb('ms.mentee_id', '=', viewer.id)]));
    if (query.mentorshipId) q = q.where('ms.id', '=', query.mentorshipId);
    if (query.status) q = q.where('m.status', '=', query.status);
    if (from) q = q.where(sql<boolean>`m.starts_at + m.duration_minutes * interval '1 minute' > ${from}`);
    if (query.to) q = q.where('m.starts_at', '<', new Date(query.to));
    if (after) q = q.where(sql<boolean>`(m.starts_at, m.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
    const rows = await q.orderBy('m.starts_at').orderBy('m.id').limit(query.limit + 1).execute();
    return c.json(await pageOf(rows, query.limit, (r) => r.map(toMeeting), (r) => ({ at: r.starts_at, id: r.id })), 200);
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    return c.json(await withOverlaps(db, await partyMeeting(db, c.req.param('id'), viewer.id), viewer.id), 200);
  })
  /** One meeting as an RFC 5545 file (METHOD:PUBLISH) for "add to calendar". */
  .get('/:id/ics', async (c) => {
    const { db, now } = c.get('deps');
    const row = await partyMeeting(db, c.req.param('id'), c.get('viewer').id);
    return c.body(await meetingsCalendar(db, [row], now()), 200, calendarHeaders(`meeting-${row.id}.ics`, 'attachment'));
  })
  /**
   * Edits or reschedules a scheduled meeting (either party). Any change to what a calendar shows
   * bumps SEQUENCE by one; a patch that changes nothing writes nothing.
   */
  .patch('/:id', validate('json', meetingPatch), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const patch = c.req.valid('json');
    const seen = await partyMeeting(db, c.req.param('id'), viewer.id);
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
      const updated = await trx.updateTable('meetings')
        .set({ ...next, sequence: row.sequence + 1, updated_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
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
    return c.json(await withOverlaps(db, (await meetingById(db, id))!, viewer.id), 200);
  })
  /** Either party, once the meeting has started (409 before), with notes. */
  .post('/:id/complete', validate('json', completeMeetingInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const { notes } = c.req.valid('json');
    const seen = await partyMeeting(db, c.req.param('id'), viewer.id);
    const meeting = await db.transaction().execute(async (trx): Promise<Meeting> => {
      const { mentorship, row } = await lockScheduledMeeting(trx, seen, viewer);
      const at = now();
      if (at.getTime() < row.starts_at.getTime()) {
        throw new ApiError('invalid_transition', 'A meeting can be completed only once it has started');
      }
      const updated = await trx.updateTable('meetings').set({ status: 'completed', notes, updated_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      const meeting = toMeeting({ ...updated, mentor_id: row.mentor_id, mentee_id: row.mentee_id });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'meeting.completed', entityType: 'meeting', entityId: row.id, from: 'scheduled', to: 'completed', details: { mentorshipId: mentorship.id, title: row.title } },
        notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'meeting.completed', data: { mentorshipId: mentorship.id, meetingId: row.id, title: row.title, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(mentorship, 'meeting.updated', meeting),
      });
      return meeting;
    });
    return c.json(meeting, 200);
  })
  /** Either party, with a reason; SEQUENCE goes up so calendars show it cancelled. */
  .post('/:id/cancel', validate('json', cancelMeetingInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const { reason } = c.req.valid('json');
    const seen = await partyMeeting(db, c.req.param('id'), viewer.id);
    const meeting = await db.transaction().execute(async (trx): Promise<Meeting> => {
      const { mentorship, row } = await lockScheduledMeeting(trx, seen, viewer);
      const at = now();
      await enforceWorkspaceLimits(trx, 'meetings', viewer.id, at);
      const updated = await trx.updateTable('meetings').set({ status: 'cancelled', cancel_reason: reason, sequence: row.sequence + 1, updated_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      const meeting = toMeeting({ ...updated, mentor_id: row.mentor_id, mentee_id: row.mentee_id });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'meeting.cancelled', entityType: 'meeting', entityId: row.id, from: 'scheduled', to: 'cancelled', details: { mentorshipId: mentorship.id, title: row.title, reason } },
        notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'meeting.cancelled', data: { mentorshipId: mentorship.id, meetingId: row.id, title: row.title, startsAt: meeting.startsAt, reason, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(mentorship, 'meeting.updated', meeting),
      });
      return meeting;
    });
    return c.json(meeting, 200);
  });
