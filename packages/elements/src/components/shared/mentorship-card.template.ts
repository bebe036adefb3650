import type { Mentorship, PersonSummary } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../internal/localization-intl.js';
import { cardSkeleton, personHeader } from './person.template.js';
import { dateLabel, relativeTime } from './relative-time.js';
import { mentorshipStatusBadge } from './status-badge.template.js';

/**
 * One open mentorship as a simple card: the other person, since when, and its status. The
 * mentorship workspace (plan, meetings, messages) replaces these cards in a later release.
 */
/**
 * `otherRole` is the role of the person shown: `mentor` on the mentee's dashboard and vice versa.
 * `unread` messages from them show as a badge in words ("2 unread messages").
 */
export function mentorshipCard(mentorship: Mentorship, other: PersonSummary, otherRole: 'mentor' | 'mentee', unread = 0): TemplateResult {
  const headingId = `mentorship-${mentorship.id}-name`;
  return html`
    <article part="card mentorship" class="card" aria-labelledby=${headingId} data-mentorship-id=${mentorship.id}>
      <div class="card-head">
        ${personHeader(other, { headingId, detail: otherRole === 'mentee' ? 'programme' : 'role' })} ${mentorshipStatusBadge(mentorship.status)}
        ${unread > 0
          ? html`<span part="badge unread-badge" class="badge badge--unread" data-unread=${unread}>${unread === 1 ? msg('1 unread message') : msg(str`${formatNumber(unread)} unread messages`)}</span>`
          : nothing}
      </div>
      <p class="meta">
        ${otherRole === 'mentor' ? msg('Your mentor since') : msg('Your mentee since')}
        <time datetime=${mentorship.startedAt}>${dateLabel(mentorship.startedAt)}</time>
        (${relativeTime(mentorship.startedAt)})
      </p>
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
