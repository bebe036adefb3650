import type { Feedback, MentorshipStatus, Page, StatusChange } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { Db, FeedbackTable } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';

/**
 * Locks the mentor row of a mentorship the viewer takes part in, found from the mentorship in
 * the same statement (a mentorship's mentor never changes). Locks nothing for anyone else.
 */
export async function lockMentorOfMentorship(db: Db, mentorshipId: string, viewerId: string): Promise<void> {
  await db.selectFrom('mentors').select('user_id')
    .where('user_id', '=', (eb) => eb.selectFrom('mentorships').select('mentor_id')
      .where('id', '=', mentorshipId).where((w) => w.or([w('mentor_id', '=', viewerId), w('mentee_id', '=', viewerId)])))
    .forUpdate().execute();
}

/** Writes the new status; ending it also stamps the end time and reason. */
export function setMentorshipStatus(db: Db, id: string, to: MentorshipStatus, at: Date, end: { reason: string | null } | undefined) {
  return db.updateTable('mentorships')
    .set({ status: to, updated_at: at, ...(end ? { ended_at: at, end_reason: end.reason } : {}) })
    .where('id', '=', id)
    .returningAll().executeTakeFirstOrThrow();
}

/** History cursors are audit-log ids (`bigint`, read as strings). */
const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeIdCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = Buffer.from(raw, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(id)) {
    throw new ApiError('validation_failed', 'Invalid query: cursor', [{ path: ['cursor'], message: 'Not a cursor from this list' }]);
  }
  return id;
}

/** The status changes of a mentorship, oldest first, from the audit log. */
export async function statusHistory(db: Db, mentorshipId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<StatusChange>> {
  const after = decodeIdCursor(query.cursor);
  let q = db.selectFrom('audit_log').select(['id', 'actor_id', 'from_state', 'to_state', 'details', 'created_at'])
    .where('entity_type', '=', 'mentorship').where('entity_id', '=', mentorshipId).where('to_state', 'is not', null);
  if (after) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(query.limit + 1).execute();
  const kept = rows.slice(0, query.limit);
  return {
    items: kept.map((r) => ({
      at: r.created_at.toISOString(),
      from: r.from_state as MentorshipStatus | null,
      to: r.to_state as MentorshipStatus,
      actorId: r.actor_id,
      reason: typeof r.details['reason'] === 'string' ? r.details['reason'] : null,
    })),
    nextCursor: rows.length > query.limit && kept.length > 0 ? encodeIdCursor(String(kept.at(-1)!.id)) : null,
  };
}

export function toFeedback(r: Selectable<FeedbackTable>): Feedback {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    authorId: r.author_id,
    subjectId: r.subject_id,
    rating: r.rating,
    comment: r.comment,
    createdAt: r.created_at.toISOString(),
  };
}

/** All feedback given on a mentorship (at most one per party). */
export function feedbackOn(db: Db, mentorshipId: string) {
  return db.selectFrom('feedback').selectAll().where('mentorship_id', '=', mentorshipId).execute();
}

/** Whether `authorId` already left feedback on the mentorship. */
export async function hasGivenFeedback(db: Db, mentorshipId: string, authorId: string): Promise<boolean> {
  const earlier = await db.selectFrom('feedback').select('id')
    .where('mentorship_id', '=', mentorshipId).where('author_id', '=', authorId).executeTakeFirst();
  return earlier !== undefined;
}

export async function insertFeedback(
  db: Db,
  row: { id: string; mentorshipId: string; authorId: string; subjectId: string; rating: number; comment: string; at: Date },
): Promise<Feedback> {
  const inserted = await db.insertInto('feedback').values({
    id: row.id, mentorship_id: row.mentorshipId, author_id: row.authorId, subject_id: row.subjectId,
    rating: row.rating, comment: row.comment, created_at: row.at,
  }).returningAll().executeTakeFirstOrThrow();
  return toFeedback(inserted);
}

export async function feedbackById(db: Db, id: string): Promise<Feedback> {
  return toFeedback(await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
