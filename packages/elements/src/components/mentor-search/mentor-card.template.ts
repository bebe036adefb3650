import { msg, str } from '@lit/localize';
import type { MentorCard } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../internal/heading.js';
import { availabilityLabel, firstName, initials, programmeLine, replyDuration, requestAction, roleLine, slotsLabel } from '../../internal/format.js';
import { pendingNote } from './request-format.js';

/** The strongest reasons fit on a card; the profile dialog lists them all. */
const REASONS_ON_CARD = 3;

/**
 * What a programme's rules allow from a search limited to it: requests as usual (`open`), none
 * until the programme is known (`wait`), or none at all, with a note saying why in place of the
 * button (an `admin_matched` programme, the viewer not enrolled, the programme over).
 */
export type RequestGate = 'open' | 'wait' | { note: string };

/**
 * "Request mentorship" (or "Request pending", "Your mentor"), or the programme's note instead of
 * it when a request could only be refused.
 */
export function requestButton(
  card: MentorCard,
  gate: RequestGate,
  onRequest: (card: MentorCard, trigger: HTMLElement) => void,
  describedBy?: string,
): TemplateResult {
  const request = requestAction(card);
  if (typeof gate === 'object' && card.viewerRequestState === 'none') {
    return html`<p class="request-state gate-note" part="request-state gate-note">${gate.note}</p>`;
  }
  return html`<button class="button button--primary" part="button request-button" type="button" aria-describedby=${describedBy ?? nothing}
    ?disabled=${request.disabled || gate === 'wait'} @click=${(e: Event) => onRequest(card, e.currentTarget as HTMLElement)}>${request.label}</button>`;
}

export interface CardActions {
  view: (card: MentorCard, trigger: HTMLElement) => void;
  request: (card: MentorCard, trigger: HTMLElement) => void;
  avatarFailed: (card: MentorCard) => void;
}

/** Photo when there is one that loads, otherwise initials; decorative either way (the name is beside it). */
export function avatar(card: MentorCard, showPhoto: boolean, onError: () => void): TemplateResult {
  return card.avatarUrl && showPhoto
    ? html`<img part="avatar" class="avatar" src=${card.avatarUrl} alt="" loading="lazy" @error=${onError} />`
    : html`<span part="avatar" class="avatar avatar--initials" aria-hidden="true">${initials(card.name)}</span>`;
}

export function availabilityBadge(card: MentorCard): TemplateResult {
  return html`<span part="badge" class="badge badge--${card.availability}"
    >${availabilityLabel(card)}${card.availability === 'unavailable' ? nothing : html` · ${slotsLabel(card)}`}</span
  >`;
}

/**
 * "Waiting for Ana's answer · expires in 14 days" beside a pending request's button. It takes
 * focus (tabindex -1) when the button that was just used becomes disabled.
 */
export function requestState(card: Pick<MentorCard, 'name' | 'viewerRequestState' | 'viewerRequestExpiresAt'>): TemplateResult | typeof nothing {
  if (card.viewerRequestState !== 'pending') return nothing;
  const text = card.viewerRequestExpiresAt ? pendingNote(card.name, card.viewerRequestExpiresAt) : msg(str`Waiting for ${firstName(card.name)}’s answer`);
  return html`<p class="request-state" part="request-state" tabindex="-1">${text}</p>`;
}

export function expertiseChips(values: readonly string[], label: string): TemplateResult {
  return html`<ul class="chips" aria-label=${label}>
    ${values.map((v) => html`<li class="chip" part="chip">${v}</li>`)}
  </ul>`;
}

/** One search result. Every user-supplied string goes through a text binding, never as HTML. */
export function mentorCard(card: MentorCard, options: { showPhoto: boolean; actions: CardActions; headingLevel: number; gate?: RequestGate }): TemplateResult {
  const { actions } = options;
  const nameId = `mentor-${card.id}-name`;
  const reply = replyDuration(card.medianResponseHours);
  const programme = programmeLine(card);
  const role = roleLine(card);
  return html`
    <article part="card" class="card" aria-labelledby=${nameId} data-mentor-id=${card.id} tabindex="-1">
      <div class="card-head">
        ${avatar(card, options.showPhoto, () => actions.avatarFailed(card))}
        <div class="card-title">
          ${heading(options.headingLevel, card.name, { class: 'name', id: nameId })}
          ${card.headline ? html`<p class="headline">${card.headline}</p>` : nothing}
          ${role || programme
            ? html`<p class="meta">${role}${role && programme ? html`<span aria-hidden="true"> · </span>` : nothing}${programme}</p>`
            : nothing}
        </div>
        ${availabilityBadge(card)}
      </div>
      ${card.expertise.length ? expertiseChips(card.expertise, msg(str`Expertise of ${card.name}`)) : nothing}
      <p class="match" part="match">
        <strong>${msg(str`${card.match.score}% match`)}</strong>${card.match.reasons.length
          ? html` — ${card.match.reasons.slice(0, REASONS_ON_CARD).join('; ')}`
          : nothing}
      </p>
      ${reply ? html`<p class="reply">${msg(str`${firstName(card.name)} usually replies in ${reply}.`)}</p>` : nothing}
      ${requestState(card)}
      <div class="actions">
        <button class="button" part="button view-button" type="button" aria-describedby=${nameId}
          @click=${(e: Event) => actions.view(card, e.currentTarget as HTMLElement)}>${msg('View profile')}</button>
        ${requestButton(card, options.gate ?? 'open', actions.request, nameId)}
      </div>
    </article>
  `;
}

/** A placeholder with the card's shape, so the page does not jump when results arrive. */
export function cardSkeleton(): TemplateResult {
  return html`
    <div part="card skeleton" class="card card--skeleton" aria-hidden="true">
      <div class="card-head">
        <span class="avatar skeleton"></span>
        <div class="card-title">
          <span class="skeleton line line--short"></span>
          <span class="skeleton line line--long"></span>
          <span class="skeleton line line--medium"></span>
        </div>
        <span class="skeleton line badge-placeholder"></span>
      </div>
      <div class="chips"><span class="skeleton pill"></span><span class="skeleton pill"></span><span class="skeleton pill"></span></div>
      <span class="skeleton line line--long"></span>
      <div class="actions"><span class="skeleton button-placeholder"></span><span class="skeleton button-placeholder"></span></div>
    </div>
  `;
}
