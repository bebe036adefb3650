import type { Meeting, MeetingOverlap, MeetingStatus } from '@mentorkit/contract';
import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Database, Db, MeetingsTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { bothParties } from '../lifecycle/workspace.js';
import { UUID, type TimeCursor } from '../shared/paging.js';

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

/** Which of the viewer's meetings a list shows; `from` keeps meetings not yet over at that time. */
export interface MeetingFilter {
  mentorshipId?: string | undefined;
  status?: MeetingStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  after?: TimeCursor | undefined;
  limit: number;
}

/** The viewer's meetings (as either party), by start time then id. */
export function meetingsOfParty(db: Db, viewerId: string, filter: MeetingFilter): Promise<MeetingRow[]> {
  const { mentorshipId, status, from, to, after } = filter;
  let q = meetingsWithParties(db).where((eb) => eb.or([eb('ms.mentor_id', '=', viewerId), eb('ms.mentee_id', '=', viewerId)]));
  if (mentorshipId) q = q.where('ms.id', '=', mentorshipId);
  if (status) q = q.where('m.status', '=', status);
  if (from) q = q.where(sql<boolean>`m.starts_at + m.duration_minutes * interval '1 minute' > ${from}`);
  if (to) q = q.where('m.starts_at', '<', to);
  if (after) q = q.where(sql<boolean>`(m.starts_at, m.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('m.starts_at').orderBy('m.id').limit(filter.limit).execute();
}

export function insertMeeting(db: Db, values: Insertable<MeetingsTable>) {
  return db.insertInto('meetings').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateMeeting(db: Db, id: string, set: Updateable<MeetingsTable>) {
  return db.updateTable('meetings').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
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

/** Cancels a mentorship's scheduled meetings that have not started; answers the rows it changed. */
export function cancelFutureMeetingRows(db: Db, mentorshipId: string, at: Date, reason: string) {
  return db.updateTable('meetings')
    .set((eb) => ({ status: 'cancelled', cancel_reason: reason, sequence: eb('sequence', '+', 1), updated_at: at }))
    .where('mentorship_id', '=', mentorshipId).where('status', '=', 'scheduled').where('starts_at', '>', at)
    .returningAll().execute();
}
