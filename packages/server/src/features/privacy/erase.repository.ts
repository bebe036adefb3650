import { openMentorshipStatuses, type NotificationDataKey } from '@mentorkit/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

/** How an erased person is named wherever they still appear (see `loadPeople`). */
export const DELETED_NAME = 'Deleted user';

/**
 * Locks the person's mentor row (if any), then their user row: the lock order of accept and
 * create. When the account was already erased, then.
 */
export async function lockAccount(db: Db, userId: string): Promise<Date | null> {
  await db.selectFrom('mentors').select('user_id').where('user_id', '=', userId).forUpdate().execute();
  const user = await db.selectFrom('users').select('deleted_at').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
  return user.deleted_at;
}

/**
 * Sets `deleted_at`, which unlists a mentor (trigger of migration 0004) and keeps every token of
 * this person out (`upsertUserFromClaims`), and empties name, contact details and feed token.
 */
export async function markErased(db: Db, userId: string, at: Date): Promise<void> {
  await db.updateTable('users')
    .set({ name: DELETED_NAME, email: null, avatar_url: null, calendar_feed_token: null, deleted_at: at, updated_at: at })
    .where('id', '=', userId).execute();
}

/** The person's active and paused mentorships, as either party. */
export function openMentorshipsOf(db: Db, userId: string) {
  return db.selectFrom('mentorships').select(['id', 'mentor_id', 'status'])
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', 'in', openMentorshipStatuses).execute();
}

/** Locks mentor rows in id order, as everywhere that locks several. */
export async function lockMentors(db: Db, mentorIds: string[]): Promise<void> {
  await db.selectFrom('mentors').select('user_id').where('user_id', 'in', [...mentorIds].sort()).orderBy('user_id').forUpdate().execute();
}

/** Cancels the person's active and paused mentorships; the cancelled rows. */
export function cancelOpenMentorships(db: Db, userId: string, reason: string, at: Date) {
  return db.updateTable('mentorships')
    .set({ status: 'cancelled', ended_at: at, end_reason: reason, updated_at: at })
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', 'in', openMentorshipStatuses)
    .returningAll().execute();
}

/**
 * Empties every personal field (profile, mentor settings, applications), the texts the person
 * wrote into shared records (request goals and messages, decline messages, progress notes,
 * feedback comments) and their name inside other people's notifications, and removes their
 * notifications, events, idempotency keys, mail settings and outbox. Messages stay for the other
 * party with `senderId` null.
 */
export async function erasePersonalData(db: Db, userId: string, at: Date): Promise<void> {
  await db.updateTable('profiles').set({
    headline: '', bio: '', goals: '', skills: [], industry: '', company: '', position: '', location: '', time_zone: null,
    languages: [], graduation_year: null, programme: '', linkedin_url: null, website_url: null, updated_at: at,
  }).where('user_id', '=', userId).execute();
  await db.updateTable('mentors').set({
    accepting_mentees: false, away_until: null, expertise: [], mentoring_bio: '', updated_at: at,
  }).where('user_id', '=', userId).execute();
  await db.deleteFrom('mentor_applications').where('user_id', '=', userId).execute();
  await db.updateTable('messages').set({ sender_id: null }).where('sender_id', '=', userId).execute();
  // What the person wrote that the other party still sees is emptied (the elements show
  // "Removed when the account was deleted"); the rows stay, since the other party's history
  // (statuses, dates, ratings, the mentorship) needs them. Messages are the exception, kept as
  // the design says: a conversation with one side cut out would make no sense.
  await db.updateTable('mentorship_requests').set({ goals: '', message: '', skills_seeking: [] }).where('mentee_id', '=', userId).execute();
  await db.updateTable('mentorship_requests').set({ decline_message: '' }).where('mentor_id', '=', userId).where('decline_message', 'is not', null).execute();
  await db.updateTable('progress_notes').set({ body: '' }).where('author_id', '=', userId).execute();
  await db.updateTable('feedback').set({ comment: '' }).where('author_id', '=', userId).execute();
  // Names kept inside other people's notifications (a snapshot taken when they were sent).
  const people = [['menteeId', 'menteeName'], ['mentorId', 'mentorName'], ['byId', 'byName']] as const satisfies readonly (readonly [NotificationDataKey, NotificationDataKey])[];
  for (const [idKey, nameKey] of people) {
    await sql`UPDATE notifications SET data = data || jsonb_build_object(${nameKey}::text, ${DELETED_NAME}::text)
      WHERE data->>${idKey}::text = ${userId}::text AND data->>${nameKey}::text IS NOT NULL`.execute(db);
  }
  // Mail not yet sent to this person goes too (the outbox holds their address and the content).
  for (const table of ['notifications', 'events', 'idempotency_keys', 'notification_preferences', 'email_outbox'] as const) {
    await db.deleteFrom(table).where('user_id', '=', userId).execute();
  }
}
