import type { ApplicationStatus, MentorshipStatus, RequestStatus } from '@mentorkit/contract/values';
import { html, type TemplateResult } from 'lit';

const requestLabels: Record<RequestStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

const mentorshipLabels: Record<MentorshipStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

const applicationLabels: Record<ApplicationStatus, string> = {
  pending: 'In review',
  changes_requested: 'Changes requested',
  rejected: 'Not approved',
  approved: 'Approved',
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
