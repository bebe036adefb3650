import { z } from 'zod';
import { mentorApplication } from './applications.js';
import { id, isoDateTime } from './common.js';
import { mailKinds, mailStatuses, notificationPreferences } from './email.js';
import { mentorSettings } from './mentors.js';
import { mentorship } from './mentorships.js';
import { conversation, message } from './messages.js';
import { notification } from './notifications.js';
import { profile, user } from './profile.js';
import { mentorshipRequest } from './requests.js';
import { feedback, meeting, milestone, progressNote } from './workspace.js';

/** One thing the caller did, as the audit log recorded it (its free-form details stay out). */
export const exportedAuditEntry = z.object({
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  at: isoDateTime,
});

/** One mail written to the caller: what it was about and what became of it, not its body. */
export const exportedMail = z.object({
  id,
  kind: z.enum(mailKinds),
  subject: z.string(),
  status: z.enum(mailStatuses),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});

/**
 * `GET /me/export`: everything Mentorkit keeps about the caller, in the shapes the rest of the API
 * uses, in one JSON document (data portability). Lists are complete, not paged. Other people
 * appear only as the person summaries the caller already sees elsewhere.
 */
export const accountExport = z.object({
  exportedAt: isoDateTime,
  user,
  profile,
  mentor: mentorSettings.nullable(),
  mentorApplications: z.array(mentorApplication),
  requests: z.object({
    /** Requests the caller sent. */
    sent: z.array(mentorshipRequest),
    /** Requests the caller received as a mentor. */
    received: z.array(mentorshipRequest),
  }),
  mentorships: z.array(mentorship),
  meetings: z.array(meeting),
  milestones: z.array(milestone),
  progressNotes: z.array(progressNote),
  /** Feedback the caller wrote. */
  feedbackGiven: z.array(feedback),
  /** Feedback the other party left about the caller. */
  feedbackReceived: z.array(feedback),
  /** Each conversation with every message in it, oldest first (both parties' messages). */
  conversations: z.array(z.object({ conversation, messages: z.array(message) })),
  notifications: z.array(notification),
  /** The caller's mail settings, as `GET /me/notification-preferences` answers them. */
  notificationPreferences,
  /** What the caller did, oldest first. */
  auditEntries: z.array(exportedAuditEntry),
  /** Mail written to the caller (sent, waiting, skipped or failed), oldest first. */
  mail: z.array(exportedMail),
});
export type AccountExport = z.infer<typeof accountExport>;

/** The reason recorded on mentorships that ended because a party erased their account. */
export const ACCOUNT_ERASED_REASON = 'The other person deleted their account';

/**
 * `DELETE /me`: the account is erased at once and for good. The answer says what went with it;
 * afterwards any token for this person is answered 410 `account_deleted`.
 */
export const accountErasure = z.object({
  erasedAt: isoDateTime,
  /** Requests the caller had sent that were still waiting (now withdrawn). */
  withdrawnRequests: z.number().int().min(0),
  /** Requests waiting for the caller as a mentor (now declined, reason `mentor_unavailable`). */
  declinedRequests: z.number().int().min(0),
  /** Active or paused mentorships (now cancelled with `ACCOUNT_ERASED_REASON`). */
  cancelledMentorships: z.number().int().min(0),
});
export type AccountErasure = z.infer<typeof accountErasure>;
