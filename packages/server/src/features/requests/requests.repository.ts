import { openMentorshipStatuses, type DeclineReason, type MentorshipRequest, type RequestStatus } from '@mentorkit/contract';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, MentorshipRequestsTable } from '../../db/schema.js';
import type { TimeCursor } from '../shared/paging.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { loadProgrammeRefs } from '../shared/programme-refs.repository.js';

type Row = Selectable<MentorshipRequestsTable>;

export async function toRequests(db: Db, rows: Row[]): Promise<MentorshipRequest[]> {
  if (rows.length === 0) return [];
  const people = await loadPeople(db, rows.flatMap((r) => [r.mentee_id, r.mentor_id]));
  const medians = new Map(
    (await db.selectFrom('mentors').select(['user_id', 'median_response_hours'])
      .where('user_id', 'in', [...new Set(rows.map((r) => r.mentor_id))]).execute())
      .map((m) => [m.user_id, m.median_response_hours]),
  );
  const programmes = await loadProgrammeRefs(db, rows.map((r) => r.programme_id));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    goals: r.goals,
    skillsSeeking: r.skills_seeking,
    message: r.message,
    declineReason: r.decline_reason as DeclineReason | null,
    declineMessage: r.decline_message,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    mentee: personOrThrow(people, r.mentee_id),
    mentor: personOrThrow(people, r.mentor_id),
    mentorMedianResponseHours: roundHours(medians.get(r.mentor_id) ?? null),
    programme: r.programme_id ? (programmes.get(r.programme_id) ?? null) : null,
    introduced: r.introduced,
  }));
}

export const roundHours = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);

export async function toRequest(db: Db, row: Row): Promise<MentorshipRequest> {
  return (await toRequests(db, [row]))[0]!;
}

export function requestById(db: Db, id: string, lock = false) {
  let q = db.selectFrom('mentorship_requests').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A page of the requests the user sent (`mentee`) or received (`mentor`), one row more than `limit`. */
export function requestPage(
  db: Db,
  userId: string,
  { role, status, after, limit, ascending }: { role: 'mentee' | 'mentor'; status?: RequestStatus; after?: TimeCursor; limit: number; ascending: boolean },
) {
  let q = db.selectFrom('mentorship_requests').selectAll()
    .where(role === 'mentor' ? 'mentor_id' : 'mentee_id', '=', userId);
  if (status) q = q.where('status', '=', status);
  if (after) {
    q = ascending
      ? q.where(sql<boolean>`(created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)`)
      : q.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  const dir = ascending ? 'asc' : 'desc';
  return q.orderBy('created_at', dir).orderBy('id', dir).limit(limit + 1).execute();
}

/** A mentor as a new request needs them, the mentor row share-locked so it cannot change meanwhile. */
export function mentorForRequest(db: Db, mentorId: string) {
  return db.selectFrom('mentors').innerJoin('users', 'users.id', 'mentors.user_id')
    .select(['mentors.status', 'mentors.accepting_mentees', 'mentors.away_until', 'mentors.capacity', 'mentors.open_mentorships', 'users.deleted_at'])
    .where('mentors.user_id', '=', mentorId).forShare('mentors').executeTakeFirst();
}

/** Locks a user row: serializes one person's writes. */
export async function lockUser(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** A mentee's pending requests: to whom, and whether a programme's admin made it (an introduction). */
export function pendingRequestsOf(db: Db, menteeId: string): Promise<{ mentor_id: string; introduced: boolean }[]> {
  return db.selectFrom('mentorship_requests').select(['mentor_id', 'introduced'])
    .where('mentee_id', '=', menteeId).where('status', '=', 'pending').execute();
}

/** Whether the two have an active or paused mentorship. */
export async function hasOpenMentorship(db: Db, mentorId: string, menteeId: string): Promise<boolean> {
  const open = await db.selectFrom('mentorships').select('id').where('mentor_id', '=', mentorId)
    .where('mentee_id', '=', menteeId).where('status', 'in', openMentorshipStatuses).executeTakeFirst();
  return open !== undefined;
}

export function insertRequest(db: Db, values: Insertable<MentorshipRequestsTable>) {
  return db.insertInto('mentorship_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The accepting mentor's slots, the mentor row locked (accepting and capacity changes take it too). */
export function lockMentorSlots(db: Db, mentorId: string) {
  return db.selectFrom('mentors').select(['capacity', 'open_mentorships', 'status'])
    .where('user_id', '=', mentorId).forUpdate().executeTakeFirst();
}

/** The mentorship an accepted request made. */
export function mentorshipOfRequest(db: Db, requestId: string) {
  return db.selectFrom('mentorships').selectAll().where('request_id', '=', requestId).executeTakeFirstOrThrow();
}

/** Starts the mentorship of a request (in the request's programme, if any), with its conversation. */
export async function startMentorship(db: Db, request: Row, at: Date) {
  const made = await db.insertInto('mentorships').values({
    request_id: request.id, mentor_id: request.mentor_id, mentee_id: request.mentee_id, programme_id: request.programme_id, started_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('conversations').values({ mentorship_id: made.id, created_at: at }).execute();
  return made;
}

export function markAccepted(db: Db, id: string, at: Date) {
  return db.updateTable('mentorship_requests').set({ status: 'accepted', responded_at: at })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function markDeclined(db: Db, id: string, reason: DeclineReason, message: string | null, at: Date) {
  return db.updateTable('mentorship_requests')
    .set({ status: 'declined', decline_reason: reason, decline_message: message, responded_at: at })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function markWithdrawn(db: Db, id: string) {
  return db.updateTable('mentorship_requests').set({ status: 'withdrawn', responded_at: null })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Withdraws every pending request a mentee sent; the withdrawn rows. */
export function withdrawAllSent(db: Db, menteeId: string) {
  return db.updateTable('mentorship_requests').set({ status: 'withdrawn', responded_at: null })
    .where('mentee_id', '=', menteeId).where('status', '=', 'pending')
    .returningAll().execute();
}

/** Median hours from request to answer over the last 90 days, stored on the mentor for search. */
export async function refreshMedianResponse(trx: Db, mentorId: string, now: Date): Promise<void> {
  await sql`
    UPDATE mentors SET median_response_hours = (
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.created_at) / 3600.0)
      FROM mentorship_requests r
      WHERE r.mentor_id = ${mentorId} AND r.responded_at IS NOT NULL AND r.status IN ('accepted', 'declined')
        AND r.responded_at > ${now}::timestamptz - interval '90 days'
    ) WHERE user_id = ${mentorId}`.execute(trx);
}

/** The request as both parties see it, for their realtime streams. */
export function requestEvents(request: MentorshipRequest, type: 'request.created' | 'request.updated') {
  return [
    { userId: request.mentee.id, type, data: request },
    { userId: request.mentor.id, type, data: request },
  ];
}

/** Declines every pending request of a mentor as `mentor_unavailable`; answers the rows it changed. */
export function declinePendingOf(db: Db, mentorId: string, now: Date, message: string | null) {
  return db.updateTable('mentorship_requests')
    .set({ status: 'declined', decline_reason: 'mentor_unavailable' satisfies DeclineReason, decline_message: message, responded_at: now })
    .where('mentor_id', '=', mentorId).where('status', '=', 'pending')
    .returningAll().execute();
}
