import type { Mentorship, PersonSummary } from '@mentorkit/contract';
import { html, type TemplateResult } from 'lit';
import { cardSkeleton, personHeader } from './person.template.js';
import { dateLabel, relativeTime } from './relative-time.js';
import { mentorshipStatusBadge } from './status-badge.template.js';

/**
 * One open mentorship as a simple card: the other person, since when, and its status. The
 * mentorship workspace (plan, meetings, messages) replaces these cards in a later release.
 */
/** `otherRole` is the role of the person shown: `mentor` on the mentee's dashboard and vice versa. */
export function mentorshipCard(mentorship: Mentorship, other: PersonSummary, otherRole: 'mentor' | 'mentee'): TemplateResult {
  const headingId = `mentorship-${mentorship.id}-name`;
  return html`
    <article part="card mentorship" class="card" aria-labelledby=${headingId} data-mentorship-id=${mentorship.id}>
      <div class="card-head">
        ${personHeader(other, { headingId, detail: otherRole === 'mentee' ? 'programme' : 'role' })} ${mentorshipStatusBadge(mentorship.status)}
      </div>
      <p class="meta">
        ${otherRole === 'mentor' ? 'Your mentor' : 'Your mentee'} since
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
