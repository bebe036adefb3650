import type { Meeting, MeetingOverlap } from '@mentorkit/contract';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database, MeetingsTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { bothParties, type Db } from '../lifecycle/workspace.js';
import { UUID } from '../shared/paging.js';
import { record } from '../shared/record.js';

/** A meeting row with the two people of its mentorship. */
export type MeetingRow = Selectable<MeetingsTable> & { mentor_id: string; mentee_id: string };

const MINUTE_MS = 60_000;
export const endOf = (row: { starts_at: Date; duration_minutes: number }) => new Date(row.starts_at.getTime() + row.duration_minutes * MINUTE_MS);

export function meetingsWithParties(db: Db) {
  return db.selectFrom('meetings as m')
    .innerJoin('mentorships as ms', 'ms.id', 'm.mentorship_id')
    .selectAll('m')
    .select(['ms.mentor_id', 'ms.mentee_id']);
}

export function toMeeting(r: MeetingRow): Meeting {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    mentorId: r.mentor_id,
    menteeId: r.mentee_id,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: endOf(r).toISOString(),
    durationMinutes: r.duration_minutes,
    location: r.location,
    videoUrl: r.video_url,
    agenda: r.agenda,
    status: r.status,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    sequence: r.sequence,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function meetingById(db: Db, id: string, lock = false): Promise<MeetingRow | undefined> {
  let q = meetingsWithParties(db).where('m.id', '=', id);
  if (lock) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

/** A meeting of one of the viewer's mentorships; 404 for anyone else. */
export async function partyMeeting(db: Db, id: string, viewerId: string): Promise<MeetingRow> {
  const row = UUID.test(id) ? await meetingById(db, id) : undefined;
  if (!row || (row.mentor_id !== viewerId && row.mentee_id !== viewerId)) throw notFound('Meeting');
  return row;
}

/**
 * Other scheduled meetings of either participant overlapping this one. The viewer sees the
 * title and id only of meetings they take part in; of the other party's meetings elsewhere, only
 * that the time is taken.
 */
export async function findOverlaps(db: Db, meeting: MeetingRow, viewerId: string): Promise<MeetingOverlap[]> {
  if (meeting.status !== 'scheduled') return [];
  const people = [meeting.mentor_id, meeting.mentee_id];
  const rows = await meetingsWithParties(db)
    .where('m.status', '=', 'scheduled')
    .where('m.id', '<>', meeting.id)
    .where((eb) => eb.or([eb('ms.mentor_id', 'in', people), eb('ms.mentee_id', 'in', people)]))
    .where('m.starts_at', '<', endOf(meeting))
    .where(sql<boolean>`m.starts_at + m.duration_minutes * interval '1 minute' > ${meeting.starts_at}`)
    .orderBy('m.starts_at').orderBy('m.id')
    .limit(20)
    .execute();
  return rows.map((r) => {
    const visible = r.mentor_id === viewerId || r.mentee_id === viewerId;
    return {
      meetingId: visible ? r.id : null,
      title: visible ? r.title : null,
      startsAt: r.starts_at.toISOString(),
      endsAt: endOf(r).toISOString(),
      participantIds: people.filter((p) => p === r.mentor_id || p === r.mentee_id),
    };
  });
}

export async function withOverlaps(db: Db, row: MeetingRow, viewerId: string): Promise<Meeting> {
  return { ...toMeeting(row), overlaps: await findOverlaps(db, row, viewerId) };
}

/**
 * When a mentorship ends, its meetings still ahead are cancelled (their SEQUENCE bumped) so that
 * subscribed calendars drop them. Meetings already past stay as they were.
 */
export async function cancelFutureMeetings(
  trx: Transaction<Database>,
  mentorship: { id: string; mentor_id: string; mentee_id: string },
  actorId: string,
  at: Date,
  reason: string,
): Promise<number> {
  const rows = await trx.updateTable('meetings')
    .set((eb) => ({ status: 'cancelled', cancel_reason: reason, sequence: eb('sequence', '+', 1), updated_at: at }))
    .where('mentorship_id', '=', mentorship.id).where('status', '=', 'scheduled').where('starts_at', '>', at)
    .returningAll().execute();
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
