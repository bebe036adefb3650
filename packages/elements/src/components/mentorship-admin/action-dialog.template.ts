import type { AdminMentor, MentorApplication } from '@mentorkit/contract';
import { ApiError } from '@mentorkit/sdk';
import { msg, str } from '@lit/localize';
import { heading } from '../../internal/heading.js';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { firstName } from '../../internal/format.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { notesRequired, type ApplicationDecision } from './applications.controller.js';

/** What the dialog asks the admin to confirm. */
export type DialogAction =
  | { kind: 'decide'; decision: ApplicationDecision; application: MentorApplication }
  | { kind: 'suspend'; mentor: AdminMentor };

export interface DialogState {
  action: DialogAction;
  /** The notes or reason typed so far. */
  text: string;
  /** Set when the admin tried to confirm without required text. */
  invalid: boolean;
  busy: boolean;
  /** The server's refusal of the last attempt. */
  error: unknown;
}

export interface DialogHandlers {
  input: (text: string) => void;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

interface Copy {
  title: string;
  description: TemplateResult | string;
  label: string;
  hint: string;
  /** Shown beside the field when required text is missing. */
  missing: string | undefined;
  confirm: string;
  busy: string;
  danger: boolean;
  maxLength: number;
}

/** Limits of the contract: decision notes 2,000 characters, suspension reasons 1,000. */
const NOTES_MAX = 2000;
const REASON_MAX = 1000;

function copyFor(action: DialogAction): Copy {
  if (action.kind === 'suspend') {
    const { name } = action.mentor.person;
    const first = firstName(name);
    const waiting = action.mentor.pendingRequests;
    return {
      title: msg(str`Suspend ${name}?`),
      description: html`${msg(str`${first} will be hidden from mentor search and cannot receive new requests.`)}
        ${waiting
          ? html`<strong>${waiting === 1 ? msg('1 waiting request will be declined') : msg(str`${n(waiting)} waiting requests will be declined`)}</strong>
              ${msg('and the mentees told.')}`
          : msg('Any waiting requests will be declined and the mentees told.')}
        ${msg('Running mentorships continue as they are.')}`,
      label: msg('Reason for the suspension'),
      hint: msg(str`Kept in the audit log and sent to ${first}.`),
      missing: msg('Write a reason for the suspension.'),
      confirm: msg('Suspend mentor'),
      busy: msg('Suspending…'),
      danger: true,
      maxLength: REASON_MAX,
    };
  }
  const { name } = action.application.applicant;
  const first = firstName(name);
  switch (action.decision) {
    case 'approved':
      return {
        title: msg(str`Approve ${name} as a mentor?`),
        description: msg(str`${first} becomes a mentor, appears in mentor search once their mentor profile is set, and is told of your decision.`),
        label: msg(str`Note to ${first} (optional)`),
        hint: msg('Sent to the applicant with the decision.'),
        missing: undefined,
        confirm: msg('Approve'),
        busy: msg('Approving…'),
        danger: false,
        maxLength: NOTES_MAX,
      };
    case 'changes_requested':
      return {
        title: msg(str`Request changes from ${name}`),
        description: msg(str`The application goes back to ${first}, who can change it and send it again.`),
        label: msg(str`What should ${first} change?`),
        hint: msg('Sent to the applicant. Be specific: they will edit the application from your note.'),
        missing: msg(str`Write what ${first} should change.`),
        confirm: msg('Request changes'),
        busy: msg('Sending…'),
        danger: false,
        maxLength: NOTES_MAX,
      };
    case 'rejected':
      return {
        title: msg(str`Reject ${name}’s application?`),
        description: msg(str`${first} is told the application was not approved, with your reason. They may apply again later.`),
        label: msg(str`Reason for ${first}`),
        hint: msg('Sent to the applicant. Kind and specific reasons help them apply again.'),
        missing: msg(str`Write a reason: ${first} will read it.`),
        confirm: msg('Reject application'),
        busy: msg('Rejecting…'),
        danger: true,
        maxLength: NOTES_MAX,
      };
  }
}

export const textRequired = (action: DialogAction) => action.kind === 'suspend' || notesRequired(action.decision);

/** The field's own complaint: missing text, or the server's validation message for it. */
function fieldError(state: DialogState, copy: Copy): string | undefined {
  if (state.invalid) return copy.missing;
  if (state.error instanceof ApiError && state.error.code === 'validation_failed') {
    return state.error.issueFor(state.action.kind === 'suspend' ? 'reason' : 'notes') ?? copy.missing;
  }
  return undefined;
}

function refusal(error: unknown): string {
  // Another admin (or another tab) got there first: the generic wording would not say what to do.
  if (error instanceof ApiError && error.code === 'invalid_transition') {
    return msg('Someone else changed this in the meantime. The list has been refreshed: cancel to see where it stands.');
  }
  // Four eyes: the server refuses an admin's decision on their own application.
  if (error instanceof ApiError && error.code === 'forbidden') {
    return msg('You cannot decide your own mentor application: another administrator must decide it.');
  }
  return `${msg('That did not work.')} ${describeError(error)}`;
}

/** The dialog's form: what happens, the notes or reason (required where the contract says so), Cancel and confirm. */
export function actionDialog(state: DialogState, handlers: DialogHandlers, level: number): TemplateResult {
  const copy = copyFor(state.action);
  const required = textRequired(state.action);
  const invalid = fieldError(state, copy);
  const serverError = invalid === undefined && state.error !== undefined ? state.error : undefined;
  const describedBy = ['dialog-hint', invalid ? 'dialog-error' : ''].filter(Boolean).join(' ');
  return html`
    <form class="dialog-panel" novalidate @submit=${handlers.submit} aria-busy=${state.busy ? 'true' : 'false'}>
      ${heading(level, copy.title, { class: 'dialog-title', id: 'dialog-title' })}
      <p id="dialog-description">${copy.description}</p>
      <div class="field">
        <label for="dialog-text">${copy.label}</label>
        <textarea id="dialog-text" part="textarea" rows="4" maxlength=${copy.maxLength} autofocus ?required=${required}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${state.text}
          @input=${(e: InputEvent) => handlers.input((e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="hint" id="dialog-hint">${copy.hint} ${msg(str`${n(state.text.length)} of ${n(copy.maxLength)} characters.`)}</p>
        ${invalid ? html`<p class="field-error" id="dialog-error">${invalid}</p>` : nothing}
      </div>
      ${serverError
        ? html`<div part="error" class="notice notice--error" role="alert"><p>${refusal(serverError)}</p></div>`
        : nothing}
      <div class="dialog-foot">
        <button class="button" part="button cancel-button" type="button" @click=${handlers.cancel}>${msg('Cancel')}</button>
        <button class=${copy.danger ? 'button button--danger' : 'button button--primary'} part="button confirm-button" type="submit"
          aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? copy.busy : copy.confirm}</button>
      </div>
    </form>
  `;
}
