import { msg, str } from '@lit/localize';
import type { Meeting, Mentorship, Milestone } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { dateTimeLabel } from '../../internal/dates.js';
import { safeHttpUrl } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import type { WorkspaceTab } from '../../internal/workspace-tab.js';
import { calendarDateLabel, relativeTime } from '../shared/relative-time.js';

export interface NextUp {
  meeting: { meeting: Meeting; mentorship: Mentorship } | undefined;
  milestone: { milestone: Milestone; mentorship: Mentorship } | undefined;
}

export interface NextUpActions {
  open: (mentorship: Mentorship, tab: WorkspaceTab) => void;
  addToCalendar: (meeting: Meeting) => void;
}

/**
 * The top of the mentee dashboard, its one primary thing: the next meeting across all mentorships
 * (when, with whom, join link, add to calendar) and the next milestone to work on.
 */
export function nextUpSection(next: NextUp, level: number, actions: NextUpActions): TemplateResult {
  const { meeting, milestone } = next;
  return html`
    <section part="section next-up" class="section next-up" aria-labelledby="next-up-title">
      ${heading(level, msg('Next up'), { id: 'next-up-title' })}
      <div class="next-up-grid">
        <div part="next-meeting" class="card next-card">
          <p class="label">${msg('Next meeting')}</p>
          ${meeting ? meetingBody(meeting.meeting, meeting.mentorship, actions) : html`<p class="meta">${msg('No meeting scheduled. Open a mentorship to schedule one with your mentor.')}</p>`}
        </div>
        <div part="next-milestone" class="card next-card">
          <p class="label">${msg('Next milestone')}</p>
          ${milestone ? milestoneBody(milestone.milestone, milestone.mentorship, actions) : html`<p class="meta">${msg('No open milestones. Your mentor adds them to your plan.')}</p>`}
        </div>
      </div>
    </section>
  `;
}

function meetingBody(meeting: Meeting, mentorship: Mentorship, actions: NextUpActions): TemplateResult {
  const video = safeHttpUrl(meeting.videoUrl);
  const mentor = mentorship.mentor.name;
  return html`
    <p class="next-when"><time datetime=${meeting.startsAt}>${dateTimeLabel(meeting.startsAt)}</time> <span class="meta">(${relativeTime(meeting.startsAt)})</span></p>
    <p><span class="prose">${meeting.title}</span> · ${msg(str`with ${mentor}`)}</p>
    ${meeting.location ? html`<p class="meta prose">${meeting.location}</p>` : nothing}
    <div class="actions">
      ${video
        ? html`<a part="button join-link" class="button button--primary" href=${video} target="_blank" rel="noopener noreferrer">${msg('Join video call')}</a>`
        : nothing}
      <button part="button calendar-button" class="button" type="button" @click=${() => actions.addToCalendar(meeting)}>
        ${msg('Add to calendar')}<span class="visually-hidden">: ${meeting.title}</span>
      </button>
      <button part="button" class="button button--link" type="button" @click=${() => actions.open(mentorship, 'meetings')}>
        ${msg('All meetings')}<span class="visually-hidden"> ${msg(str`with ${mentor}`)}</span>
      </button>
    </div>
  `;
}

function milestoneBody(milestone: Milestone, mentorship: Mentorship, actions: NextUpActions): TemplateResult {
  return html`
    <p class="prose next-milestone-title">${milestone.title}</p>
    <p class="meta">
      ${milestone.dueDate ? msg(str`Due ${calendarDateLabel(milestone.dueDate)}`) : msg('No due date')} · ${msg(str`with ${mentorship.mentor.name}`)}
    </p>
    <div class="actions">
      <button part="button" class="button button--link" type="button" @click=${() => actions.open(mentorship, 'plan')}>
        ${msg('Open the plan')}<span class="visually-hidden"> ${msg(str`with ${mentorship.mentor.name}`)}</span>
      </button>
    </div>
  `;
}
