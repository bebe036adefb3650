import { msg, str } from '@lit/localize';
import type { MentorshipRequest } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { firstName, replyDuration } from '../../internal/format.js';
import { declineReasonLabel } from '../shared/decline-reasons.js';
import { chipList, personHeader, programmeNote, textBlock, writtenText } from '../shared/person.template.js';
import { dateLabel, expiryLabel, relativeTime } from '../shared/relative-time.js';
import { requestStatusBadge } from '../shared/status-badge.template.js';

const headingId = (request: MentorshipRequest) => `request-${request.id}-name`;

const failureNote = (failure: string | undefined) =>
  failure ? html`<p part="error action-error" class="inline-error">${failure}</p>` : nothing;

/** A pending request: whom, how long it still waits, the mentor's usual reply time, Withdraw. */
export function pendingRequestCard(
  request: MentorshipRequest,
  view: { busy: boolean; failure: string | undefined; headingLevel: number },
  onWithdraw: (request: MentorshipRequest, trigger: HTMLElement) => void,
): TemplateResult {
  const id = headingId(request);
  const reply = replyDuration(request.mentorMedianResponseHours);
  return html`
    <article part="card request" class="card" aria-labelledby=${id} data-request-id=${request.id} tabindex="-1">
      <div class="card-head">${personHeader(request.mentor, { headingId: id, level: view.headingLevel })} ${requestStatusBadge(request.status)}</div>
      ${programmeNote(request)}
      <p class="meta">
        ${msg('Sent')} <time datetime=${request.createdAt}>${relativeTime(request.createdAt)}</time> ·
        <time datetime=${request.expiresAt}>${expiryLabel(request.expiresAt)}</time>
      </p>
      <p class="meta">
        ${reply ? msg(str`${firstName(request.mentor.name)} usually replies in ${reply}.`) : msg(str`${firstName(request.mentor.name)} has no reply history yet.`)}
      </p>
      ${textBlock(msg('Your goals'), writtenText(request.goals))} ${chipList(msg('Skills you asked about'), request.skillsSeeking)}
      ${failureNote(view.failure)}
      <div class="actions actions--end">
        <button part="button withdraw-button" class="button" type="button" ?disabled=${view.busy}
          @click=${(e: Event) => onWithdraw(request, e.currentTarget as HTMLElement)}>
          ${msg('Withdraw request')}<span class="visually-hidden"> ${msg(str`to ${request.mentor.name}`)}</span>
        </button>
      </div>
    </article>
  `;
}

/** When a closed request ended, in words: "declined 5 Jan 2026". */
function endedLine(request: MentorshipRequest): string {
  switch (request.status) {
    case 'declined':
      return request.respondedAt ? msg(str`declined ${dateLabel(request.respondedAt)}`) : msg('declined');
    case 'expired':
      return msg(str`expired ${dateLabel(request.expiresAt)} without an answer`);
    case 'withdrawn':
      return msg('withdrawn by you');
    default:
      return '';
  }
}

/** A request that ended without a mentorship, in the collapsed history. */
export function historyRequestCard(request: MentorshipRequest, failure: string | undefined, headingLevel: number): TemplateResult {
  const id = headingId(request);
  return html`
    <article part="card request history-request" class="card" aria-labelledby=${id} data-request-id=${request.id} tabindex="-1">
      <div class="card-head">${personHeader(request.mentor, { headingId: id, level: headingLevel })} ${requestStatusBadge(request.status)}</div>
      ${programmeNote(request)}
      <p class="meta">${msg('Sent')} <time datetime=${request.createdAt}>${dateLabel(request.createdAt)}</time>, ${endedLine(request)}</p>
      ${request.status === 'declined' && request.declineReason
        ? html`<div class="label-row">
            <p class="label">${msg('Reason')}</p>
            <p part="decline-reason" class="decline-reason">${declineReasonLabel(request.declineReason)}</p>
          </div>`
        : nothing}
      ${textBlock(msg(str`Message from ${firstName(request.mentor.name)}`), request.declineMessage)}
      ${failureNote(failure)}
    </article>
  `;
}
