/**
 * The state machines of DESIGN.md section 2. The server enforces them; elements read them to
 * decide which actions to offer. Each table maps a state to the states it may move to.
 */

export const applicationStatuses = ['pending', 'approved', 'rejected', 'changes_requested'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationTransitions: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  pending: ['approved', 'rejected', 'changes_requested'],
  changes_requested: ['pending'],
  approved: [],
  rejected: [],
};

export const requestStatuses = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  pending: ['accepted', 'declined', 'withdrawn', 'expired'],
  accepted: [],
  declined: [],
  withdrawn: [],
  expired: [],
};

export const declineReasons = [
  'not_enough_time',
  'expertise_mismatch',
  'better_fit_elsewhere',
  'mentor_unavailable',
  'other',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const mentorshipStatuses = ['active', 'paused', 'completed', 'cancelled'] as const;
export type MentorshipStatus = (typeof mentorshipStatuses)[number];
export const mentorshipTransitions: Record<MentorshipStatus, readonly MentorshipStatus[]> = {
  active: ['paused', 'completed', 'cancelled'],
  paused: ['active', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
/** Mentorships that take one of the mentor's slots. */
export const openMentorshipStatuses = ['active', 'paused'] as const satisfies readonly MentorshipStatus[];

export const meetingStatuses = ['scheduled', 'completed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingTransitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const milestoneStatuses = ['not_started', 'in_progress', 'completed'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];
export const milestoneTransitions: Record<MilestoneStatus, readonly MilestoneStatus[]> = {
  not_started: ['in_progress'],
  in_progress: ['not_started', 'completed'],
  completed: ['in_progress'],
};

export const mentorStatuses = ['active', 'suspended'] as const;
export type MentorStatus = (typeof mentorStatuses)[number];

export function canTransition<S extends string>(
  table: Record<S, readonly S[]>,
  from: S,
  to: S,
): boolean {
  return table[from].includes(to);
}
