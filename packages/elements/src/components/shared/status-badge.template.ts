import type { ApplicationStatus, MeetingStatus, MentorshipStatus, MilestoneStatus, RequestStatus } from '@mentorkit/contract/values';
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

// Getters: a label is looked up when a badge renders, in the language of the element rendering it.
export const requestStatusLabels: Record<RequestStatus, string> = {
  get pending() { return msg('Pending'); },
  get accepted() { return msg('Accepted'); },
  get declined() { return msg('Declined'); },
  get withdrawn() { return msg('Withdrawn'); },
  get expired() { return msg('Expired'); },
};

export const mentorshipStatusLabels: Record<MentorshipStatus, string> = {
  get active() { return msg('Active'); },
  get paused() { return msg('Paused'); },
  get completed() { return msg('Completed'); },
  get cancelled() { return msg('Cancelled'); },
};

const applicationLabels: Record<ApplicationStatus, string> = {
  get pending() { return msg('In review'); },
  get changes_requested() { return msg('Changes requested'); },
  get rejected() { return msg('Not approved'); },
  get approved() { return msg('Approved'); },
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  get scheduled() { return msg('Scheduled'); },
  get completed() { return msg('Held'); },
  get cancelled() { return msg('Cancelled'); },
};

export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  get not_started() { return msg('Not started'); },
  get in_progress() { return msg('In progress'); },
  get completed() { return msg('Completed'); },
};

/**
 * Which colour a status borrows: the word is always there, the colour only repeats it. Within one
 * kind of thing every state has its own colour (a scheduled meeting is not amber like a pending
 * request; a completed mentorship is not green like an active one).
 */
type Tone = 'waiting' | 'good' | 'bad' | 'neutral' | 'info' | 'faded';
const requestTones: Record<RequestStatus, Tone> = { pending: 'waiting', accepted: 'good', declined: 'bad', withdrawn: 'neutral', expired: 'faded' };
const mentorshipTones: Record<MentorshipStatus, Tone> = { active: 'good', paused: 'waiting', completed: 'info', cancelled: 'neutral' };
const applicationTones: Record<ApplicationStatus, Tone> = { pending: 'waiting', changes_requested: 'info', rejected: 'bad', approved: 'good' };
const meetingTones: Record<MeetingStatus, Tone> = { scheduled: 'info', completed: 'good', cancelled: 'neutral' };
const milestoneTones: Record<MilestoneStatus, Tone> = { not_started: 'neutral', in_progress: 'info', completed: 'good' };

function badge(label: string, tone: string, status: string): TemplateResult {
  return html`<span part="badge status-badge" class="badge badge--${tone}" data-status=${status}>${label}</span>`;
}

export const requestStatusBadge = (status: RequestStatus) => badge(requestStatusLabels[status], requestTones[status], status);
export const mentorshipStatusBadge = (status: MentorshipStatus) => badge(mentorshipStatusLabels[status], mentorshipTones[status], status);
export const applicationStatusBadge = (status: ApplicationStatus) => badge(applicationLabels[status], applicationTones[status], status);
export const meetingStatusBadge = (status: MeetingStatus) => badge(meetingStatusLabels[status], meetingTones[status], status);
export const milestoneStatusBadge = (status: MilestoneStatus) => badge(milestoneStatusLabels[status], milestoneTones[status], status);
