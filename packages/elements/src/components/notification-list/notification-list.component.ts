import { msg, str } from '@lit/localize';
import type { Notification } from '@mentorkit/contract';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RealtimeController, type RealtimeSource } from '../../controllers/realtime.controller.js';
import { describeError } from '../../internal/error-message.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { heading } from '../../internal/heading.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.controller.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { relativeTime } from '../shared/relative-time.js';
import { NotificationListController } from './notification-list.controller.js';
import { notificationText } from './notification-text.js';

const bell = html`<svg class="bell" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/>
</svg>`;

const styles = css`
  :host {
    container-name: notification-list;
    display: inline-block;
    /* Not a size container: an inline-block sized by its content would collapse to zero. */
    container-type: normal;
    position: relative;
    max-width: 100%;
  }
  .bell-button {
    gap: var(--_space);
  }
  .count {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    background: var(--mentorship-notification-badge-background, var(--_danger));
    color: var(--mentorship-notification-badge-color, var(--_surface));
    font-size: 0.8125em;
    font-weight: 700;
  }
  .panel {
    position: absolute;
    inset-inline-end: 0;
    z-index: var(--mentorship-notification-z-index, 10);
    display: grid;
    gap: var(--_space);
    width: min(24rem, calc(100vw - 2rem));
    max-height: var(--mentorship-notification-panel-height, 28rem);
    margin-top: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
  }
  :host([inline]) .panel {
    position: static;
    width: auto;
    box-shadow: none;
  }
  .panel[hidden] {
    display: none;
  }
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .panel-head #notification-title {
    margin: 0;
    font-size: 1.0625em;
  }
  .items {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: start;
    padding: var(--_space);
    border-radius: calc(var(--_radius) / 2);
  }
  .item.unread {
    background: var(--_subtle);
  }
  .item-text {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .unread .item-text {
    font-weight: 600;
  }
  .new {
    display: inline-block;
    margin-inline-end: calc(var(--_space) / 2);
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_accent);
    border-radius: 999px;
    color: var(--_text);
    font-size: 0.75em;
    font-weight: 700;
  }
  .item .meta {
    grid-column: 1;
    font-size: 0.8125em;
  }
  .item .button--link {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
    font-size: 0.875em;
  }
  .skeleton-line {
    height: 2.5rem;
  }
`;

/**
 * @summary A bell with the unread count in words that opens the viewer's notifications.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * The button says "Notifications" and, when there are any, "3 unread" (text, with a colour only
 * repeating it). It opens a panel (a disclosure: Esc or the button closes it, focus returns to the
 * button) listing notifications worded from their kind ("Ana Villanueva accepted your request"),
 * newest first, unread ones marked "New" with "Mark as read", plus "Mark all as read". New
 * notifications arrive live (`notification.created`) when the realtime stream is reachable.
 *
 * @csspart base - The wrapper.
 * @csspart announcer - The visually hidden live region.
 * @csspart bell-button - The button that opens the panel.
 * @csspart unread-badge - "3 unread".
 * @csspart panel - The open list.
 * @csspart notification - Each notification; also `notification-unread` while unread.
 * @csspart mark-read-button - "Mark as read" on one notification.
 * @csspart mark-all-button - "Mark all as read".
 * @csspart empty - The empty state.
 * @csspart error - An error (with Retry).
 * @csspart button - Every button.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --mentorship-notification-badge-background - The unread badge (the danger colour).
 * @cssproperty --mentorship-notification-badge-color - Its text.
 * @cssproperty --mentorship-notification-panel-height - Largest height of the open panel.
 * @cssproperty --mentorship-notification-z-index - The panel's stacking order over the page.
 */
