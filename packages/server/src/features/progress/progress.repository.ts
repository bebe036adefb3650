import type { ProgressNote } from '@mentorkit/contract';
import { sql, type Selectable } from 'kysely';
import type { Db, ProgressNotesTable } from '../../db/schema.js';
import { meetingsWithParties } from '../meetings/meetings.repository.js';

export function toProgressNote(r: Selectable<ProgressNotesTable>): ProgressNote {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    authorId: r.author_id,
    body: r.body,
    progressPercent: r.progress_percent,
    createdAt: r.created_at.toISOString(),
  };
}

export async function insertProgressNote(
  db: Db,
  row: { id: string; mentorshipId: string; authorId: string; body: string; progressPercent: number | null; at: Date },
): Promise<ProgressNote> {
  const inserted = await db.insertInto('progress_notes').values({
    id: row.id, mentorship_id: row.mentorshipId, author_id: row.authorId, body: row.body, progress_percent: row.progressPercent, created_at: row.at,
  }).returningAll().executeTakeFirstOrThrow();
  return toProgressNote(inserted);
}

export async function progressNoteById(db: Db, id: string): Promise<ProgressNote> {
  return toProgressNote(await db.selectFrom('progress_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** A mentorship's latest notes, newest first. */
export async function latestNotes(db: Db, mentorshipId: string, limit: number): Promise<ProgressNote[]> {
  return (await db.selectFrom('progress_notes').selectAll().where('mentorship_id', '=', mentorshipId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toProgressNote);
}

/** The percent of the latest note that gave one, however old. */
export async function latestPercent(db: Db, mentorshipId: string): Promise<number | undefined> {
  const row = await db.selectFrom('progress_notes').select('progress_percent')
    .where('mentorship_id', '=', mentorshipId).where('progress_percent', 'is not', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.progress_percent ?? undefined;
}

/** The audit rows about the mentorship itself (status and plan changes), oldest first. */
export function mentorshipAudit(db: Db, mentorshipId: string, limit: number) {
  return db.selectFrom('audit_log').select(['action', 'actor_id', 'from_state', 'to_state', 'details', 'created_at', 'entity_id'])
    .where('entity_type', '=', 'mentorship').where('entity_id', '=', mentorshipId)
    .orderBy('id').limit(limit).execute();
}

/**
 * The audit rows of the mentorship's milestones except reorderings, oldest first. Milestone rows
 * may be gone (deleted): their history lives in the audit log, found through the mentorship id
 * its details carry (index `audit_by_mentorship`).
 */
export function milestoneAudit(db: Db, mentorshipId: string, limit: number) {
  return db.selectFrom('audit_log').select(['action', 'actor_id', 'from_state', 'to_state', 'details', 'created_at', 'entity_id'])
    .where(sql<string>`details->>'mentorshipId'`, '=', mentorshipId)
    .where('entity_type', '=', 'milestone').where('action', '<>', 'milestone.moved')
    .orderBy('id').limit(limit).execute();
}

/** The mentorship's meetings, earliest start first. */
export function meetingsOfMentorship(db: Db, mentorshipId: string, limit: number) {
  return meetingsWithParties(db).where('m.mentorship_id', '=', mentorshipId)
    .orderBy('m.starts_at').limit(limit).execute();
}
