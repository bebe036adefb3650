import { msg, str } from '@lit/localize';
import type { Notification } from '@mentorkit/contract';

const text = (data: Record<string, unknown>, key: string): string | undefined => {
  const v = data[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

const quoted = (title: string | undefined) => (title ? `“${title}”` : msg('a meeting'));

/**
 * One notification in words, from its kind and the names and titles in its data
 * ("Ana Villanueva accepted your request"). Missing names fall back to a neutral phrase; an
 * unknown kind (a newer server) still reads as something.
 */
export function notificationText(n: Pick<Notification, 'kind' | 'data'>): string {
  const d = n.data ?? {};
  const mentor = text(d, 'mentorName') ?? msg('Your mentor');
  const mentee = text(d, 'menteeName') ?? msg('A mentee');
  const by = text(d, 'byName') ?? msg('The other person');
  const title = text(d, 'title');
  switch (n.kind) {
    case 'request.received':
      return msg(str`${mentee} sent you a mentorship request`);
    case 'request.accepted':
      return msg(str`${mentor} accepted your request`);
    case 'request.declined':
      return msg(str`${mentor} declined your request`);
    case 'request.withdrawn':
      return msg(str`${mentee} withdrew their request`);
    case 'request.expired':
      return text(d, 'mentorName') ? msg(str`Your request to ${mentor} expired without an answer`) : msg(str`The request from ${mentee} expired`);
    case 'request.reminder':
      return msg(str`${mentee} is still waiting for your answer`);
    case 'application.submitted': {
      const applicant = text(d, 'applicantName') ?? msg('An alumnus');
      return d['resubmitted'] === true ? msg(str`${applicant} resubmitted their mentor application`) : msg(str`${applicant} applied to become a mentor`);
    }
    case 'application.approved':
      return msg('Your mentor application was approved');
    case 'application.rejected':
      return msg('Your mentor application was not approved');
    case 'application.changes_requested':
      return msg('Changes were requested to your mentor application');
    case 'mentor.suspended':
      return msg('Your mentor profile was suspended');
    case 'mentor.reactivated':
      return msg('Your mentor profile is active again');
    case 'mentorship.paused':
      return msg(str`${by} paused your mentorship`);
    case 'mentorship.resumed':
      return msg(str`${by} resumed your mentorship`);
    case 'mentorship.completed':
      return msg(str`${by} marked your mentorship as completed`);
    case 'mentorship.cancelled':
      return msg(str`${by} cancelled your mentorship`);
    case 'feedback.received':
      return msg(str`${by} left feedback on your mentorship`);
    case 'timeline.updated':
      return msg(str`${by} updated your mentorship plan`);
    case 'milestone.added':
      return title ? msg(str`${by} added the milestone “${title}”`) : msg(str`${by} added a milestone`);
    case 'milestone.updated':
      return title ? msg(str`${by} updated the milestone “${title}”`) : msg(str`${by} updated a milestone`);
    case 'milestone.removed':
      return title ? msg(str`${by} removed the milestone “${title}”`) : msg(str`${by} removed a milestone`);
    case 'progress.note_added':
      return msg(str`${by} added a progress note`);
    case 'meeting.scheduled':
      return msg(str`${by} scheduled ${quoted(title)}`);
    case 'meeting.updated':
      return d['rescheduled'] === true ? msg(str`${by} rescheduled ${quoted(title)}`) : msg(str`${by} updated ${quoted(title)}`);
    case 'meeting.completed':
      return msg(str`${by} marked ${quoted(title)} as held`);
    case 'meeting.cancelled':
      return msg(str`${by} cancelled ${quoted(title)}`);
    default:
      return msg('Something changed in your mentoring');
  }
}
