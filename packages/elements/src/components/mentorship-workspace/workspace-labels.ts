import type { MilestoneTemplate } from '@mentorkit/contract';
import type { MeetingStatus, MilestoneStatus } from '@mentorkit/contract/values';

/**
 * The contract's `milestoneTemplateCatalog` lives in its zod entry; browser code imports only
 * `@mentorkit/contract/values`. This copy is checked against the template list by its type
 * (a new template fails to compile here until it is named).
 */
export const templateOptions: Record<MilestoneTemplate, { label: string; summary: string }> = {
  'technical-8-week': { label: '8-week technical skill', summary: 'Learn one technical skill through a guided project.' },
  'career-change-12-week': { label: '12-week career change', summary: 'From target role to applications and a transition plan.' },
  leadership: { label: 'Leadership', summary: 'Self-assessment, feedback, delegation and leading an initiative.' },
  'research-project': { label: 'Research project', summary: 'From research question to write-up and presentation.' },
  startup: { label: 'Start-up', summary: 'Customer discovery, MVP, business model and pitch.' },
};

export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The button that moves a milestone to a status, worded as an action. */
export const milestoneMoveLabels: Record<MilestoneStatus, string> = {
  not_started: 'Mark not started',
  in_progress: 'Start',
  completed: 'Mark complete',
};

export const milestoneTone: Record<MilestoneStatus, 'neutral' | 'waiting' | 'good'> = {
  not_started: 'neutral',
  in_progress: 'waiting',
  completed: 'good',
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
