import { msg, str } from '@lit/localize';
import { formatNumber } from '../../internal/localization-intl.js';
import type { MentorApplication } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { yearsLabel } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { chipList, textBlock } from '../shared/person.template.js';
import { dateLabel } from '../shared/relative-time.js';
import { applicationStatusBadge } from '../shared/status-badge.template.js';
import { APPLICATION_LIMITS, type ApplicationField, type MentorApplicationModel } from './mentor-application.model.js';

export interface ApplicationActions {
  submit: () => void;
  applyAgain: () => void;
  addTag: () => void;
  removeTag: (tag: string) => void;
}

const errorId = (field: ApplicationField) => `${field}-error`;

/** The message under a field, and the attributes that tie it to the field. */
function fieldError(model: MentorApplicationModel, field: ApplicationField): TemplateResult | typeof nothing {
  const message = model.issues.get(field);
  return message ? html`<p id=${errorId(field)} part="field-error" class="field-error">${message}</p>` : nothing;
}
const describedBy = (model: MentorApplicationModel, field: ApplicationField, ...hints: string[]) =>
  [...hints, ...(model.issues.has(field) ? [errorId(field)] : [])].join(' ');
const invalid = (model: MentorApplicationModel, field: ApplicationField) => (model.issues.has(field) ? 'true' : 'false');

/** What the applicant sent, as they will see it while it is reviewed. */
function submitted(application: MentorApplication): TemplateResult {
  return html`
    ${chipList(msg('Areas of expertise'), application.expertise)}
    <p class="meta">${yearsLabel(application.yearsOfExperience)}</p>
    ${textBlock(msg('Why you want to mentor'), application.statement)}
  `;
}

function status(application: MentorApplication, actions: ApplicationActions, applyingAgain: boolean, level: number): TemplateResult {
  const title = heading(level, msg('Your application'));
  const sent = html`<time datetime=${application.updatedAt}>${dateLabel(application.updatedAt)}</time>`;
  const notes = textBlock(msg('Notes from the programme team'), application.decisionNotes);
  switch (application.status) {
    case 'pending':
      return html`<div part="card application-status" class="card">
        <div class="card-head">${title}${applicationStatusBadge('pending')}</div>
        <p>${msg(html`Sent ${sent}. The programme team reviews every application; you will get a notification when they decide.`)}</p>
        ${submitted(application)}
      </div>`;
    case 'changes_requested':
      return html`<div part="card application-status" class="card">
        <div class="card-head">${title}${applicationStatusBadge('changes_requested')}</div>
        <p>${msg('The programme team asked for a few changes. Update your application below and send it again.')}</p>
        ${notes}
      </div>`;
    case 'rejected':
      return html`<div part="card application-status" class="card">
        <div class="card-head">${title}${applicationStatusBadge('rejected')}</div>
        <p>${msg(html`Your application of ${sent} was not approved.`)}</p>
        ${notes}
        ${applyingAgain
          ? nothing
          : html`<div class="actions"><button part="button apply-again-button" class="button button--primary" type="button" @click=${actions.applyAgain}>${msg('Apply again')}</button></div>`}
      </div>`;
    case 'approved':
      return html`<div part="card application-status" class="card">
        <div class="card-head">${title}${applicationStatusBadge('approved')}</div>
        <p>${msg('You are approved as a mentor. Reload the page to open your mentor dashboard.')}</p>
      </div>`;
  }
}

