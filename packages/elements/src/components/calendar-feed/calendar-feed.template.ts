import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import { CALENDAR_FEED_IDS as IDS, type CalendarFeedController } from './calendar-feed.controller.js';

/**
 * The "Calendar subscription" section of a dashboard: create the private feed link, copy it, get a
 * new one or turn it off (both confirmed in a modal dialog that is part of this section). Needs
 * `calendarFeedStyles` beside the dashboard styles. Titled at heading `level` (the dashboard's
 * section level); the dialog's title one level below.
 */
export function calendarFeedPanel(c: CalendarFeedController, level = 3): TemplateResult {
  const status = c.status;
  if (status === 'idle') return html``;
  return html`
    <section part="section calendar-feed" class="section calendar-feed" aria-labelledby=${IDS.title}>
      ${heading(level, msg('Calendar subscription'), { id: IDS.title, tabindex: '-1' })}
      <div class="card calendar-feed-card" aria-busy=${status === 'loading' ? 'true' : 'false'}>${body(c)}</div>
      <dialog id=${IDS.dialog} part="dialog calendar-feed-dialog" class="dialog" aria-labelledby="calendar-feed-dialog-title"
        aria-describedby="calendar-feed-dialog-description"
        @close=${c.modal.handleClose} @keydown=${c.modal.handleKeydown} @click=${c.modal.handleClick}>
        ${c.confirming ? dialogContent(c, level + 1) : nothing}
      </dialog>
    </section>
  `;
}

function body(c: CalendarFeedController): TemplateResult {
  switch (c.status) {
    case 'loading':
      return html`<p class="visually-hidden">${msg('Loading your calendar subscription…')}</p>
        <span class="skeleton line line--long" aria-hidden="true"></span>
        <span class="skeleton pill" aria-hidden="true"></span>`;
    case 'error':
      return html`<div part="calendar-feed-error" class="notice notice--error" role="alert">
        <p><strong>${msg('Your calendar subscription could not be loaded.')}</strong> ${describeError(c.error)}</p>
        <button part="button calendar-feed-retry" class="button" type="button" @click=${() => void c.retry()}>${msg('Retry')}</button>
      </div>`;
    default:
      return c.enabled ? enabledBody(c) : disabledBody(c);
  }
}

const actionError = (c: CalendarFeedController) =>
  c.actionError ? html`<p part="calendar-feed-action-error" class="inline-error" role="alert">${c.actionError}</p>` : nothing;

function disabledBody(c: CalendarFeedController): TemplateResult {
  const busy = c.busy === 'create';
  return html`
    <p>${msg('Get a private link that shows your mentoring meetings in Google Calendar, Outlook or Apple Calendar and keeps them up to date.')}</p>
    ${actionError(c)}
    <div class="actions">
      <button id=${IDS.create} part="button calendar-feed-create" class="button button--primary" type="button"
        aria-disabled=${busy ? 'true' : 'false'} @click=${() => void c.create()}>
        ${busy ? msg('Creating your link…') : msg('Create my calendar link')}
      </button>
    </div>
  `;
}

function enabledBody(c: CalendarFeedController): TemplateResult {
  const feed = c.feed;
  return html`
    ${feed
      ? html`<div class="field">
            <label for=${IDS.url}>${msg('Your private calendar link')}</label>
            <div class="calendar-feed-copy">
              <input id=${IDS.url} part="calendar-feed-url" type="text" readonly spellcheck="false" autocomplete="off" .value=${feed.url}
                aria-describedby="calendar-feed-how calendar-feed-warning" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
              <button part="button calendar-feed-copy" class="button" type="button"
                @click=${(e: Event) => void c.copy((e.currentTarget as HTMLElement).parentElement?.querySelector('input'))}>${msg('Copy link')}</button>
            </div>
          </div>
          <p id="calendar-feed-how" class="hint">${msg('In your calendar app, choose “Subscribe to calendar” or “Add calendar from URL” and paste the link.')}</p>
          <p id="calendar-feed-warning" part="calendar-feed-warning" class="calendar-feed-warning">
            <strong>${msg('Keep this link private.')}</strong>
            ${msg('Anyone who has it can see your meeting times and titles. If it was shared by mistake, get a new link.')}
          </p>`
      : html`<p part="calendar-feed-active">${msg('Your calendar link is active — get a new link to see it again.')}</p>
          <p class="hint">${msg('For your privacy the link is shown only once, right after it is made. A new link replaces the old one in every calendar app.')}</p>`}
    ${c.confirming ? nothing : actionError(c)}
    <div class="actions">
      <button part="button calendar-feed-rotate" class="button" type="button" @click=${(e: Event) => c.ask('rotate', e.currentTarget as HTMLElement)}>
        ${msg('Get a new link')}
      </button>
      <button part="button calendar-feed-disable" class="button" type="button" @click=${(e: Event) => c.ask('disable', e.currentTarget as HTMLElement)}>
        ${msg('Turn off')}
      </button>
    </div>
  `;
}

function dialogContent(c: CalendarFeedController, level: number): TemplateResult {
  const rotate = c.confirming === 'rotate';
  const busy = c.busy !== undefined;
  return html`
    <div class="dialog-panel">
      ${heading(level, rotate ? msg('Get a new calendar link?') : msg('Turn off your calendar subscription?'), { id: 'calendar-feed-dialog-title' })}
      <p id="calendar-feed-dialog-description">
        ${rotate
          ? msg('Your current link stops working at once. Calendar apps that use it stop updating until you add the new link.')
          : msg('Your link stops working at once, and calendar apps that use it stop showing your meetings. You can create a new link at any time.')}
      </p>
      ${actionError(c)}
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" autofocus @click=${() => c.cancel()}>
          ${rotate ? msg('Keep current link') : msg('Keep it on')}
        </button>
        <button part="button confirm-button" class="button ${rotate ? 'button--primary' : 'button--danger'}" type="button"
          aria-disabled=${busy ? 'true' : 'false'} @click=${() => void c.confirm()}>
          ${busy ? (rotate ? msg('Making a new link…') : msg('Turning off…')) : rotate ? msg('Get a new link') : msg('Turn off')}
        </button>
      </div>
    </div>
  `;
}
