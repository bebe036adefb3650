import { ACCOUNT_ERASED_REASON, openMentorshipStatuses, type AccountErasure, type NotificationDataKey } from '@mentorkit/contract';
import { sql, type Kysely, type Transaction } from 'kysely';
import { accountDeleted } from '../../auth/users.repository.js';
import type { Database } from '../../db/schema.js';
import { otherParty } from '../lifecycle/workspace.js';
import { cancelFutureMeetings } from '../meetings/meetings.repository.js';
import { toMentorships } from '../mentorships/mentorships.repository.js';
import { declineAllPending, requestEvents, toRequests } from '../requests/requests.repository.js';
import { announceErased, record } from '../shared/record.js';

/** How an erased person is named wherever they still appear (see `loadPeople`). */
export const DELETED_NAME = 'Deleted user';

/** Withdraws the person's waiting requests, telling each mentor. */
async function withdrawSent(trx: Transaction<Database>, userId: string, at: Date): Promise<number> {
  const rows = await trx.updateTable('mentorship_requests').set({ status: 'withdrawn', responded_at: null })
    .where('mentee_id', '=', userId).where('status', '=', 'pending')
    .returningAll().execute();
  for (const request of await toRequests(trx, rows)) {
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'request.withdrawn', entityType: 'mentorship_request', entityId: request.id, from: 'pending', to: 'withdrawn', details: { reason: 'account_erased' } },
      notices: [{ userId: request.mentor.id, kind: 'request.withdrawn', data: { requestId: request.id, menteeId: userId, menteeName: DELETED_NAME } }],
      events: requestEvents(request, 'request.updated'),
    });
  }
  return rows.length;
}

/**
 * Cancels the person's active and paused mentorships (freeing mentors' slots through the slot
 * trigger, cancelling meetings ahead), telling the other party. The mentor rows are locked first,
 * in id order, as everywhere else that changes a mentorship's status, so this cannot deadlock
 * with an accept or a status change of the same mentors.
 */
async function cancelOpen(trx: Transaction<Database>, userId: string, at: Date): Promise<number> {
  const open = await trx.selectFrom('mentorships').select(['id', 'mentor_id', 'status'])
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', 'in', openMentorshipStatuses).execute();
  if (open.length === 0) return 0;
  const mentorIds = [...new Set(open.map((m) => m.mentor_id))].sort();
  await trx.selectFrom('mentors').select('user_id').where('user_id', 'in', mentorIds).orderBy('user_id').forUpdate().execute();
  const rows = await trx.updateTable('mentorships')
    .set({ status: 'cancelled', ended_at: at, end_reason: ACCOUNT_ERASED_REASON, updated_at: at })
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', 'in', openMentorshipStatuses)
    .returningAll().execute();
  const mentorships = await toMentorships(trx, rows);
  const before = new Map(open.map((m) => [m.id, m.status]));
  for (const [i, row] of rows.entries()) {
    const other = otherParty(row, userId);
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'mentorship.cancelled', entityType: 'mentorship', entityId: row.id, from: before.get(row.id) ?? null, to: 'cancelled', details: { reason: ACCOUNT_ERASED_REASON } },
      notices: [{ userId: other, kind: 'mentorship.cancelled', data: { mentorshipId: row.id, byId: userId, byName: DELETED_NAME, reason: ACCOUNT_ERASED_REASON } }],
      events: [{ userId: other, type: 'mentorship.updated', data: mentorships[i]! }],
    });
    await cancelFutureMeetings(trx, row, userId, at, ACCOUNT_ERASED_REASON);
  }
  return rows.length;
}

