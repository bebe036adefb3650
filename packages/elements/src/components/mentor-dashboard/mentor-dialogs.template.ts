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
      <h2 id="decline-title">Decline ${name}’s request?</h2>
      <p id="decline-description">${firstName(name)} will see the reason you choose, and your message if you write one.</p>
      <fieldset aria-describedby=${form.reasonMissing ? 'reason-error' : nothing}>
        <legend>Reason</legend>
        ${declineReasonOptions.map(
          (o, i) => html`<label class="choice">
            <input type="radio" name="reason" value=${o.value} .checked=${form.reason === o.value} ?autofocus=${i === 0}
              @change=${() => actions.setReason(o.value)} />
            ${o.label}
          </label>`,
        )}
      </fieldset>
      ${form.reasonMissing ? html`<p id="reason-error" part="field-error" class="field-error">Choose a reason.</p>` : nothing}
      <div class="field">
        <label for="decline-message">Message <span class="muted">(optional)</span></label>
        <textarea id="decline-message" maxlength=${DECLINE_MESSAGE_MAX} aria-describedby="decline-counter" .value=${form.message}
          @input=${(e: InputEvent) => actions.setMessage((e.target as HTMLTextAreaElement).value)}></textarea>
        <p id="decline-counter" class="counter">${form.message.length.toLocaleString()} / ${DECLINE_MESSAGE_MAX.toLocaleString()} characters</p>
      </div>
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" @click=${actions.cancel}>Cancel</button>
        <button part="button confirm-button" class="button button--danger" type="submit">Decline request</button>
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
  const requests = waiting === 1 ? 'request' : 'requests';
  return html`
    <div class="dialog-panel">
      <h2 id="pause-title">Stop accepting new mentees?</h2>
      <p id="pause-description">
        You have ${waiting} waiting ${requests}. ${waiting === 1 ? 'It stays' : 'They stay'} open for you to answer unless you decline
        ${waiting === 1 ? 'it' : 'them'} now. Your current mentees are not affected.
      </p>
      <label class="choice">
        <input id="decline-pending" type="checkbox" .checked=${declinePending} aria-describedby="decline-pending-hint"
          @change=${(e: Event) => actions.setDeclinePending((e.target as HTMLInputElement).checked)} />
        Also decline the ${waiting} waiting ${requests}
      </label>
      <p id="decline-pending-hint" class="hint">Each mentee sees the reason “${declineReasonLabel('mentor_unavailable')}”.</p>
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" autofocus @click=${actions.cancel}>Keep accepting</button>
        <button part="button confirm-button" class="button button--primary" type="button" @click=${actions.confirm}>Stop accepting</button>
      </div>
    </div>
  `;
}
