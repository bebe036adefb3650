import { z } from 'zod';
import { id, isoDate, isoDateTime, page, pageQuery } from './common.js';
import { declineReasons, enrolmentRoles, milestoneStatuses, notificationKinds, type NotificationKind } from './values.js';
import { milestoneTemplates } from './workspace.js';

/** Who made the change a workspace notification is about (the recipient is the other party). */
const by = { byId: id, byName: z.string() };
const requestFromMentee = z.object({ requestId: id, menteeId: id, menteeName: z.string() });
const requestToMentor = z.object({ requestId: id, mentorId: id, mentorName: z.string() });
const applicationDecided = z.object({ applicationId: id, notes: z.string() });
const mentorshipChanged = z.object({ mentorshipId: id, ...by, reason: z.string().optional() });
const meetingNotice = z.object({ mentorshipId: id, meetingId: id, title: z.string(), ...by });

/**
 * Each notification kind's `data`: the ids and names (as they were when it was sent) the element
 * words it with. A name is replaced by "Deleted user" when that person erases their account.
 */
export const notificationData = {
  'request.received': requestFromMentee,
  'request.accepted': requestToMentor.extend({ mentorshipId: id }),
  'request.declined': requestToMentor.extend({ reason: z.enum(declineReasons) }),
  'request.withdrawn': requestFromMentee,
  /** The mentee is told the mentor's name, the mentor the mentee's. */
  'request.expired': z.union([requestToMentor, requestFromMentee]),
  'request.reminder': requestFromMentee.extend({ expiresAt: isoDateTime }),
  'application.approved': applicationDecided,
  'application.rejected': applicationDecided,
  'application.changes_requested': applicationDecided,
  'application.submitted': z.object({ applicationId: id, applicantName: z.string(), resubmitted: z.boolean() }),
  'mentor.suspended': z.object({ reason: z.string() }),
  'mentor.reactivated': z.object({}),
  'mentorship.paused': mentorshipChanged,
  'mentorship.resumed': mentorshipChanged,
  'mentorship.completed': mentorshipChanged,
  'mentorship.cancelled': mentorshipChanged,
  'feedback.received': z.object({ mentorshipId: id, feedbackId: id, ...by }),
  'timeline.updated': z.object({
    mentorshipId: id, targetEndDate: isoDate.nullable(), template: z.enum(milestoneTemplates).nullable(), milestonesAdded: z.number().int().min(0), ...by,
  }),
  'milestone.added': z.object({ mentorshipId: id, milestoneId: id, title: z.string(), dueDate: isoDate.nullable(), ...by }),
  'milestone.updated': z.object({ mentorshipId: id, milestoneId: id, title: z.string(), status: z.enum(milestoneStatuses), changed: z.array(z.string()), ...by }),
  'milestone.removed': z.object({ mentorshipId: id, milestoneId: id, title: z.string(), ...by }),
  'progress.note_added': z.object({ mentorshipId: id, noteId: id, progressPercent: z.number().int().nullable(), ...by }),
  'meeting.scheduled': meetingNotice.extend({ startsAt: isoDateTime }),
  /** `rescheduled`: the time or the length changed (`previousStartsAt` is the time before). */
  'meeting.updated': meetingNotice.extend({ startsAt: isoDateTime, previousStartsAt: isoDateTime, rescheduled: z.boolean() }),
  'meeting.completed': meetingNotice,
  'meeting.cancelled': meetingNotice.extend({ startsAt: isoDateTime, reason: z.string() }),
  /** To the person who enrolled: the confirmation, with the programme's dates. */
  'programme.enrolled': z.object({ programmeId: id, programmeName: z.string(), programmeSlug: z.string(), role: z.enum(enrolmentRoles), startsOn: isoDate, endsOn: isoDate }),
  /**
   * To the mentee of a pair an admin confirmed: the request made on their behalf, and why this
   * mentor (the match's score and reasons, as search shows them).
   */
  'programme.introduced': z.object({
    programmeId: id, programmeName: z.string(), requestId: id, mentorId: id, mentorName: z.string(), score: z.number().int(), reasons: z.array(z.string()),
  }),
} as const satisfies Record<NotificationKind, z.ZodType<Record<string, unknown>>>;

/** Each notification kind's `data`, e.g. `NotificationDataMap['request.accepted']['mentorName']`. */
export type NotificationDataMap = { [K in NotificationKind]: z.infer<(typeof notificationData)[K]> };
export type NotificationData<K extends NotificationKind = NotificationKind> = NotificationDataMap[K];
/** A field of some kind's data (e.g. the `menteeName` an erasure rewrites). */
export type NotificationDataKey = { [K in NotificationKind]: keyof NotificationDataMap[K] }[NotificationKind];
/** A kind with its data, discriminated on `kind` so `switch (n.kind)` narrows `data`. */
export type NotificationContent<K extends NotificationKind = NotificationKind> = { [T in K]: { kind: T; data: NotificationDataMap[T] } }[K];

const notificationOf = <K extends NotificationKind>(kind: K) =>
  z.object({ id, kind: z.literal(kind), data: notificationData[kind], readAt: isoDateTime.nullable(), createdAt: isoDateTime });

/** One notification of one kind. */
export type NotificationOf<K extends NotificationKind> = z.infer<ReturnType<typeof notificationOf<K>>>;
/** Any notification, discriminated on `kind`. */
export type Notification = { [K in NotificationKind]: NotificationOf<K> }[NotificationKind];

export const notification = z.discriminatedUnion(
  'kind',
  notificationKinds.map(notificationOf) as unknown as [ReturnType<typeof notificationOf>, ...ReturnType<typeof notificationOf>[]],
) as unknown as z.ZodType<Notification>;

export const notificationPage = page(notification).extend({ unreadCount: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPage>;

export const notificationListQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
/** `unread: true` lists only the unread ones. */
export type NotificationListParams = { limit?: number; cursor?: string; unread?: boolean };

/** Mark the given notifications read, or all of them. */
export const markReadInput = z.union([
  z.object({ ids: z.array(id).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.input<typeof markReadInput>;
export const markReadResult = z.object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) });
export type MarkReadResult = z.infer<typeof markReadResult>;
