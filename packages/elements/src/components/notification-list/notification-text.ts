import type { Notification } from '@mentorkit/contract';

const str = (data: Record<string, unknown>, key: string): string | undefined => {
  const v = data[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

const quoted = (title: string | undefined) => (title ? `“${title}”` : 'a meeting');

/**
 * One notification in words, from its kind and the names and titles in its data
 * ("Ana Villanueva accepted your request"). Missing names fall back to a neutral phrase; an
 * unknown kind (a newer server) still reads as something.
 */
export function notificationText(n: Pick<Notification, 'kind' | 'data'>): string {
  const d = n.data ?? {};
  const mentor = str(d, 'mentorName') ?? 'Your mentor';
  const mentee = str(d, 'menteeName') ?? 'A mentee';
  const by = str(d, 'byName') ?? 'The other person';
  const title = str(d, 'title');
  switch (n.kind) {
    case 'request.received':
      return `${mentee} sent you a mentorship request`;
    case 'request.accepted':
      return `${mentor} accepted your request`;
    case 'request.declined':
      return `${mentor} declined your request`;
    case 'request.withdrawn':
      return `${mentee} withdrew their request`;
    case 'request.expired':
      return str(d, 'mentorName') ? `Your request to ${mentor} expired without an answer` : `The request from ${mentee} expired`;
    case 'request.reminder':
      return `${mentee} is still waiting for your answer`;
    case 'application.approved':
      return 'Your mentor application was approved';
    case 'application.rejected':
      return 'Your mentor application was not approved';
    case 'application.changes_requested':
      return 'Changes were requested to your mentor application';
    case 'mentor.suspended':
      return 'Your mentor profile was suspended';
    case 'mentor.reactivated':
      return 'Your mentor profile is active again';
    case 'mentorship.paused':
      return `${by} paused your mentorship`;
    case 'mentorship.resumed':
      return `${by} resumed your mentorship`;
    case 'mentorship.completed':
      return `${by} marked your mentorship as completed`;
    case 'mentorship.cancelled':
      return `${by} cancelled your mentorship`;
    case 'feedback.received':
      return `${by} left feedback on your mentorship`;
    case 'timeline.updated':
      return `${by} updated your mentorship plan`;
    case 'milestone.added':
      return title ? `${by} added the milestone “${title}”` : `${by} added a milestone`;
    case 'milestone.updated':
      return title ? `${by} updated the milestone “${title}”` : `${by} updated a milestone`;
    case 'milestone.removed':
      return title ? `${by} removed the milestone “${title}”` : `${by} removed a milestone`;
    case 'progress.note_added':
      return `${by} added a progress note`;
    case 'meeting.scheduled':
      return `${by} scheduled ${quoted(title)}`;
    case 'meeting.updated':
      return d['rescheduled'] === true ? `${by} rescheduled ${quoted(title)}` : `${by} updated ${quoted(title)}`;
    case 'meeting.completed':
      return `${by} marked ${quoted(title)} as held`;
    case 'meeting.cancelled':
      return `${by} cancelled ${quoted(title)}`;
    default:
      return 'Something changed in your mentoring';
  }
}