/**
 * Erases an account in one transaction: `deleted_at` is set, which unlists a mentor (trigger of
 * migration 0004) and keeps every token of this person out (`upsertUserFromClaims`); waiting
 * requests are withdrawn or declined and open mentorships cancelled; then every personal field is
 * emptied (name, contact details, profile, mentor settings, applications, feed token), so are the
 * texts they wrote into shared records (request goals and messages, decline messages, progress
 * notes, feedback comments), and the person's notifications, events, mail settings and outbox are
 * removed. Messages stay for the other party with `senderId` null ("Deleted user"); other rows
 * keep the id, which now names nobody (`loadPeople`). RELIABILITY.md has the table.
 */
export async function eraseAccount(db: Kysely<Database>, userId: string, now: () => Date): Promise<AccountErasure> {
  return db.transaction().execute(async (trx) => {
    // Lock order as in accept and create: the person's mentor row, then the person's user row.
    await trx.selectFrom('mentors').select('user_id').where('user_id', '=', userId).forUpdate().execute();
    const user = await trx.selectFrom('users').select('deleted_at').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (user.deleted_at !== null) throw accountDeleted();
    const at = now();
    // First, so that every notification and event written below already names a "Deleted user".
    await trx.updateTable('users')
      .set({ name: DELETED_NAME, email: null, avatar_url: null, calendar_feed_token: null, deleted_at: at, updated_at: at })
      .where('id', '=', userId).execute();

    const withdrawnRequests = await withdrawSent(trx, userId, at);
    const declinedRequests = await declineAllPending(trx, userId, userId, at, null);
    const cancelledMentorships = await cancelOpen(trx, userId, at);

    await trx.updateTable('profiles').set({
      headline: '', bio: '', goals: '', skills: [], industry: '', company: '', position: '', location: '', time_zone: null,
      languages: [], graduation_year: null, programme: '', linkedin_url: null, website_url: null, updated_at: at,
    }).where('user_id', '=', userId).execute();
    await trx.updateTable('mentors').set({
      accepting_mentees: false, away_until: null, expertise: [], mentoring_bio: '', updated_at: at,
    }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('mentor_applications').where('user_id', '=', userId).execute();
    await trx.updateTable('messages').set({ sender_id: null }).where('sender_id', '=', userId).execute();
    // What the person wrote that the other party still sees is emptied (the elements show
    // "Removed when the account was deleted"); the rows stay, since the other party's history
    // (statuses, dates, ratings, the mentorship) needs them. Messages are the exception, kept as
    // the design says: a conversation with one side cut out would make no sense.
    await trx.updateTable('mentorship_requests').set({ goals: '', message: '', skills_seeking: [] }).where('mentee_id', '=', userId).execute();
    await trx.updateTable('mentorship_requests').set({ decline_message: '' }).where('mentor_id', '=', userId).where('decline_message', 'is not', null).execute();
    await trx.updateTable('progress_notes').set({ body: '' }).where('author_id', '=', userId).execute();
    await trx.updateTable('feedback').set({ comment: '' }).where('author_id', '=', userId).execute();
    // Names kept inside other people's notifications (a snapshot taken when they were sent).
    const people = [['menteeId', 'menteeName'], ['mentorId', 'mentorName'], ['byId', 'byName']] as const satisfies readonly (readonly [NotificationDataKey, NotificationDataKey])[];
    for (const [idKey, nameKey] of people) {
      await sql`UPDATE notifications SET data = data || jsonb_build_object(${nameKey}::text, ${DELETED_NAME}::text)
        WHERE data->>${idKey}::text = ${userId}::text AND data->>${nameKey}::text IS NOT NULL`.execute(trx);
    }
    // Mail not yet sent to this person goes too (the outbox holds their address and the content).
    for (const table of ['notifications', 'events', 'idempotency_keys', 'notification_preferences', 'email_outbox'] as const) {
      await trx.deleteFrom(table).where('user_id', '=', userId).execute();
    }
    await announceErased(trx, [userId]);
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'user.erased', entityType: 'user', entityId: userId, details: { withdrawnRequests, declinedRequests, cancelledMentorships } },
    });
    return { erasedAt: at.toISOString(), withdrawnRequests, declinedRequests, cancelledMentorships };
  });
}
