import { msg, str } from '@lit/localize';
import { formatNumber } from '../../internal/localization-intl.js';
import type { MentorshipRequest } from '@mentorkit/contract';
import type { DeclineReason } from '@mentorkit/contract/values';
import { html, nothing, type TemplateResult } from 'lit';
import { firstName } from '../../internal/format.js';
import { declineReasonLabel, declineReasonOptions } from '../shared/decline-reasons.js';

/** The contract's limit for a decline message (requests.ts). */
export const DECLINE_MESSAGE_MAX = 1000;

export interface DeclineForm {
  request: MentorshipRequest;
  reason: DeclineReason | '';
  message: string;
  /** Shown when "Decline request" is pressed without a reason. */
  reasonMissing: boolean;
}

export interface DeclineActions {
  setReason: (reason: DeclineReason) => void;
  setMessage: (message: string) => void;
  submit: () => void;
  cancel: () => void;
}

/** Decline with one of the fixed reasons (radio buttons) and an optional message. */
export function declineDialogContent(form: DeclineForm, actions: DeclineActions): TemplateResult {
  const name = form.request.mentee.name;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    actions.submit();
  };
  return html`
    <form class="dialog-panel" novalidate @submit=${onSubmit}>
      <h2 id="decline-title">${msg(str`Decline ${name}’s request?`)}</h2>
      <p id="decline-description">${firstName(name)} will see the reason you choose, and your message if you write one.</p>
      <fieldset aria-describedby=${form.reasonMissing ? 'reason-error' : nothing}>
        <legend>${msg('Reason')}</legend>
        ${declineReasonOptions.map(
          (o, i) => html`<label class="choice">
            <input type="radio" name="reason" value=${o.value} .checked=${form.reason === o.value} ?autofocus=${i === 0}
              @change=${() => actions.setReason(o.value)} />
            ${o.label}
          </label>`,
        )}
      </fieldset>
      ${form.reasonMissing ? html`<p id="reason-error" part="field-error" class="field-error">${msg('Choose a reason.')}</p>` : nothing}
      <div class="field">
        <label for="decline-message">${msg('Message')} <span class="muted">${msg('(optional)')}</span></label>
        <textarea id="decline-message" maxlength=${DECLINE_MESSAGE_MAX} aria-describedby="decline-counter" .value=${form.message}
          @input=${(e: InputEvent) => actions.setMessage((e.target as HTMLTextAreaElement).value)}></textarea>
        <p id="decline-counter" class="counter">${msg(str`${formatNumber(form.message.length)} / ${formatNumber(DECLINE_MESSAGE_MAX)} characters`)}</p>
      </div>
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" @click=${actions.cancel}>${msg('Cancel')}</button>
        <button part="button confirm-button" class="button button--danger" type="submit">${msg('Decline request')}</button>
      </div>
    </form>
  `;
}

export interface PauseActions {
  setDeclinePending: (on: boolean) => void;
  confirm: () => void;
  cancel: () => void;
}

/** Turning "Accepting new mentees" off while requests wait: keep them, or decline them all now. */
export function pauseDialogContent(waiting: number, declinePending: boolean, actions: PauseActions): TemplateResult {
  const one = waiting === 1;
  return html`
    <div class="dialog-panel">
      <h2 id="pause-title">${msg('Stop accepting new mentees?')}</h2>
      <p id="pause-description">
        ${one
          ? msg('You have 1 waiting request. It stays open for you to answer unless you decline it now. Your current mentees are not affected.')
          : msg(str`You have ${waiting} waiting requests. They stay open for you to answer unless you decline them now. Your current mentees are not affected.`)}
      </p>
      <label class="choice">
        <input id="decline-pending" type="checkbox" .checked=${declinePending} aria-describedby="decline-pending-hint"
          @change=${(e: Event) => actions.setDeclinePending((e.target as HTMLInputElement).checked)} />
        ${one ? msg('Also decline the 1 waiting request') : msg(str`Also decline the ${waiting} waiting requests`)}
      </label>
      <p id="decline-pending-hint" class="hint">${msg(str`Each mentee sees the reason “${declineReasonLabel('mentor_unavailable')}”.`)}</p>
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" autofocus @click=${actions.cancel}>${msg('Keep accepting')}</button>
        <button part="button confirm-button" class="button button--primary" type="button" @click=${actions.confirm}>${msg('Stop accepting')}</button>
      </div>
    </div>
  `;
}
