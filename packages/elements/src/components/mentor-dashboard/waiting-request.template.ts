import { msg, str } from '@lit/localize';
import type { MentorshipRequest } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { chipList, personHeader, programmeNote, textBlock, writtenText } from '../shared/person.template.js';
import { expiryLabel, relativeTime } from '../shared/relative-time.js';

export interface WaitingRequestActions {
  accept: (request: MentorshipRequest) => void;
  decline: (request: MentorshipRequest, trigger: HTMLElement) => void;
}

/**
 * A request waiting for the mentor's answer: who is asking (profile summary), what they hope
 * for, their message, how long it still waits, and Accept / Decline….
 */
export function waitingRequestCard(request: MentorshipRequest, view: { failure: string | undefined; headingLevel: number }, actions: WaitingRequestActions): TemplateResult {
  const headingId = `request-${request.id}-name`;
  const mentee = request.mentee;
  return html`
    <article part="card request" class="card" aria-labelledby=${headingId} data-request-id=${request.id} tabindex="-1">
      <div class="card-head">
        ${personHeader(mentee, { headingId, level: view.headingLevel, detail: 'programme' })}
        <p class="meta when">
          ${msg('Sent')} <time datetime=${request.createdAt}>${relativeTime(request.createdAt)}</time><br />
          <time datetime=${request.expiresAt}>${expiryLabel(request.expiresAt)}</time>
        </p>
      </div>
      ${programmeNote(request)}
      ${chipList(msg('Their skills'), mentee.skills)} ${textBlock(msg('Goals'), writtenText(request.goals))}
      ${chipList(msg('Skills they want to build'), request.skillsSeeking)} ${textBlock(msg('Message'), request.message)}
      ${view.failure ? html`<p part="error action-error" class="inline-error">${view.failure}</p>` : nothing}
      <div class="actions actions--end">
        <button part="button decline-button" class="button" type="button" @click=${(e: Event) => actions.decline(request, e.currentTarget as HTMLElement)}>
          <span>${msg('Decline')}<span aria-hidden="true">…</span></span><span class="visually-hidden"> ${msg(str`request from ${mentee.name}`)}</span>
        </button>
        <button part="button accept-button" class="button button--primary" type="button"
          @click=${() => actions.accept(request)}>
          ${msg('Accept')}<span class="visually-hidden"> ${msg(str`request from ${mentee.name}`)}</span>
        </button>
      </div>
    </article>
  `;
}
