import type {
  AcceptResult,
  ApplicationStatus,
  Meeting,
  MeetingOverlap,
  MentorApplication,
  MentorCard,
  MentorSettings,
  Mentorship,
  MentorshipRequest,
  Milestone,
  Programme,
} from '@mentorkit/contract';
import type { EnrolmentRole } from '@mentorkit/contract/values';
import type { WorkspaceTab } from './internal/workspace-tab.js';

/** How a mentor answered a request. */
export type RequestAnswer =
  | { decision: 'accepted'; request: AcceptResult; mentorship: Mentorship }
  | { decision: 'declined'; request: MentorshipRequest };

export interface MentorApplicationDecidedDetail {
  applicationId: string;
  /** The applicant's user id. */
  applicantId: string;
  decision: Exclude<ApplicationStatus, 'pending'>;
  /** What the admin wrote to the applicant ('' when approving without a note). */
  notes: string;
  /** The application as the server returned it after the decision. */
  application: MentorApplication;
}

export interface MentorSuspendedDetail {
  mentorId: string;
  reason: string;
  /** Waiting requests the suspension declined (their mentees were told). */
  declinedRequests: number;
}

export type MentorshipAction = 'pause' | 'resume' | 'complete' | 'cancel' | 'timeline';

export interface MentorshipUpdatedDetail {
  mentorshipId: string;
  /** What changed: a lifecycle action, or `timeline` for a new target date or template. */
  action: MentorshipAction;
  /** The mentorship as the server returned it. */
  mentorship: Mentorship;
}

export interface MeetingScheduledDetail {
  mentorshipId: string;
  /** The meeting as the server returned it (new, or rescheduled). */
  meeting: Meeting;
  /** Meetings of either participant that overlap it (a warning, not a refusal). */
  overlaps: MeetingOverlap[];
  rescheduled: boolean;
}

export type MilestoneChange = 'created' | 'status' | 'moved' | 'edited' | 'deleted' | 'template';

export interface MilestoneChangedDetail {
  mentorshipId: string;
  change: MilestoneChange;
  /** The milestone after the change (before it, for `deleted`); null for a whole template. */
  milestone: Milestone | null;
}

/**
 * The `detail` of every event Mentorkit elements fire, by event name: the one list a portal reads.
 * Every event bubbles and is composed; all fire after the server confirmed the change.
 */
export interface MentorkitEventDetails {
  /** A mentor was chosen to look at more closely ("View profile"). Cancelable: prevent it to show your own page instead of the dialog. */
  'mentor-select': { mentorId: string; mentor: MentorCard };
  /**
   * The viewer pressed "Request mentorship" for a mentor. Cancelable: prevent it to show your own
   * request form instead of the built-in request dialog.
   */
  'mentorship-request-intent': { mentorId: string; mentor: MentorCard };
  /** A mentorship request was created; `request` as the server returned it (status `pending`, with `expiresAt`). */
  'mentorship-request-sent': { mentorId: string; request: MentorshipRequest };
  /**
   * The viewer asked to look for a mentor ("Find a mentor", "Find another mentor"). `request`
   * is the request that led here, if any (its skills make a good first search). Cancelable:
   * with `search-url` set, `preventDefault()` keeps the link from navigating.
   */
  'mentorship-find-mentor': { request: MentorshipRequest | null };
  /** The mentee withdrew a pending request. */
  'mentorship-request-withdrawn': { request: MentorshipRequest };
  /** The mentor accepted or declined a request. */
  'mentorship-request-answered': RequestAnswer;
  /** A mentor application was submitted, or resubmitted after changes were requested. */
  'mentor-application-submitted': { application: MentorApplication; resubmitted: boolean };
  /** The mentor changed availability, capacity or away-until; `declinedRequests` counts requests declined with it. */
  'mentor-settings-changed': { settings: MentorSettings; declinedRequests: number };
  /** An admin approved, rejected or asked for changes to a mentor application. */
  'mentor-application-decided': MentorApplicationDecidedDetail;
  /** An admin suspended a mentor: hidden from search, waiting requests declined, running mentorships go on. */
  'mentor-suspended': MentorSuspendedDetail;
  /** An admin reactivated a suspended mentor. */
  'mentor-reactivated': { mentorId: string };
  /** A lifecycle action (pause, resume, complete, cancel) or a plan change succeeded. */
  'mentorship-updated': MentorshipUpdatedDetail;
  /** A meeting was scheduled or rescheduled. */
  'meeting-scheduled': MeetingScheduledDetail;
  /** A milestone was created, changed status, moved, edited or deleted. */
  'milestone-changed': MilestoneChangedDetail;
  /** The viewer switched the workspace's tab (not fired when `tab` is set from outside); a host may mirror it into its URL. */
  'mentorship-tab-change': { mentorshipId: string; tab: WorkspaceTab };
  /**
   * A dashboard switched between its list (`mentorshipId` null) and one mentorship's workspace
   * (`tab` is the workspace's tab; null with a link to a mentorship that is not the viewer's).
   * Hosts that route themselves (`no-routing`) keep it in their own URL.
   */
  'mentorship-view-change': { mentorshipId: string | null; tab: WorkspaceTab | null };
  /** The viewer enrolled in a programme (search banner, dashboards); `programme` as it is now, with the viewer's roles. */
  'programme-enrolled': { programme: Programme; role: EnrolmentRole };
  /** The viewer left a programme in `role` (dashboards); mentorships made in it go on. */
  'programme-left': { programme: Programme; role: EnrolmentRole };
}

