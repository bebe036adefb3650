import { milestoneTemplateCatalog, type MilestoneTemplate } from '@mentorkit/contract';
import { addDays, daysBetween } from '../lifecycle/workspace.js';

interface TemplateStep {
  /** When it is due in the template's default length, in weeks from the start. */
  week: number;
  title: string;
  description: string;
}

/** The milestones each template creates; `milestoneTemplateCatalog` holds names and default lengths. */
export const templateSteps: Record<MilestoneTemplate, TemplateStep[]> = {
  'technical-8-week': [
    { week: 1, title: 'Baseline and learning goals', description: 'Agree on the skill to learn, assess where the mentee stands today, and pick two or three resources to work through.' },
    { week: 2, title: 'Core concepts', description: 'Work through the fundamentals; bring questions and one worked example to the next meeting.' },
    { week: 4, title: 'Guided practice project started', description: 'Choose a small, realistic project that uses the skill and get a first working version.' },
    { week: 6, title: 'Project review', description: 'Walk the mentor through the project; collect feedback on design, quality and gaps.' },
    { week: 8, title: 'Showcase and next steps', description: 'Finish the project, write up what was learned, and plan how to keep practising.' },
  ],
  'career-change-12-week': [
    { week: 1, title: 'Clarify the target role', description: 'Describe the role, industry and kind of organisation; list what attracts you and what worries you.' },
    { week: 3, title: 'Skills gap analysis', description: 'Compare your experience with typical job descriptions; pick the gaps that matter most.' },
    { week: 5, title: 'Informational interviews', description: 'Talk to at least three people working in the target role; note what surprised you.' },
    { week: 7, title: 'Transferable-experience story', description: 'Build a portfolio piece or a clear story that connects past work to the new role.' },
    { week: 9, title: 'Résumé and profile refresh', description: 'Rewrite the résumé and online profile for the target role; the mentor reviews both.' },
    { week: 11, title: 'Applications and mock interviews', description: 'Apply to a shortlist of roles and rehearse interviews with the mentor.' },
    { week: 12, title: 'Transition plan', description: 'Agree on the next 90 days: applications, learning, and network to keep building.' },
  ],
  leadership: [
    { week: 1, title: 'Leadership self-assessment', description: 'Reflect on strengths, blind spots and the leader you want to become.' },
    { week: 3, title: 'Feedback from others', description: 'Ask peers, reports or a manager for candid feedback; discuss the themes.' },
    { week: 5, title: 'Delegation experiment', description: 'Hand off a meaningful piece of work and coach rather than do; review what happened.' },
    { week: 8, title: 'A difficult conversation', description: 'Prepare, rehearse and hold a conversation you have been avoiding; debrief afterwards.' },
    { week: 10, title: 'Lead an initiative', description: 'Take the lead on a small team initiative from goal to result.' },
    { week: 12, title: 'Reflection and growth plan', description: 'Review the progress made and write a growth plan for the next six months.' },
  ],
  'research-project': [
    { week: 2, title: 'Research question and scope', description: 'State the question, why it matters, and what is deliberately out of scope.' },
    { week: 4, title: 'Literature review', description: 'Summarise the key prior work and where the question fits.' },
    { week: 6, title: 'Methods and data plan', description: 'Choose the methods, data sources and ethics approvals the project needs.' },
    { week: 10, title: 'Data collection and experiments', description: 'Collect the data or run the experiments; keep a log of decisions.' },
    { week: 13, title: 'Analysis and first draft', description: 'Analyse the results and write a complete first draft for the mentor to review.' },
    { week: 16, title: 'Final write-up and presentation', description: 'Revise the draft and present the findings.' },
  ],
  startup: [
    { week: 1, title: 'Problem and customer hypothesis', description: 'Write down the problem, who has it, and the assumptions to test first.' },
    { week: 3, title: 'Customer discovery', description: 'Hold at least ten customer interviews; summarise what you learned.' },
    { week: 5, title: 'Value proposition and MVP scope', description: 'Define the smallest product that tests the riskiest assumption.' },
    { week: 8, title: 'MVP tested with users', description: 'Put the MVP in front of real users and measure what they do.' },
    { week: 10, title: 'Business model and metrics', description: 'Sketch how the venture makes money and which numbers show it is working.' },
    { week: 12, title: 'Pitch and next 90 days', description: 'Prepare a short pitch and a plan for the next three months.' },
  ],
};

export interface PlannedMilestone {
  title: string;
  description: string;
  dueDate: string;
}

/**
 * Dates a template's steps. They keep their relative spacing and are spread from `from` to the
 * target date; without a target the template's default length applies (and its end becomes the
 * target). `from` is today, or the start if the target already lies in the past.
 */
export function planFromTemplate(
  template: MilestoneTemplate,
  days: { start: string; today: string; target: string | null },
): { targetEndDate: string; milestones: PlannedMilestone[] } {
  const { defaultWeeks } = milestoneTemplateCatalog[template];
  const latest = days.today > days.start ? days.today : days.start;
  const from = days.target !== null && days.target < latest ? days.start : latest;
  const target = days.target ?? addDays(from, defaultWeeks * 7);
  const span = daysBetween(from, target);
  const milestones = templateSteps[template].map((step) => ({
    title: step.title,
    description: step.description,
    dueDate: addDays(from, Math.round((step.week / defaultWeeks) * span)),
  }));
  return { targetEndDate: target, milestones };
}
