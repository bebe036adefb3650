import { msg, str } from '@lit/localize';
import type { NotificationContent } from '@mentorkit/contract';

/** A name or title as given, unless it is blank. */
const given = (value: string | undefined) => value?.trim() || undefined;

const mentorOf = (d: { mentorName: string }) => given(d.mentorName) ?? msg('Your mentor');
const menteeOf = (d: { menteeName: string }) => given(d.menteeName) ?? msg('A mentee');
const byOf = (d: { byName: string }) => given(d.byName) ?? msg('The other person');
const quoted = (d: { title: string }) => (given(d.title) ? `“${given(d.title)}”` : msg('a meeting'));

/**
 * One notification in words, from its kind and the names and titles in its data
 * ("Ana Villanueva accepted your request"), read through the contract's type of each kind's data.
 * Missing names fall back to a neutral phrase; an unknown kind (a newer server) still reads as
 * something.
 */
export function notificationText(n: NotificationContent): string {
  switch (n.kind) {
    case 'request.received':
      return msg(str`${menteeOf(n.data)} sent you a mentorship request`);
    case 'request.accepted':
      return msg(str`${mentorOf(n.data)} accepted your request`);
    case 'request.declined':
      return msg(str`${mentorOf(n.data)} declined your request`);
    case 'request.withdrawn':
      return msg(str`${menteeOf(n.data)} withdrew their request`);
    case 'request.expired':
      return 'mentorName' in n.data ? msg(str`Your request to ${mentorOf(n.data)} expired without an answer`) : msg(str`The request from ${menteeOf(n.data)} expired`);
    case 'request.reminder':
      return msg(str`${menteeOf(n.data)} is still waiting for your answer`);
    case 'application.submitted': {
      const applicant = given(n.data.applicantName) ?? msg('An alumnus');
      return n.data.resubmitted ? msg(str`${applicant} resubmitted their mentor application`) : msg(str`${applicant} applied to become a mentor`);
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
      return msg(str`${byOf(n.data)} paused your mentorship`);
    case 'mentorship.resumed':
      return msg(str`${byOf(n.data)} resumed your mentorship`);
    case 'mentorship.completed':
      return msg(str`${byOf(n.data)} marked your mentorship as completed`);
    case 'mentorship.cancelled':
      return msg(str`${byOf(n.data)} cancelled your mentorship`);
    case 'feedback.received':
      return msg(str`${byOf(n.data)} left feedback on your mentorship`);
    case 'timeline.updated':
      return msg(str`${byOf(n.data)} updated your mentorship plan`);
    case 'milestone.added':
      return given(n.data.title) ? msg(str`${byOf(n.data)} added the milestone “${given(n.data.title)}”`) : msg(str`${byOf(n.data)} added a milestone`);
    case 'milestone.updated':
      return given(n.data.title) ? msg(str`${byOf(n.data)} updated the milestone “${given(n.data.title)}”`) : msg(str`${byOf(n.data)} updated a milestone`);
    case 'milestone.removed':
      return given(n.data.title) ? msg(str`${byOf(n.data)} removed the milestone “${given(n.data.title)}”`) : msg(str`${byOf(n.data)} removed a milestone`);
    case 'progress.note_added':
      return msg(str`${byOf(n.data)} added a progress note`);
    case 'meeting.scheduled':
      return msg(str`${byOf(n.data)} scheduled ${quoted(n.data)}`);
    case 'meeting.updated':
      return n.data.rescheduled ? msg(str`${byOf(n.data)} rescheduled ${quoted(n.data)}`) : msg(str`${byOf(n.data)} updated ${quoted(n.data)}`);
    case 'meeting.completed':
      return msg(str`${byOf(n.data)} marked ${quoted(n.data)} as held`);
    case 'meeting.cancelled':
      return msg(str`${byOf(n.data)} cancelled ${quoted(n.data)}`);
    case 'programme.enrolled': {
      const programme = given(n.data.programmeName) ?? msg('a programme');
      return n.data.role === 'mentor' ? msg(str`You enrolled in ${programme} as a mentor`) : msg(str`You enrolled in ${programme} as a mentee`);
    }
    case 'programme.introduced': {
      const programme = given(n.data.programmeName) ?? msg('Your programme');
      return msg(str`${programme} introduced you to ${mentorOf(n.data)}`);
    }
    default:
      return msg('Something changed in your mentoring');
  }
}
