import { msg, str } from '@lit/localize';
import type { Message } from '@mentorkit/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RealtimeController, type RealtimeSource } from '../../controllers/realtime.controller.js';
import { describeError } from '../../internal/error-message.js';
import { firstName } from '../../internal/format.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { heading } from '../../internal/heading.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.controller.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { clockLabel, dayHeading, linkify, localDayKey } from './message-format.js';
import { MESSAGE_MAX_LENGTH, MessageThreadController, type OutgoingMessage } from './message-thread.controller.js';
import { threadStyles } from './message-thread.styles.js';

type Row = { kind: 'sent'; message: Message } | { kind: 'outgoing'; item: OutgoingMessage };

/** How close to the bottom (px) still counts as "following" the conversation. */
const FOLLOW_SLACK = 48;

/**
 * @summary The direct messages of one mentorship: history, day separators, read receipts and a
 * composer with optimistic sending.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * Bodies are plain text: links to `http(s)` addresses become links (opening in a new tab), and
 * nothing is ever treated as HTML. Enter sends, Shift+Enter starts a new line. A message shows as
 * "Sending…" at once; if the server refuses it stays with "Not sent" and Retry, which resends with
 * the same `clientId` so it is never stored twice. Once the mentorship has ended the composer gives
 * way to a note and the history stays readable. Messages are marked read while the thread is on
 * screen; "Seen" sits under the viewer's last message the other person has read. New messages
 * arrive live (`message.created`) through the SDK's realtime stream when it is reachable.
 *
 * @csspart base - The wrapper of everything.
 * @csspart announcer - The visually hidden live region (new messages, send failures).
 * @csspart header - The title row.
 * @csspart live-status - "Reconnecting…" while live updates are interrupted.
 * @csspart history - The scrollable message history.
 * @csspart load-earlier-button - "Load earlier messages".
 * @csspart day-separator - The day label above each day's messages.
 * @csspart message - Every message; also `message-mine` or `message-theirs`.
 * @csspart bubble - A message's text.
 * @csspart message-status - Sending…, Not sent, Seen.
 * @csspart composer - The form at the bottom.
 * @csspart composer-input - Its textarea.
 * @csspart send-button - Send.
 * @csspart retry-send-button - Retry on a message that was not sent.
 * @csspart ended-note - Why no new messages can be sent.
 * @csspart empty - The empty state.
 * @csspart error - An error (with Retry).
 * @csspart skeleton - A loading placeholder.
 * @csspart button - Every button.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --mentorship-thread-height - Largest height of the history before it scrolls (28rem).
 * @cssproperty --mentorship-thread-background - The history's background.
 * @cssproperty --mentorship-bubble-mine-background - The viewer's bubbles (a tint of the accent).
 * @cssproperty --mentorship-bubble-theirs-background - The other person's bubbles.
 */
