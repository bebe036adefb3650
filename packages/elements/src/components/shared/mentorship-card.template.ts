import type { Meeting, Mentorship, PersonSummary } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { dateTimeLabel } from '../../internal/dates.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { cardSkeleton, personHeader, programmeNote } from './person.template.js';
import { calendarDateLabel, dateLabel, relativeTime } from './relative-time.js';
import type { MentorshipSummary } from './mentorship-summaries.controller.js';
import { mentorshipStatusBadge } from './status-badge.template.js';

export interface MentorshipCardView {
  /** The role of the person shown: `mentor` on the mentee's dashboard and vice versa. */
  otherRole: 'mentor' | 'mentee';
  /** The card's title level (the dashboard's depth 2). */
  headingLevel: number;
  /** Unread messages from the other person. */
  unread: number;
  summary: MentorshipSummary | undefined;
  nextMeeting: Meeting | undefined;
  /** Not yet confirmed by the server (a request just accepted): no Open yet. */
  busy?: boolean;
  /** A completed mentorship whose feedback the viewer has not given. */
  feedbackDue?: boolean;
  /** The card shows the next milestone (the mentee's dashboard). */
  showMilestone?: boolean;
  open: (mentorship: Mentorship) => void;
}

const unreadLabel = (n: number) => (n === 1 ? msg('1 unread message') : msg(str`${formatNumber(n)} unread messages`));

/**
 * Progress as words and a bar (the bar repeats the words, so it is hidden from screen readers).
 * A native `<progress>`: no inline style, which a portal's `style-src 'self'` policy would block.
 */
function progressLine(percent: number): TemplateResult {
  return html`<div part="progress" class="progress">
    <span class="progress-label">${msg(str`${formatNumber(percent)}% done`)}</span>
    <progress class="progress-bar" max="100" .value=${Math.max(0, Math.min(100, percent))} aria-hidden="true"></progress>
  </div>`;
}

/**
 * One mentorship as a compact card: the other person (their name is the card's title, the line
 * under it never repeats it), status, progress, next meeting, next milestone (mentee), unread
 * messages, and "Open", which shows the workspace in the dashboard's place.
 */
export function mentorshipCard(mentorship: Mentorship, other: PersonSummary, view: MentorshipCardView): TemplateResult {
  const headingId = `mentorship-${mentorship.id}-name`;
  const { summary, nextMeeting } = view;
  const ended = mentorship.status === 'completed' || mentorship.status === 'cancelled';
  return html`
    <article part="card mentorship" class="card card--compact" aria-labelledby=${headingId} data-mentorship-id=${mentorship.id}>
      <div class="card-head">
        ${personHeader(other, { headingId, level: view.headingLevel, detail: view.otherRole === 'mentee' ? 'programme' : 'role', compact: true })}
        <div class="card-badges">
          ${mentorshipStatusBadge(mentorship.status)}
          ${view.unread > 0 ? html`<span part="badge unread-badge" class="badge badge--unread" data-unread=${view.unread}>${unreadLabel(view.unread)}</span>` : nothing}
        </div>
      </div>
      <p class="meta">
        ${view.otherRole === 'mentor' ? msg('Your mentor since') : msg('Your mentee since')}
        <time datetime=${mentorship.startedAt}>${dateLabel(mentorship.startedAt)}</time>
        (${relativeTime(mentorship.startedAt)})
      </p>
      ${programmeNote(mentorship)}
      ${summary && !ended ? progressLine(summary.progressPercent) : nothing}
      ${!ended
        ? html`<p part="next-meeting-line" class="meta">
            ${nextMeeting
              ? html`${msg('Next meeting:')} <time datetime=${nextMeeting.startsAt}>${dateTimeLabel(nextMeeting.startsAt)}</time>`
              : msg('No meeting scheduled')}
          </p>`
        : nothing}
      ${view.showMilestone && summary?.nextMilestone && !ended
        ? html`<p part="next-milestone-line" class="meta">
            ${msg('Next milestone:')} <span class="prose">${summary.nextMilestone.title}</span>${summary.nextMilestone.dueDate
              ? html` · ${msg(str`due ${calendarDateLabel(summary.nextMilestone.dueDate)}`)}`
              : nothing}
          </p>`
        : nothing}
      ${view.feedbackDue ? html`<p part="feedback-prompt" class="meta">${msg(str`How did it go? ${other.name} would value your feedback.`)}</p>` : nothing}
      ${view.busy
        ? nothing
        : html`<div class="actions actions--end">
            <button part="button open-button" class="button ${view.feedbackDue ? 'button--primary' : ''}" type="button" data-open-for=${mentorship.id}
              @click=${() => view.open(mentorship)}>
              ${view.feedbackDue ? msg('Leave feedback') : msg('Open')}<span class="visually-hidden">: ${other.name}</span>
            </button>
          </div>`}
    </article>
  `;
}

/** Placeholders in the shape of a titled section of cards. */
export function sectionSkeleton(cards: number): TemplateResult {
  return html`
    <div class="section" aria-hidden="true">
      <span class="skeleton line line--heading"></span>
      ${Array.from({ length: cards }, () => cardSkeleton())}
    </div>
  `;
}
