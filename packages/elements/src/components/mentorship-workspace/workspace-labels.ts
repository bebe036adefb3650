import { msg } from '@lit/localize';
import type { MilestoneTemplate } from '@mentorkit/contract';
import type { MilestoneStatus } from '@mentorkit/contract/values';

/**
 * The contract's `milestoneTemplateCatalog` lives in its zod entry; browser code imports only
 * `@mentorkit/contract/values`. This copy is checked against the template list by its type
 * (a new template fails to compile here until it is named).
 */
export const templateOptions: Record<MilestoneTemplate, { label: string; summary: string }> = {
  // Getters: read when rendered, in the rendering element's language.
  'technical-8-week': {
    get label() { return msg('8-week technical skill'); },
    get summary() { return msg('Learn one technical skill through a guided project.'); },
  },
  'career-change-12-week': {
    get label() { return msg('12-week career change'); },
    get summary() { return msg('From target role to applications and a transition plan.'); },
  },
  leadership: {
    get label() { return msg('Leadership'); },
    get summary() { return msg('Self-assessment, feedback, delegation and leading an initiative.'); },
  },
  'research-project': {
    get label() { return msg('Research project'); },
    get summary() { return msg('From research question to write-up and presentation.'); },
  },
  startup: {
    get label() { return msg('Start-up'); },
    get summary() { return msg('Customer discovery, MVP, business model and pitch.'); },
  },
};

/** The button that moves a milestone to a status, worded as an action. */
export const milestoneMoveLabels: Record<MilestoneStatus, string> = {
  get not_started() { return msg('Mark not started'); },
  get in_progress() { return msg('Start'); },
  get completed() { return msg('Mark complete'); },
};