type EventOf<K extends keyof MentorkitEventDetails> = CustomEvent<MentorkitEventDetails[K]>;
export type MentorSelectEvent = EventOf<'mentor-select'>;
export type MentorshipRequestIntentEvent = EventOf<'mentorship-request-intent'>;
export type MentorshipRequestSentEvent = EventOf<'mentorship-request-sent'>;
export type MentorshipFindMentorEvent = EventOf<'mentorship-find-mentor'>;
export type MentorshipRequestWithdrawnEvent = EventOf<'mentorship-request-withdrawn'>;
export type MentorshipRequestAnsweredEvent = EventOf<'mentorship-request-answered'>;
export type MentorApplicationSubmittedEvent = EventOf<'mentor-application-submitted'>;
export type MentorSettingsChangedEvent = EventOf<'mentor-settings-changed'>;
export type MentorApplicationDecidedEvent = EventOf<'mentor-application-decided'>;
export type MentorSuspendedEvent = EventOf<'mentor-suspended'>;
export type MentorReactivatedEvent = EventOf<'mentor-reactivated'>;
export type MentorshipUpdatedEvent = EventOf<'mentorship-updated'>;
export type MeetingScheduledEvent = EventOf<'meeting-scheduled'>;
export type MilestoneChangedEvent = EventOf<'milestone-changed'>;
export type MentorshipTabChangeEvent = EventOf<'mentorship-tab-change'>;
export type MentorshipViewChangeEvent = EventOf<'mentorship-view-change'>;
export type ProgrammeEnrolledEvent = EventOf<'programme-enrolled'>;
export type ProgrammeLeftEvent = EventOf<'programme-left'>;

declare global {
  interface HTMLElementEventMap {
    'mentor-select': MentorSelectEvent;
    'mentorship-request-intent': MentorshipRequestIntentEvent;
    'mentorship-request-sent': MentorshipRequestSentEvent;
    'mentorship-find-mentor': MentorshipFindMentorEvent;
    'mentorship-request-withdrawn': MentorshipRequestWithdrawnEvent;
    'mentorship-request-answered': MentorshipRequestAnsweredEvent;
    'mentor-application-submitted': MentorApplicationSubmittedEvent;
    'mentor-settings-changed': MentorSettingsChangedEvent;
    'mentor-application-decided': MentorApplicationDecidedEvent;
    'mentor-suspended': MentorSuspendedEvent;
    'mentor-reactivated': MentorReactivatedEvent;
    'mentorship-updated': MentorshipUpdatedEvent;
    'meeting-scheduled': MeetingScheduledEvent;
    'milestone-changed': MilestoneChangedEvent;
    'mentorship-tab-change': MentorshipTabChangeEvent;
    'mentorship-view-change': MentorshipViewChangeEvent;
    'programme-enrolled': ProgrammeEnrolledEvent;
    'programme-left': ProgrammeLeftEvent;
  }
}

/**
 * Fires a Mentorkit event from `target`. Every event bubbles and is composed, so the portal can
 * listen on any ancestor, across shadow roots.
 *
 * @returns false when a listener called `preventDefault()` on a cancelable event.
 */
export function emit<K extends keyof MentorkitEventDetails>(
  target: EventTarget,
  type: K,
  detail: MentorkitEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
