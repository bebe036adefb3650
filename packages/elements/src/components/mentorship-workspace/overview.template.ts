import { msg, str } from '@lit/localize';
import type { Message } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { calendarDateLabel } from '../../internal/dates.js';
import { firstName } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { relativeTime } from '../shared/relative-time.js';
import { milestoneStatusBadge } from '../shared/status-badge.template.js';
import { meetingLinks, meetingWhen } from './meetings.template.js';
import { noteCard } from './notes.template.js';
import { sectionError, type WorkspaceView } from './workspace-view.js';

/**
 * The Overview tab: what matters this week at a glance — the next meeting, the next milestone, the
 * latest messages and the latest note — each with the way to its tab, or the action that fills it.
 */
export function overviewTab(v: WorkspaceView): TemplateResult {
  return html`<div class="overview">
    ${nextMeeting(v)} ${nextMilestone(v)} ${latestMessages(v)} ${latestNote(v)}
  </div>`;
}

function card(v: WorkspaceView, id: string, title: string, content: unknown): TemplateResult {
  return html`<article part="card overview-card" class="card overview-card" aria-labelledby="overview-${id}-title" data-overview=${id}>
    ${heading(v.level(1), title, { id: `overview-${id}-title`, class: 'overview-title' })} ${content}
  </article>`;
}

const loadingLine = (label: string) =>
  html`<div aria-busy="true"><p class="visually-hidden">${label}</p><span class="skeleton line line--long" aria-hidden="true"></span></div>`;

/** A link-styled button that switches tab. */
const goTo = (v: WorkspaceView, tab: 'meetings' | 'plan' | 'messages' | 'notes', label: string) =>
  html`<button part="button go-button" class="button button--link" type="button" data-go=${tab} @click=${() => v.goTo(tab)}>${label}</button>`;

function nextMeeting(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const title = msg('Next meeting');
  if (w.meetingsStatus === 'loading') return card(v, 'meeting', title, loadingLine(msg('Loading meetings…')));
  if (w.meetingsStatus === 'error') return card(v, 'meeting', title, sectionError(msg('Meetings could not be loaded.'), w.meetingsError, () => void w.retryMeetings()));
  const next = w.upcomingMeetings()[0];
  if (!next) {
    return card(v, 'meeting', title, html`<p part="empty" class="meta">${msg('No meetings yet.')}</p>
      <div class="actions">
        ${v.readOnly
          ? goTo(v, 'meetings', msg('See past meetings'))
          : html`<button part="button schedule-open-button" class="button button--primary" type="button"
              @click=${(e: Event) => void v.actions.open({ kind: 'schedule' }, e.currentTarget)}>${msg('Schedule the first one')}</button>`}
      </div>`);
  }
  return card(v, 'meeting', title, html`
    <p class="overview-item">${next.title}</p>
    ${meetingWhen(v, next)}
    <div class="actions">${meetingLinks(v, next)} ${goTo(v, 'meetings', msg('All meetings'))}</div>
  `);
}

function nextMilestone(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const title = msg('Next milestone');
  if (w.progressStatus === 'loading') return card(v, 'milestone', title, loadingLine(msg('Loading the plan…')));
  if (w.progressStatus === 'error') return card(v, 'milestone', title, sectionError(msg('The plan could not be loaded.'), w.progressError, () => void w.retryProgress()));
  const milestones = w.milestones;
  if (!milestones.length) {
    return card(v, 'milestone', title, html`<p part="empty" class="meta">
        ${w.isMentor ? msg('No milestones yet. A plan with milestones moves the progress bar.') : msg('No milestones yet. Your mentor sets the plan.')}
      </p>
      ${w.isMentor && !v.readOnly
        ? html`<div class="actions"><button part="button add-milestone-button" class="button" type="button"
            @click=${(e: Event) => void v.actions.open({ kind: 'milestone-add' }, e.currentTarget)}>${msg('Add a milestone')}</button></div>`
        : nothing}`);
  }
  const next = milestones.find((m) => m.status !== 'completed');
  const done = milestones.filter((m) => m.status === 'completed').length;
  return card(v, 'milestone', title, html`
    ${next
      ? html`<p class="overview-item">${next.title} ${milestoneStatusBadge(next.status)}</p>
          ${next.dueDate
            ? html`<p class="meta">${msg(str`Due ${calendarDateLabel(next.dueDate)}`)}${next.overdue ? html` · <span class="overdue">${msg('Overdue')}</span>` : nothing}</p>`
            : nothing}`
      : html`<p class="overview-item">${msg('Every milestone is complete.')}</p>`}
    <p class="meta">${msg(str`${done} of ${milestones.length} milestones complete`)}</p>
    <div class="actions">${goTo(v, 'plan', msg('See the plan'))}</div>
  `);
}

function latestMessages(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const title = msg('Latest messages');
  if (!w.mentorship!.conversationId) return card(v, 'messages', title, html`<p part="empty" class="meta">${msg('Messages are not available for this mentorship.')}</p>`);
  if (w.conversationStatus === 'loading') return card(v, 'messages', title, loadingLine(msg('Loading messages…')));
  if (w.conversationStatus === 'error') return card(v, 'messages', title, sectionError(msg('Messages could not be loaded.'), w.conversationError, () => void w.retryConversation()));
  const latest = w.conversation!.latest;
  if (!latest.length) {
    return card(v, 'messages', title, html`<p part="empty" class="meta">${msg('No messages yet.')}</p>
      <div class="actions">${v.readOnly ? nothing : goTo(v, 'messages', msg('Write the first message'))}</div>`);
  }
  return card(v, 'messages', title, html`
    <ul class="latest-messages">${latest.map((m) => html`<li>${messageLine(v, m)}</li>`)}</ul>
    <div class="actions">${goTo(v, 'messages', msg('Go to messages'))}</div>
  `);
}

function messageLine(v: WorkspaceView, m: Message): TemplateResult {
  const { w } = v;
  const who = m.senderId === null ? msg('Deleted user') : m.senderId === w.viewerId ? msg('You') : firstName(w.other!.name);
  return html`<p class="meta"><strong>${who}</strong> · <time datetime=${m.createdAt}>${relativeTime(m.createdAt)}</time></p>
    <p class="prose excerpt">${m.body}</p>`;
}

function latestNote(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const title = msg('Latest note');
  if (w.progressStatus === 'loading') return card(v, 'note', title, loadingLine(msg('Loading progress notes…')));
  if (w.progressStatus === 'error') return card(v, 'note', title, sectionError(msg('Progress notes could not be loaded.'), w.progressError, () => void w.retryProgress()));
  const note = w.progress!.notes[0];
  if (!note) {
    return card(v, 'note', title, html`<p part="empty" class="meta">${msg('No progress notes yet.')}</p>
      ${v.readOnly
        ? nothing
        : html`<div class="actions"><button part="button add-note-button" class="button" type="button"
            @click=${(e: Event) => void v.actions.open({ kind: 'note-add' }, e.currentTarget)}>${msg('Add a note')}</button></div>`}`);
  }
  return card(v, 'note', title, html`${noteCard(v, note, { part: 'overview-note' })}<div class="actions">${goTo(v, 'notes', msg('All notes'))}</div>`);
}
