import type { DeclineReason, Mentorship, MentorshipRequest } from '@mentorkit/contract';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, MentorshipRequestsTable } from '../../db/schema.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { record } from '../shared/record.js';

type Row = Selectable<MentorshipRequestsTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function toRequests(db: Db, rows: Row[]): Promise<MentorshipRequest[]> {
  if (rows.length === 0) return [];
  const people = await loadPeople(db, rows.flatMap((r) => [r.mentee_id, r.mentor_id]));
  const medians = new Map(
    (await db.selectFrom('mentors').select(['user_id', 'median_response_hours'])
      .where('user_id', 'in', [...new Set(rows.map((r) => r.mentor_id))]).execute())
      .map((m) => [m.user_id, m.median_response_hours]),
  );
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

/**
 * Declines every pending request of a mentor (turning "accepting" off with that option, or a
 * suspension), telling each mentee. Runs inside the caller's transaction.
 */
export async function declineAllPending(trx: Transaction<Database>, mentorId: string, actorId: string, now: Date, message: string | null): Promise<number> {
  const rows = await trx.updateTable('mentorship_requests')
    .set({ status: 'declined', decline_reason: 'mentor_unavailable' satisfies DeclineReason, decline_message: message, responded_at: now })
    .where('mentor_id', '=', mentorId).where('status', '=', 'pending')
    .returningAll().execute();
  const requests = await toRequests(trx, rows);
  for (const request of requests) {
    await record(trx, {
      now,
      audit: { actorId, action: 'request.declined', entityType: 'mentorship_request', entityId: request.id, from: 'pending', to: 'declined', details: { reason: 'mentor_unavailable' } },
      notices: [{ userId: request.mentee.id, kind: 'request.declined', data: { requestId: request.id, mentorId, mentorName: request.mentor.name, reason: 'mentor_unavailable' } }],
      events: requestEvents(request, 'request.updated'),
    });
  }
  return requests.length;
}

export type { Mentorship };
