import { z } from 'zod';
import { id, isoDateTime, page, pageQuery } from './common.js';

/** What happened, for whom: the element words it; `data` holds the ids and names it needs. */
export const notificationKinds = [
  'request.received',
  'request.accepted',
  'request.declined',
  'request.withdrawn',
  'request.expired',
  'request.reminder',
  'application.approved',
  'application.rejected',
  'application.changes_requested',
  // To every admin: an application (or a resubmission) waits for review.
  'application.submitted',
  'mentor.suspended',
  'mentor.reactivated',
  // The mentorship workspace (issue 4): each goes to the other party of the change.
  'mentorship.paused',
  'mentorship.resumed',
  'mentorship.completed',
  'mentorship.cancelled',
  'feedback.received',
  'timeline.updated',
  'milestone.added',
  'milestone.updated',
  'milestone.removed',
  'progress.note_added',
  'meeting.scheduled',
  'meeting.updated',
  'meeting.completed',
  'meeting.cancelled',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notification = z.object({
  id,
  kind: z.enum(notificationKinds),
  data: z.record(z.string(), z.unknown()),
  readAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notification>;

export const notificationPage = page(notification).extend({ unreadCount: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPage>;

export const notificationListQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

/** Mark the given notifications read, or all of them. */
export const markReadInput = z.union([
  z.object({ ids: z.array(id).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.input<typeof markReadInput>;
export const markReadResult = z.object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) });
export type MarkReadResult = z.infer<typeof markReadResult>;