function applicationForm(model: MentorApplicationModel, actions: ApplicationActions, level: number): TemplateResult {
  const d = model.draft;
  const statementLength = d.statement.trim().length;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    actions.submit();
  };
  const onTagKey = (e: KeyboardEvent) => {
    // Enter or a comma adds the typed area as a chip instead of submitting the form.
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      actions.addTag();
    }
  };
  return html`
    <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${onSubmit}>
      ${heading(level, model.resubmitting ? msg('Update your application') : msg('Apply to mentor'), { id: 'form-title' })}
      <div class="field">
        <label for="expertise-input">${msg('Areas of expertise')}</label>
        <p id="expertise-hint" class="hint">${msg(str`Type an area and press Enter. Up to ${APPLICATION_LIMITS.expertise}.`)}</p>
        ${d.expertise.length
          ? html`<ul class="chips" aria-label=${msg('Your areas of expertise')}>
              ${d.expertise.map(
                (tag) => html`<li part="chip" class="chip">
                  <span class="chip-text">${tag}</span>
                  <button part="button chip-remove" class="chip-remove" type="button" aria-label=${msg(str`Remove ${tag}`)} @click=${() => actions.removeTag(tag)}>
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing}
        <div class="chip-entry">
          <input id="expertise-input" type="text" autocomplete="off" .value=${live(model.pendingTag)} aria-invalid=${invalid(model, 'expertise')}
            aria-describedby=${describedBy(model, 'expertise', 'expertise-hint')}
            @input=${(e: InputEvent) => model.setPendingTag((e.target as HTMLInputElement).value)} @keydown=${onTagKey} />
          <button part="button" class="button" type="button" @click=${actions.addTag}>${msg('Add')}</button>
        </div>
        ${fieldError(model, 'expertise')}
      </div>
      <div class="field field--short">
        <label for="years">${msg('Years of experience')}</label>
        <input id="years" type="number" inputmode="numeric" min="0" max=${APPLICATION_LIMITS.yearsMax} step="1" .value=${d.years}
          aria-invalid=${invalid(model, 'yearsOfExperience')} aria-describedby=${describedBy(model, 'yearsOfExperience')}
          @input=${(e: InputEvent) => model.edit({ years: (e.target as HTMLInputElement).value })} />
        ${fieldError(model, 'yearsOfExperience')}
      </div>
      <div class="field">
        <label for="statement">${msg('Why you want to mentor, and what you can offer')}</label>
        <textarea id="statement" rows="6" maxlength=${APPLICATION_LIMITS.statementMax} .value=${d.statement}
          aria-invalid=${invalid(model, 'statement')} aria-describedby=${describedBy(model, 'statement', 'statement-counter')}
          @input=${(e: InputEvent) => model.edit({ statement: (e.target as HTMLTextAreaElement).value })}></textarea>
        <p id="statement-counter" class="counter">
          ${msg(str`${formatNumber(statementLength)} / ${formatNumber(APPLICATION_LIMITS.statementMax)} characters`)}
          ${msg(str`(at least ${formatNumber(APPLICATION_LIMITS.statementMin)})`)}
        </p>
        ${fieldError(model, 'statement')}
      </div>
      <div class="field">
        <label for="links">${msg('Links')} <span class="muted">${msg('(optional)')}</span></label>
        <textarea id="links" rows="3" .value=${d.links} aria-invalid=${invalid(model, 'links')}
          aria-describedby=${describedBy(model, 'links', 'links-hint')} placeholder="https://www.linkedin.com/in/…"
          @input=${(e: InputEvent) => model.edit({ links: (e.target as HTMLTextAreaElement).value })}></textarea>
        <p id="links-hint" class="hint">${msg(str`A profile, portfolio or talk: one web address per line, up to ${APPLICATION_LIMITS.links}.`)}</p>
        ${fieldError(model, 'links')}
      </div>
      ${model.formError ? html`<p part="error action-error" class="inline-error">${model.formError}</p>` : nothing}
      <div class="actions">
        <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${model.submitting ? 'true' : 'false'}>
          ${model.submitting ? msg('Sending…') : model.resubmitting ? msg('Resubmit application') : msg('Submit application')}
        </button>
      </div>
    </form>
  `;
}

/**
 * A non-mentor's view: what mentoring asks of them, their application's status, and the form.
 * "Become a mentor" is a heading at `level` (the dashboard's title level), its cards one below.
 */
export function applicationView(model: MentorApplicationModel, actions: ApplicationActions, level = 2): TemplateResult {
  const application = model.application;
  return html`
    <section part="section application" class="section" aria-labelledby="application-title">
      ${heading(level, msg('Become a mentor'), { id: 'application-title', tabindex: '-1' })}
      ${application
        ? status(application, actions, model.applyingAgain, level + 1)
        : html`<p>${msg('Share what you have learned with students and recent graduates. Tell the programme team what you know and why you want to mentor; they review every application.')}</p>`}
      ${model.formShown ? applicationForm(model, actions, level + 1) : nothing}
    </section>
  `;
}
