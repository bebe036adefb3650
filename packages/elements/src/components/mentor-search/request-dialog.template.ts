import { msg, str } from '@lit/localize';
import type { MentorCard, MentorshipRequest } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../internal/heading.js';
import { live } from 'lit/directives/live.js';
import { firstName } from '../../internal/format.js';
import { characterCount, expiryLabel, replyNote, sendFailure } from './request-format.js';
import {
  GOALS_MAX, GOALS_MIN, MESSAGE_MAX, SKILLS_MAX, type RequestField, type RequestFormController,
} from './request-form.controller.js';

export interface RequestDialogActions {
  /** Closes the dialog (Cancel, ✕, and Close after sending). */
  close: () => void;
  submit: (e: SubmitEvent) => void;
  input: (field: 'goals' | 'message' | 'skillDraft', value: string) => void;
  /** The viewer left a field. */
  check: (field: RequestField) => void;
  addSkill: () => void;
  removeSkill: (skill: string, index: number) => void;
}

/** `aria-describedby` from the ids that are present (a reference to a missing id helps no one). */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

function counter(id: string, used: number, max: number): TemplateResult {
  return html`<p class="counter ${used > max ? 'counter--over' : ''}" id=${id}>${characterCount(used, max)}</p>`;
}

function fieldError(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" id=${id}><span aria-hidden="true">⚠ </span>${error}</p>` : nothing;
}

