import type { AccountExport, Message } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';
import { toApplications } from '../applications/applications.repository.js';
import { getPreferences } from '../email/preferences.repository.js';
import { mailSubject, type MailTemplate } from '../email/templates.js';
import { toFeedback } from '../lifecycle/lifecycle.repository.js';
import { meetingsWithParties, toMeeting } from '../meetings/meetings.repository.js';
import { toMentorships } from '../mentorships/mentorships.repository.js';
import { listConversations, toMessage } from '../messages/messages.repository.js';
import { toMilestone } from '../milestones/milestones.repository.js';
import { allNotifications, toNotification } from '../notifications/notifications.repository.js';
import { toProgressNote } from '../progress/progress.repository.js';
import { toRequests } from '../requests/requests.repository.js';

/** Larger than any one person's conversation count; the export is complete, not paged. */
const ALL = 1_000_000;

/** What the export holds besides the account itself (`getMe`). */
export type AccountRecords = Omit<AccountExport, 'exportedAt' | 'user' | 'profile' | 'mentor'>;

/**
 * Everything kept about one person besides the account itself. Content of the person's
 * mentorships (meetings, plan, notes, messages) is included whoever wrote it: it is the shared
 * record the person already sees. Run it in one snapshot so the parts agree with each other.
 */
export async function accountRecords(trx: Db, userId: string, now: Date): Promise<AccountRecords> {
  const mentorshipRows = await trx.selectFrom('mentorships').selectAll()
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .orderBy('started_at').orderBy('id').execute();
  const ids = mentorshipRows.map((m) => m.id);
  // `IN ()` is not SQL: without mentorships there is nothing to read for these three.
  const ofMentorships = <T>(read: (ids: string[]) => Promise<T[]>) => (ids.length > 0 ? read(ids) : Promise.resolve([]));
  const [applications, sent, received, meetings, milestones, notes, feedback, feedbackReceived, notifications, conversations, audit, mail] = await Promise.all([
    trx.selectFrom('mentor_applications').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
    trx.selectFrom('mentorship_requests').selectAll().where('mentee_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
    trx.selectFrom('mentorship_requests').selectAll().where('mentor_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
    ofMentorships((inIds) => meetingsWithParties(trx).where('m.mentorship_id', 'in', inIds).orderBy('m.starts_at').orderBy('m.id').execute()),
    ofMentorships((inIds) => trx.selectFrom('milestones').selectAll().where('mentorship_id', 'in', inIds)
      .orderBy('mentorship_id').orderBy('position').orderBy('id').execute()),
    ofMentorships((inIds) => trx.selectFrom('progress_notes').selectAll().where('mentorship_id', 'in', inIds).orderBy('created_at').orderBy('id').execute()),
    trx.selectFrom('feedback').selectAll().where('author_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
    trx.selectFrom('feedback').selectAll().where('subject_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
    allNotifications(trx, userId),
    listConversations(trx, userId, { limit: ALL }),
    trx.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id', 'from_state', 'to_state', 'created_at'])
      .where('actor_id', '=', userId).orderBy('id').execute(),
    trx.selectFrom('email_outbox').select(['id', 'kind', 'template', 'data', 'status', 'created_at', 'sent_at'])
      .where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute(),
  ]);
  const preferences = await getPreferences(trx, userId);
  const conversationIds = conversations.items.map((c) => c.id);
  const messageRows = conversationIds.length > 0
    ? await trx.selectFrom('messages').selectAll().where('conversation_id', 'in', conversationIds).orderBy('seq').execute()
    : [];
  const messages = new Map<string, Message[]>(conversationIds.map((id) => [id, []]));
  const mentorshipOf = new Map(conversations.items.map((c) => [c.id, c.mentorshipId]));
  for (const row of messageRows) messages.get(row.conversation_id)!.push(toMessage(row, mentorshipOf.get(row.conversation_id)!));
  return {
    mentorApplications: await toApplications(trx, applications),
    requests: { sent: await toRequests(trx, sent), received: await toRequests(trx, received) },
    mentorships: await toMentorships(trx, mentorshipRows),
    meetings: meetings.map(toMeeting),
    milestones: milestones.map((m) => toMilestone(m, now)),
    progressNotes: notes.map(toProgressNote),
    feedbackGiven: feedback.map(toFeedback),
    feedbackReceived: feedbackReceived.map(toFeedback),
    conversations: conversations.items.map((conversation) => ({ conversation, messages: messages.get(conversation.id)! })),
    notifications: notifications.map(toNotification),
    notificationPreferences: preferences,
    auditEntries: audit.map((a) => ({
      action: a.action, entityType: a.entity_type, entityId: a.entity_id, fromState: a.from_state, toState: a.to_state, at: a.created_at.toISOString(),
    })),
    mail: mail.map((m) => ({
      id: m.id,
      kind: m.kind,
      subject: mailSubject(m.template as MailTemplate, m.data, preferences.language),
      status: m.status,
      createdAt: m.created_at.toISOString(),
      sentAt: m.sent_at?.toISOString() ?? null,
    })),
  };
}
