import type { MentorApplication } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { initials, programmeLine, roleLine, safeHttpUrl, yearsLabel } from '../../internal/format.js';
import { dateTimeLabel } from '../../internal/dates.js';
import { relativeTime } from '../shared/relative-time.js';
import { applicationStatusBadge } from '../shared/status-badge.template.js';
import { linkText } from './admin-format.js';
import { heading } from '../../internal/heading.js';
import { canDecide, type ApplicationDecision } from './applications.controller.js';

export type DecideHandler = (application: MentorApplication, decision: ApplicationDecision, trigger: HTMLElement) => void;

const decisionButtons: { decision: ApplicationDecision; readonly label: string; part: string; className: string }[] = [
  { decision: 'changes_requested', get label() { return msg('Request changes'); }, part: 'request-changes-button', className: 'button' },
  { decision: 'rejected', get label() { return msg('Reject'); }, part: 'reject-button', className: 'button' },
  { decision: 'approved', get label() { return msg('Approve'); }, part: 'approve-button', className: 'button button--primary' },
];

/**
 * Links are shown only when they are web links, and then only as anchors with their address as
 * text; anything else (a `javascript:` URL that slipped in) stays inert text.
 */
function links(application: MentorApplication, level: number): TemplateResult | typeof nothing {
  if (!application.links.length) return nothing;
  return html`<div class="block">
    ${heading(level, msg('Links'), { class: 'block-title' })}
    <ul class="links">
      ${application.links.map((url) => {
        const safe = safeHttpUrl(url);
        return html`<li>
          ${safe
            ? html`<a href=${safe} target="_blank" rel="noopener noreferrer">${linkText(safe)}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a>`
            : html`<span class="unsafe-link">${url} <span class="muted">${msg('(not a web link, not opened)')}</span></span>`}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** Whether `headline` already names every one of `parts` (case aside). */
const says = (headline: string, ...parts: (string | null | undefined)[]) =>
  headline !== '' && parts.some(Boolean) && parts.every((p) => !p || headline.toLocaleLowerCase().includes(p.toLocaleLowerCase()));

/**
 * One application in the review queue, its applicant's name a heading at `level` (its blocks one
 * below). Every applicant-supplied string is a text binding, never HTML. An admin's own application
 * offers no decision (the server refuses it too): another admin must decide it.
 */
export function applicationCard(application: MentorApplication, onDecide: DecideHandler, level: number, viewerId?: string): TemplateResult {
  const person = application.applicant;
  const nameId = `application-${application.id}-name`;
  // The line under the name adds only what the applicant's own headline does not already say.
  const headline = person.headline ?? '';
  const role = says(headline, person.position, person.company) ? '' : roleLine(person);
  const programme = says(headline, person.programme) ? '' : programmeLine(person);
  const own = viewerId !== undefined && application.userId === viewerId;
  const decidable = own ? [] : decisionButtons.filter((b) => canDecide(application, b.decision));
  const undecided = own && decisionButtons.some((b) => canDecide(application, b.decision));
  return html`
    <article part="card" class="card" aria-labelledby=${nameId} data-application-id=${application.id} tabindex="-1">
      <div class="card-head">
        <span part="avatar" class="avatar avatar--initials" aria-hidden="true">${initials(person.name)}</span>
        <div class="card-title">
          ${heading(level, person.name, { class: 'name', id: nameId })}
          ${person.headline ? html`<p class="headline">${person.headline}</p>` : nothing}
          ${role || programme
            ? html`<p class="meta">${role}${role && programme ? html`<span aria-hidden="true"> · </span>` : nothing}${programme}</p>`
            : nothing}
        </div>
        ${applicationStatusBadge(application.status)}
      </div>
      <dl class="facts">
        <div><dt>${msg('Experience')}</dt><dd>${yearsLabel(application.yearsOfExperience)}</dd></div>
        <div>
          <dt>${application.status === 'pending' ? msg('Waiting since') : msg('Last updated')}</dt>
          <dd><time datetime=${application.updatedAt} title=${dateTimeLabel(application.updatedAt)}>${relativeTime(application.updatedAt)}</time></dd>
        </div>
      </dl>
      ${application.expertise.length
        ? html`<ul class="chips" aria-label=${msg(str`Expertise of ${person.name}`)}>
            ${application.expertise.map((e) => html`<li part="chip" class="chip">${e}</li>`)}
          </ul>`
        : nothing}
      <div class="block">
        ${heading(level + 1, msg('Why they want to mentor'), { class: 'block-title' })}
        <p class="prose">${application.statement}</p>
      </div>
      ${links(application, level + 1)}
      ${application.decisionNotes
        ? html`<div class="block decision-notes">
            ${heading(level + 1, msg('Note to the applicant'), { class: 'block-title' })}
            <p class="prose">${application.decisionNotes}</p>
          </div>`
        : nothing}
      ${undecided ? html`<p part="own-application" class="own-note">${msg('This is your own application: another administrator must decide it.')}</p>` : nothing}
      ${decidable.length
        ? html`<div class="actions">
            ${decidable.map(
              (b) => html`<button class=${b.className} part="button ${b.part}" type="button" aria-describedby=${nameId} aria-haspopup="dialog"
                @click=${(e: Event) => onDecide(application, b.decision, e.currentTarget as HTMLElement)}>${b.label}</button>`,
            )}
          </div>`
        : nothing}
    </article>
  `;
}

/** A placeholder with the card's shape, so the queue does not jump when it arrives. */
export const applicationSkeleton = html`
  <div part="card skeleton" class="card card--skeleton" aria-hidden="true">
    <div class="card-head">
      <span class="avatar skeleton"></span>
      <div class="card-title">
        <span class="skeleton line line--short"></span>
        <span class="skeleton line line--long"></span>
        <span class="skeleton line line--medium"></span>
      </div>
    </div>
    <div class="chips"><span class="skeleton pill"></span><span class="skeleton pill"></span></div>
    <span class="skeleton line line--long"></span>
    <span class="skeleton line line--long"></span>
    <div class="actions"><span class="skeleton button-placeholder"></span><span class="skeleton button-placeholder"></span></div>
  </div>
`;