export class MessageThread extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, threadStyles];

  /** The conversation to show (a mentorship's `conversationId`). */
  @property({ attribute: 'conversation-id', reflect: true }) conversationId = '';

  /**
   * Where live events come from; by default the client's `realtime` stream. Set it to share one
   * stream between elements or to feed events from elsewhere.
   */
  @property({ attribute: false }) realtimeSource: RealtimeSource | undefined = undefined;

  @state() private draft = '';
  @state() private composerError = '';

  @query('.history') private historyEl!: HTMLElement | null;
  @query('#composer-input') private inputEl!: HTMLTextAreaElement | null;

  readonly #thread = new MessageThreadController(this, { client: () => this.clientController.client, conversationId: () => this.conversationId });
  readonly #announcer = new AnnouncerController(this);
  readonly #live = new RealtimeController(this, {
    source: () => this.realtimeSource ?? this.clientController.client?.realtime,
    types: ['message.created', 'conversation.read', 'mentorship.updated'],
    onEvent: (event) => this.#thread.handleEvent(event),
  });

  #visible = false;
  #observer: IntersectionObserver | undefined;
  #follow = true;
  #scrolledFor = '';
  #heightBeforeEarlier: number | undefined;

  constructor() {
    super();
    this.#thread.onIncoming = (m) => {
      const preview = m.body.length > 80 ? `${m.body.slice(0, 80)}…` : m.body;
      this.#announcer.announce(
        this.inOwnLanguage(() => {
          const name = firstName(this.#thread.conversation?.otherParty.name ?? msg('The other person'));
          return msg(str`New message from ${name}: ${preview}`);
        }),
      );
    };
  }

  /** The headless thread state, for portals that want to read it. */
  get thread(): MessageThreadController {
    return this.#thread;
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new IntersectionObserver((entries) => {
      this.#visible = entries.some((e) => e.isIntersecting);
      this.#markReadIfSeen();
    });
    this.#observer.observe(this);
    document.addEventListener('visibilitychange', this.#markReadIfSeen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    document.removeEventListener('visibilitychange', this.#markReadIfSeen);
  }

  #markReadIfSeen = () => {
    if (this.#visible && document.visibilityState === 'visible' && this.#thread.unreadUpTo) void this.#thread.markRead();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationId')) {
      this.draft = '';
      this.composerError = '';
    }
    const h = this.historyEl;
    if (h) this.#follow = h.scrollHeight - h.scrollTop - h.clientHeight <= FOLLOW_SLACK;
  }

  protected override updated(): void {
    const h = this.historyEl;
    if (h) {
      const key = `${this.conversationId}:${this.#thread.status}`;
      if (this.#heightBeforeEarlier !== undefined && this.#thread.earlierStatus !== 'loading') {
        // Older messages went in above: keep the ones being read where they were.
        h.scrollTop += h.scrollHeight - this.#heightBeforeEarlier;
        this.#heightBeforeEarlier = undefined;
      } else if (this.#scrolledFor !== key || this.#follow) {
        h.scrollTop = h.scrollHeight;
      }
      this.#scrolledFor = key;
    }
    this.#markReadIfSeen();
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" ${ownLanguage(this.contentLanguage)}>${this.#announcer.render()} ${this.#renderBody()}</div>`;
  }

  #renderBody(): TemplateResult {
    const t = this.#thread;
    switch (t.status) {
      case 'idle':
        return html`<div part="error" class="notice">
          <p>${msg(html`The message thread is not connected. Give it a <code>conversation-id</code> and an <code>api</code> attribute, or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>
        </div>`;
      case 'loading':
        return html`<div class="thread" aria-busy="true">
          <p class="visually-hidden">${msg('Loading messages…')}</p>
          <div class="history" aria-hidden="true">
            <span part="skeleton" class="skeleton bubble-skeleton"></span>
            <span part="skeleton" class="skeleton bubble-skeleton mine"></span>
            <span part="skeleton" class="skeleton bubble-skeleton"></span>
          </div>
          <span class="skeleton block" aria-hidden="true"></span>
        </div>`;
      case 'error':
        return html`<div part="error" class="notice notice--error" role="alert">
          <p><strong>${msg('Messages could not be loaded.')}</strong> ${describeError(t.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${() => void t.retry()}>${msg('Retry')}</button>
        </div>`;
      case 'ready':
        return this.#renderThread();
    }
  }

  #renderThread(): TemplateResult {
    const t = this.#thread;
    const other = t.conversation!.otherParty.name;
    const rows: Row[] = [...t.messages.map((message): Row => ({ kind: 'sent', message })), ...t.outgoing.map((item): Row => ({ kind: 'outgoing', item }))];
    const days: { key: string; label: string; rows: Row[] }[] = [];
    for (const row of rows) {
      const at = row.kind === 'sent' ? row.message.createdAt : row.item.createdAt;
      const key = localDayKey(at);
      const last = days[days.length - 1];
      if (last?.key === key) last.rows.push(row);
      else days.push({ key, label: dayHeading(at), rows: [row] });
    }
    const seen = t.seenMessageId;
    return html`<div class="thread">
      <div part="header" class="thread-head">
        ${heading(this.headingLevelFor(0), msg(str`Messages with ${other}`), { id: 'thread-title', class: 'thread-title' })}
        ${this.#live.status === 'reconnecting'
          ? html`<p part="live-status" class="meta">${msg('Live updates interrupted — reconnecting…')}</p>`
          : nothing}
      </div>
      <div part="history" class="history" role="region" aria-label=${msg(str`Message history with ${other}`)} tabindex="0">
        ${t.nextCursor
          ? html`<div class="history-start">
              <button part="button load-earlier-button" class="button" type="button" ?disabled=${t.earlierStatus === 'loading'} @click=${this.#loadEarlier}>
                ${t.earlierStatus === 'loading' ? msg('Loading earlier messages…') : msg('Load earlier messages')}
              </button>
            </div>`
          : rows.length
            ? html`<p class="history-start meta">${msg(str`This is the start of your conversation with ${firstName(other)}.`)}</p>`
            : nothing}
        ${t.earlierStatus === 'error'
          ? html`<div part="error" class="inline-error" role="alert">
              ${msg('Earlier messages could not be loaded.')} ${describeError(t.earlierError)}
              <button part="button retry-button" class="button button--link" type="button" @click=${this.#loadEarlier}>${msg('Retry')}</button>
            </div>`
          : nothing}
        ${rows.length
          ? html`<ol class="days">
              ${repeat(days, (d) => d.key, (d) => html`<li>
                <p part="day-separator" class="day" id="day-${d.key}">${d.label}</p>
                <ol class="messages" aria-labelledby="day-${d.key}">
                  ${repeat(d.rows, (r) => (r.kind === 'sent' ? r.message.clientId + r.message.id : r.item.clientId), (r) =>
                    r.kind === 'sent' ? this.#renderMessage(r.message, r.message.id === seen) : this.#renderOutgoing(r.item))}
                </ol>
              </li>`)}
            </ol>`
          : html`<p part="empty" class="notice">${msg('No messages yet.')} ${t.canSend ? msg(str`Say hello to ${firstName(other)} below.`) : ''}</p>`}
      </div>
      ${t.canSend ? this.#renderComposer(other) : this.#renderEndedNote(other)}
    </div>`;
  }

  #renderMessage(m: Message, seen: boolean): TemplateResult {
    const mine = this.#thread.isMine(m);
    const who = mine ? msg('You') : m.senderId === null ? msg('Deleted user') : this.#thread.conversation!.otherParty.name;
    return html`<li part="message ${mine ? 'message-mine' : 'message-theirs'}" class="message ${mine ? 'mine' : 'theirs'}" data-message-id=${m.id}>
      <p part="bubble" class="bubble"><span class="visually-hidden">${who}: </span>${this.#body(m.body)}</p>
      <p class="message-meta">
        <time datetime=${m.createdAt}>${clockLabel(m.createdAt)}</time>
        ${seen ? html`<span part="message-status" class="seen">${msg('Seen')}<span class="visually-hidden"> ${msg(str`by ${firstName(this.#thread.conversation!.otherParty.name)}`)}</span></span>` : nothing}
      </p>
    </li>`;
  }

  #renderOutgoing(o: OutgoingMessage): TemplateResult {
    const failed = o.state === 'failed';
    return html`<li part="message message-mine" class="message mine ${failed ? 'failed' : 'pending'}" data-client-id=${o.clientId}>
      <p part="bubble" class="bubble"><span class="visually-hidden">${msg('You')}: </span>${this.#body(o.body)}</p>
      <p class="message-meta">
        ${failed
          ? html`<span part="message-status" class="send-error">${msg('Not sent')}</span>
              <span>${o.reason}</span>
              ${this.#thread.canSend
                ? html`<button part="button retry-send-button" class="button button--link" type="button" @click=${() => void this.#retrySend(o.clientId)}>
                    ${msg('Retry')}<span class="visually-hidden"> ${msg('sending this message')}</span>
                  </button>`
                : nothing}
              <button part="button discard-button" class="button button--link" type="button" @click=${() => this.#discard(o.clientId)}>
                ${msg('Discard')}<span class="visually-hidden"> ${msg('this message')}</span>
              </button>`
          : html`<span part="message-status">${msg('Sending…')}</span>`}
      </p>
    </li>`;
  }

  /** Text nodes and safe links: never HTML. */
  #body(body: string): TemplateResult[] {
    return linkify(body).map((part) =>
      part.kind === 'link'
        ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>`
        : html`${part.text}`,
    );
  }

  #renderComposer(other: string): TemplateResult {
    const length = this.draft.trim().length;
    const near = length > MESSAGE_MAX_LENGTH - 200;
    return html`<form part="composer" class="composer" novalidate @submit=${this.#onSubmit}>
      <label class="field-label" for="composer-input">${msg(str`Message to ${other}`)}</label>
      <textarea id="composer-input" part="composer-input" name="body" rows="2" maxlength=${MESSAGE_MAX_LENGTH} .value=${this.draft}
        aria-describedby="composer-hint composer-count" aria-invalid=${this.composerError ? 'true' : 'false'}
        @input=${this.#onInput} @keydown=${this.#onKeydown}></textarea>
      <div class="composer-foot">
        <p id="composer-hint" class="hint">${msg('Enter sends · Shift+Enter starts a new line')}</p>
        <p id="composer-count" class="counter ${near ? 'counter--near' : ''}">${formatNumber(length)} / ${formatNumber(MESSAGE_MAX_LENGTH)}</p>
        <button part="button send-button" class="button button--primary" type="submit">${msg('Send')}</button>
      </div>
      ${this.composerError ? html`<p part="error" class="field-error" role="alert">${this.composerError}</p>` : nothing}
    </form>`;
  }

  #renderEndedNote(other: string): TemplateResult {
    const status = this.#thread.conversation!.mentorshipStatus;
    const name = firstName(other);
    const text =
      status === 'completed'
        ? msg(str`This mentorship was completed, so no new messages can be sent. Your conversation with ${name} stays here to read.`)
        : status === 'cancelled'
          ? msg(str`This mentorship was cancelled, so no new messages can be sent. Your conversation with ${name} stays here to read.`)
          : msg(str`This mentorship has ended, so no new messages can be sent. Your conversation with ${name} stays here to read.`);
    return html`<p part="ended-note" class="ended-note" role="note">${text}</p>`;
  }

  #onInput = (e: InputEvent) => {
    this.draft = (e.target as HTMLTextAreaElement).value;
    if (this.composerError) this.composerError = '';
  };

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    void this.#send();
  };

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.#send();
  };

  async #send(): Promise<void> {
    const body = this.inputEl?.value ?? this.draft;
    if (!body.trim()) {
      this.composerError = msg('Write a message first.');
      this.inputEl?.focus();
      return;
    }
    this.draft = '';
    this.composerError = '';
    this.#follow = true;
    const outcome = await this.#thread.send(body);
    if (!outcome.ok) this.#announcer.announce(this.inOwnLanguage(() => `${msg('Your message was not sent.')} ${outcome.message}`));
  }

  async #retrySend(clientId: string): Promise<void> {
    this.#follow = true;
    const outcome = await this.#thread.retrySend(clientId);
    this.#announcer.announce(this.inOwnLanguage(() => (outcome.ok ? msg('Message sent.') : `${msg('Your message was not sent.')} ${outcome.message}`)));
    if (outcome.ok) this.inputEl?.focus();
  }

  #discard(clientId: string): void {
    this.#thread.discard(clientId);
    this.#announcer.announce(this.inOwnLanguage(() => msg('Message discarded.')));
    void this.updateComplete.then(() => this.inputEl?.focus());
  }

  #loadEarlier = () => {
    this.#heightBeforeEarlier = this.historyEl?.scrollHeight;
    void this.#thread.loadEarlier();
  };
}