export class NotificationList extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, styles];

  /** Whether the list is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Lays the panel out in the page's flow instead of floating over it (e.g. in a sidebar). */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** Where live events come from; by default the client's `realtime` stream. */
  @property({ attribute: false }) realtimeSource: RealtimeSource | undefined = undefined;

  @state() private busyAll = false;

  readonly #list = new NotificationListController(this, { client: () => this.clientController.client });
  readonly #announcer = new AnnouncerController(this);
  readonly #live = new RealtimeController(this, {
    source: () => this.realtimeSource ?? this.clientController.client?.realtime,
    types: ['notification.created'],
    onEvent: (event) => this.#list.handleEvent(event),
  });

  constructor() {
    super();
    this.#list.onArrived = (n) => this.#announcer.announce(this.inOwnLanguage(() => msg(str`New notification: ${notificationText(n)}`)));
  }

  /** The headless list state. */
  get list(): NotificationListController {
    return this.#list;
  }

  /** The live stream's state (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  override render(): TemplateResult {
    const l = this.#list;
    const unread = l.status === 'ready' && l.unreadCount > 0;
    return html`<div part="base" class="base-inline" ${ownLanguage(this.contentLanguage)} @keydown=${this.#onKeydown}>
      ${this.#announcer.render()}
      <button part="button bell-button" class="button bell-button" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="notification-panel"
        @click=${this.#toggle}>
        ${bell}<span>${msg('Notifications')}</span>${unread ? html`<span part="unread-badge" class="count">${msg(str`${formatNumber(l.unreadCount)} unread`)}</span>` : nothing}
      </button>
      <div id="notification-panel" part="panel" class="panel" role="region" aria-labelledby="notification-title" ?hidden=${!this.open}>
        ${this.open ? this.#renderPanel() : nothing}
      </div>
    </div>`;
  }

  #renderPanel(): TemplateResult {
    const l = this.#list;
    const hasUnread = l.status === 'ready' && l.items.some((n) => !n.readAt);
    return html`
      <div class="panel-head">
        ${heading(this.headingLevelFor(0), msg('Notifications'), { id: 'notification-title', tabindex: '-1' })}
        ${hasUnread
          ? html`<button part="button mark-all-button" class="button button--link" type="button" ?disabled=${this.busyAll} @click=${this.#markAll}>${msg('Mark all as read')}</button>`
          : nothing}
      </div>
      ${l.actionError ? html`<p part="error" class="inline-error" role="alert">${l.actionError}</p>` : nothing}
      ${this.#renderContent()}
    `;
  }

  #renderContent(): TemplateResult {
    const l = this.#list;
    switch (l.status) {
      case 'idle':
        return html`<p part="error" class="notice">${msg('Notifications are not connected.')} ${msg(html`Give the element an <code>api</code> attribute, or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>`;
      case 'loading':
        return html`<div class="items" aria-busy="true">
          <p class="visually-hidden">${msg('Loading notifications…')}</p>
          <span class="skeleton skeleton-line" aria-hidden="true"></span>
          <span class="skeleton skeleton-line" aria-hidden="true"></span>
        </div>`;
      case 'error':
        return html`<div part="error" class="notice notice--error" role="alert">
          <p><strong>${msg('Notifications could not be loaded.')}</strong> ${describeError(l.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${() => void l.load()}>${msg('Retry')}</button>
        </div>`;
      case 'ready':
        if (!l.items.length) return html`<p part="empty" class="notice">${msg("You're all caught up. Requests, answers and meeting changes will show here.")}</p>`;
        return html`<ul class="items" aria-labelledby="notification-title">
            ${repeat(l.items, (n) => n.id, (n) => this.#renderItem(n))}
          </ul>
          ${l.nextCursor
            ? html`<button part="button more-button" class="button" type="button" ?disabled=${l.moreStatus === 'loading'} @click=${() => void l.loadMore()}>
                ${l.moreStatus === 'loading' ? msg('Loading…') : msg('Show older notifications')}
              </button>`
            : nothing}
          ${l.moreStatus === 'error' ? html`<p part="error" class="inline-error" role="alert">${msg('Older notifications could not be loaded. Try again.')}</p>` : nothing}`;
    }
  }

  #renderItem(n: Notification): TemplateResult {
    const text = notificationText(n);
    return html`<li part="notification ${n.readAt ? '' : 'notification-unread'}" class="item ${n.readAt ? '' : 'unread'}" data-notification-id=${n.id}>
      <p class="item-text">${n.readAt ? nothing : html`<span class="new">${msg('New')}</span>`}${text}</p>
      <p class="meta"><time datetime=${n.createdAt}>${relativeTime(n.createdAt)}</time></p>
      ${n.readAt
        ? nothing
        : html`<button part="button mark-read-button" class="button button--link" type="button" @click=${() => void this.#markOne(n, text)}>
            ${msg('Mark as read')}<span class="visually-hidden">: ${text}</span>
          </button>`}
    </li>`;
  }

  #toggle = async () => {
    this.open = !this.open;
    if (this.open) {
      // Fresh on each opening: what was read elsewhere shows as read.
      if (this.#list.status === 'ready' || this.#list.status === 'error') void this.#list.load({ quiet: true });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notification-title')?.focus();
    }
  };

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.open) return;
    e.preventDefault();
    e.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLElement>('.bell-button')?.focus();
  };

  async #markOne(n: Notification, text: string): Promise<void> {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="mark-read-button"]')];
    const index = items.findIndex((b) => b.closest('li')?.dataset['notificationId'] === n.id);
    const ok = await this.#list.markRead(n.id);
    this.#announcer.announce(ok ? this.inOwnLanguage(() => msg(str`Marked as read: ${text}`)) : this.#list.actionError);
    await this.updateComplete;
    // The button is gone: focus the next one, or the heading.
    const rest = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="mark-read-button"]')];
    (rest[Math.min(index, rest.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#notification-title'))?.focus();
  }

  #markAll = async () => {
    this.busyAll = true;
    const ok = await this.#list.markRead();
    this.busyAll = false;
    this.#announcer.announce(ok ? this.inOwnLanguage(() => msg('All notifications marked as read.')) : this.#list.actionError);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#notification-title')?.focus();
  };
}