function skillsField(form: RequestFormController, actions: RequestDialogActions): TemplateResult {
  const error = form.errorFor('skillsSeeking');
  const note = form.skillNote;
  const described = describedBy('request-skills-hint', 'request-skills-count', note && 'request-skill-note', error && 'request-skills-error');
  return html`
    <fieldset class="field skills-field">
      <legend class="field-label">${msg('Skills you want to build')}</legend>
      <p class="hint" id="request-skills-hint">
        ${form.skillsLoading ? msg('Loading the skills from your profile…') : msg('From your profile to start with: remove any that do not fit and add your own.')}
      </p>
      ${form.skills.length
        ? html`<ul class="chips" aria-label=${msg('Skills you want to build')}>
            ${form.skills.map(
              (skill, i) => html`<li class="chip chip--removable" part="chip" data-skill-index=${i}>
                <span>${skill}</span>
                <button class="chip-remove" part="button remove-skill" type="button" aria-label=${msg(str`Remove ${skill}`)}
                  @click=${() => actions.removeSkill(skill, i)}><span aria-hidden="true">✕</span></button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <div class="add-skill">
        <div class="field">
          <label for="request-skill">${msg('Add a skill')}</label>
          <input id="request-skill" type="text" autocomplete="off" placeholder=${msg('e.g. Project Management')}
            aria-describedby=${described} aria-invalid=${note || error ? 'true' : 'false'}
            .value=${live(form.skillDraft)}
            @input=${(e: InputEvent) => actions.input('skillDraft', (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Enter' || e.isComposing) return;
              e.preventDefault();
              actions.addSkill();
            }} />
        </div>
        <button class="button" part="button add-skill-button" type="button" @click=${actions.addSkill}>${msg('Add')}</button>
      </div>
      <div class="field-foot">
        <div>${fieldError('request-skill-note', note)}${fieldError('request-skills-error', error)}</div>
        <p class="counter" id="request-skills-count">${msg(str`${form.skills.length} of ${SKILLS_MAX} skills`)}</p>
      </div>
    </fieldset>
  `;
}

function requestForm(form: RequestFormController, mentor: MentorCard, actions: RequestDialogActions): TemplateResult {
  const name = firstName(mentor.name);
  const sending = form.status === 'sending';
  const goalsError = form.errorFor('goals');
  const messageError = form.errorFor('message');
  return html`
    <form class="request-form" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${actions.submit}>
      <div class="field">
        <label for="request-goals">${msg('What would you like help with?')} <span class="required">${msg('(required)')}</span></label>
        <p class="hint" id="request-goals-hint">
          ${msg(str`A good request says where you are now, where you want to get to, and how ${name} could help — for example a career move, a skill to build, or a decision to make. At least ${GOALS_MIN} characters.`)}
        </p>
        <textarea id="request-goals" name="goals" rows="5" required aria-required="true"
          aria-invalid=${goalsError ? 'true' : 'false'}
          aria-describedby=${describedBy('request-goals-hint', 'request-goals-count', goalsError && 'request-goals-error')}
          .value=${live(form.goals)}
          @input=${(e: InputEvent) => actions.input('goals', (e.target as HTMLTextAreaElement).value)}
          @change=${() => actions.check('goals')}></textarea>
        <div class="field-foot">
          <div>${fieldError('request-goals-error', goalsError)}</div>
          ${counter('request-goals-count', form.goals.length, GOALS_MAX)}
        </div>
      </div>

      ${skillsField(form, actions)}

      <div class="field">
        <label for="request-message">${msg(str`Message to ${name}`)} <span class="optional">${msg('(optional)')}</span></label>
        <textarea id="request-message" name="message" rows="3"
          aria-invalid=${messageError ? 'true' : 'false'}
          aria-describedby=${describedBy('request-message-count', messageError && 'request-message-error')}
          .value=${live(form.message)}
          @input=${(e: InputEvent) => actions.input('message', (e.target as HTMLTextAreaElement).value)}
          @change=${() => actions.check('message')}></textarea>
        <div class="field-foot">
          <div>${fieldError('request-message-error', messageError)}</div>
          ${counter('request-message-count', form.message.length, MESSAGE_MAX)}
        </div>
      </div>

      ${form.error
        ? html`<div class="notice notice--error request-error" part="error" id="request-error">
            <p>${sendFailure(form.error, mentor.name)}</p>
          </div>`
        : nothing}

      <div class="dialog-foot">
        <button class="button" part="button" type="button" @click=${actions.close}>${msg('Cancel')}</button>
        <button class="button button--primary" part="button send-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}
          aria-describedby=${form.error ? 'request-error' : nothing}>
          ${sending ? msg('Sending…') : msg('Send request')}
        </button>
      </div>
    </form>
  `;
}

/** The words shown (and announced) when a request has been sent. */
export function sentHeadline(mentor: MentorCard, request: MentorshipRequest): string {
  const note = replyNote(mentor.name, request.mentorMedianResponseHours ?? mentor.medianResponseHours);
  return note ? msg(str`Request sent — ${note}`) : msg(str`Request sent — you will hear when ${firstName(mentor.name)} answers`);
}

function sent(mentor: MentorCard, request: MentorshipRequest, actions: RequestDialogActions): TemplateResult {
  return html`
    <div class="request-sent" part="request-sent">
      <p class="sent-title" id="request-sent-title"><span class="sent-mark" aria-hidden="true">✓</span> ${sentHeadline(mentor, request)}</p>
      <p>
        ${msg(str`Your request is pending and ${expiryLabel(request.expiresAt)} if ${firstName(mentor.name)} has not answered by then.`)}
        ${msg('You can follow it, or withdraw it, in My mentoring.')}
      </p>
      <div class="dialog-foot dialog-foot--end">
        <button class="button button--primary" part="button" id="request-done" type="button" @click=${actions.close}>${msg('Close')}</button>
      </div>
    </div>
  `;
}

/** The request dialog's content: the mentor and their reply time, then the form or, once sent, the confirmation. */
export function requestDialogContent(form: RequestFormController, actions: RequestDialogActions, level: number): TemplateResult | typeof nothing {
  const mentor = form.mentor;
  if (!mentor || form.status === 'closed') return nothing;
  const reply = replyNote(mentor.name, mentor.medianResponseHours);
  const done = form.status === 'sent' && form.request;
  return html`
    <div class="dialog-head request-head">
      <div class="card-title">
        ${heading(level, msg(str`Request mentorship from ${mentor.name}`), { class: 'name', id: 'request-title' })}
        ${form.programme ? html`<p part="request-programme" class="request-programme">${msg(str`In the programme ${form.programme.name}`)}</p>` : nothing}
        ${reply && !done ? html`<p class="reply" id="request-reply">${reply}.</p>` : nothing}
      </div>
      <button class="button close" part="button close-button" type="button" aria-label=${done ? msg('Close') : msg('Cancel request')} @click=${actions.close}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
    ${done ? sent(mentor, form.request!, actions) : requestForm(form, mentor, actions)}
  `;
}
