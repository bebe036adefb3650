import type { ApplicationStatus, MentorshipStatus, RequestStatus } from '@mentorkit/contract/values';
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

// Getters: a label is looked up when a badge renders, in the language of the element rendering it.
const requestLabels: Record<RequestStatus, string> = {
  get pending() { return msg('Pending'); },
  get accepted() { return msg('Accepted'); },
  get declined() { return msg('Declined'); },
  get withdrawn() { return msg('Withdrawn'); },
  get expired() { return msg('Expired'); },
};

const mentorshipLabels: Record<MentorshipStatus, string> = {
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

/** Which colour a status borrows: the word is always there, the colour only repeats it. */
const tones: Record<RequestStatus | MentorshipStatus | ApplicationStatus, 'waiting' | 'good' | 'bad' | 'neutral'> = {
  pending: 'waiting',
  accepted: 'good',
  declined: 'bad',
  withdrawn: 'neutral',
  expired: 'neutral',
  active: 'good',
  paused: 'waiting',
  completed: 'good',
  cancelled: 'neutral',
  changes_requested: 'waiting',
  rejected: 'bad',
  approved: 'good',
};

function badge(label: string, tone: string, status: string): TemplateResult {
  return html`<span part="badge status-badge" class="badge badge--${tone}" data-status=${status}>${label}</span>`;
}

export const requestStatusBadge = (status: RequestStatus) => badge(requestLabels[status], tones[status], status);
export const mentorshipStatusBadge = (status: MentorshipStatus) => badge(mentorshipLabels[status], tones[status], status);
export const applicationStatusBadge = (status: ApplicationStatus) => badge(applicationLabels[status], tones[status], status);
