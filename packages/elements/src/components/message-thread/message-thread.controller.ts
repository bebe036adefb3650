import { msg, str } from '@lit/localize';
import type { Conversation, Message, TypedRealtimeEvent } from '@mentorkit/contract';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { inLanguageOf } from '../../internal/localization.js';
import { formatNumber } from '../../internal/localization-intl.js';

/**
 * The contract's `MESSAGE_MAX_LENGTH`, restated so zod stays out of the bundle; the type ties it
 * to the contract's literal, so a change there fails the build here.
 */
export const MESSAGE_MAX_LENGTH: typeof import('@mentorkit/contract').MESSAGE_MAX_LENGTH = 4000;

export type ThreadStatus = 'idle' | 'loading' | 'error' | 'ready';

/** A message of the viewer's that the server has not confirmed yet. */
export interface OutgoingMessage {
  clientId: string;
  body: string;
  createdAt: string;
  state: 'sending' | 'failed';
  /** Why it failed, in words. */
  reason?: string;
}

export type SendOutcome = { ok: true; message: Message } | { ok: false; message: string };

/** How many messages a page of history holds. */
export const THREAD_PAGE_SIZE = 30;

const byId = (a: Message, b: Message) => a.seq - b.seq;

/**
 * The headless state of one conversation: history (oldest first, paged backwards), optimistic
 * sends keyed by `clientId` (a retry resends the same id, so the server never stores it twice),
 * read markers both ways, and live events folded in without duplicates.
 */
export class MessageThreadController implements ReactiveController {
  status: ThreadStatus = 'idle';
  /** Live events that arrived while the thread was loading. */
  #early: TypedRealtimeEvent[] = [];
  error: unknown = undefined;
  conversation: Conversation | undefined = undefined;
  /** Confirmed messages, oldest first. */
  messages: Message[] = [];
  /** Sends not yet confirmed, in the order they were made. */
  outgoing: OutgoingMessage[] = [];
  /** Cursor for older messages; null when the start of the conversation is shown. */
  nextCursor: string | null = null;
  earlierStatus: 'idle' | 'loading' | 'error' = 'idle';
  earlierError: unknown = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  readonly #conversationId: () => string;
  #loadedFor: { client: MentorkitClient; id: string } | undefined;
  #abort: AbortController | undefined;
  #marking = 0;
  /** Called when a message from the other person arrives live (for the live region). */
  onIncoming: ((message: Message) => void) | undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined; conversationId: () => string }) {
    this.#host = host;
    this.#client = options.client;
    this.#conversationId = options.conversationId;
    host.addController(this);
  }

  get client(): MentorkitClient | undefined {
    return this.#loadedFor?.client;
  }

  hostUpdate(): void {
    const client = this.#client();
    const id = this.#conversationId();
    if (!client || !id) {
      if (this.status !== 'idle') this.#reset('idle');
      this.#loadedFor = undefined;
      return;
    }
    if (this.#loadedFor?.client === client && this.#loadedFor.id === id) return;
    this.#loadedFor = { client, id };
    void this.load();
  }

  hostConnected(): void {
    if (this.status === 'idle' || this.status === 'loading') {
      this.#loadedFor = undefined;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #reset(status: ThreadStatus): void {
    this.#abort?.abort();
    this.#early = [];
    this.status = status;
    this.error = undefined;
    this.conversation = undefined;
    this.messages = [];
    this.outgoing = [];
    this.nextCursor = null;
    this.earlierStatus = 'idle';
    this.#host.requestUpdate();
  }

  /** Loads the conversation and its latest page of messages (again, after an error). */
  async load(): Promise<void> {
    const target = this.#loadedFor;
    if (!target) return;
    this.#reset('loading');
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const [conversation, page] = await Promise.all([
        target.client.conversations.get(target.id, { signal: abort.signal }),
        target.client.conversations.messages(target.id, { limit: THREAD_PAGE_SIZE }, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.conversation = conversation;
      this.messages = [...page.items].sort(byId);
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
      const early = this.#early;
      this.#early = [];
      for (const event of early) this.handleEvent(event);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  retry(): Promise<void> {
    if (!this.#loadedFor) this.#host.requestUpdate();
    return this.load();
  }

  /** The page of history before the oldest message shown. */
  async loadEarlier(): Promise<void> {
    const target = this.#loadedFor;
    if (!target || !this.nextCursor || this.earlierStatus === 'loading') return;
    this.earlierStatus = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await target.client.conversations.messages(target.id, { before: this.nextCursor, limit: THREAD_PAGE_SIZE });
      if (this.#loadedFor !== target) return;
      this.#merge(page.items);
      this.nextCursor = page.nextCursor;
      this.earlierStatus = 'idle';
    } catch (error) {
      if (this.#loadedFor !== target) return;
      this.earlierError = error;
      this.earlierStatus = 'error';
    }
    this.#host.requestUpdate();
  }

  /** Whether a message is the viewer's (the conversation names only the other party). */
  isMine(message: Pick<Message, 'senderId'>): boolean {
    const other = this.conversation?.otherParty.id;
    return message.senderId !== null && message.senderId !== other;
  }

  get canSend(): boolean {
    return this.conversation?.canSend ?? false;
  }

  /** The viewer's last message the other person has read, for "Seen". */
  get seenMessageId(): string | undefined {
    const upTo = this.conversation?.otherLastReadSeq ?? 0;
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (this.isMine(m) && m.seq <= upTo) return m.id;
    }
    return undefined;
  }

  /** Sends a new message optimistically. Rejects nothing: a failure stays on the message with Retry. */
  send(body: string): Promise<SendOutcome> {
    const text = body.trim();
    if (!text) return Promise.resolve({ ok: false, message: msg('Write a message first.') });
    if (text.length > MESSAGE_MAX_LENGTH) {
      return Promise.resolve({ ok: false, message: msg(str`Messages can be at most ${formatNumber(MESSAGE_MAX_LENGTH)} characters.`) });
    }
    const clientId = crypto.randomUUID();
    this.outgoing = [...this.outgoing, { clientId, body: text, createdAt: new Date().toISOString(), state: 'sending' }];
    this.#host.requestUpdate();
    return this.#deliver(clientId);
  }

  /** Sends a failed message again with the same `clientId`: the server stores it at most once. */
  retrySend(clientId: string): Promise<SendOutcome> {
    const item = this.outgoing.find((o) => o.clientId === clientId);
    if (!item) return Promise.resolve({ ok: false, message: msg('That message is no longer waiting to be sent.') });
    this.#updateOutgoing(clientId, { state: 'sending' });
    return this.#deliver(clientId);
  }

  /** Drops a failed message the viewer gave up on. */
  discard(clientId: string): void {
    this.outgoing = this.outgoing.filter((o) => o.clientId !== clientId);
    this.#host.requestUpdate();
  }

  async #deliver(clientId: string): Promise<SendOutcome> {
    const target = this.#loadedFor;
    const item = this.outgoing.find((o) => o.clientId === clientId);
    if (!target || !item) return { ok: false, message: msg('The conversation is not loaded.') };
    try {
      const message = await target.client.conversations.send(target.id, { body: item.body, clientId });
      if (this.#loadedFor !== target) return { ok: true, message };
      this.#merge([message]);
      this.#host.requestUpdate();
      return { ok: true, message };
    } catch (error) {
      const reason = inLanguageOf(this.#host, () => this.#sendFailure(error));
      if (this.#loadedFor === target) this.#updateOutgoing(clientId, { state: 'failed', reason });
      if (error instanceof ApiError && error.code === 'invalid_transition') void this.refreshConversation();
      return { ok: false, message: reason };
    }
  }

  #sendFailure(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.code === 'rate_limited') {
        const wait = error.retryAfter;
        const pause = !wait ? msg('a moment') : wait === 1 ? msg('1 second') : msg(str`${formatNumber(wait)} seconds`);
        return msg(str`You have sent a lot of messages in the last minute. Wait ${pause}, then retry.`);
      }
      if (error.code === 'invalid_transition') return msg('This mentorship has ended, so new messages cannot be sent.');
    }
    return describeError(error);
  }

  #updateOutgoing(clientId: string, patch: Pick<OutgoingMessage, 'state' | 'reason'>): void {
    // A new state replaces the old reason (a retry that is sending again has none).
    this.outgoing = this.outgoing.map((o) =>
      o.clientId === clientId ? { clientId: o.clientId, body: o.body, createdAt: o.createdAt, state: patch.state, ...(patch.reason ? { reason: patch.reason } : {}) } : o,
    );
    this.#host.requestUpdate();
  }

  /** Adds confirmed messages (deduplicated by id) and retires the optimistic copies they confirm. */
  #merge(items: Message[]): void {
    if (!items.length) return;
    const known = new Set(this.messages.map((m) => m.id));
    const fresh = items.filter((m) => !known.has(m.id));
    const confirmed = new Set(items.filter((m) => this.isMine(m)).map((m) => m.clientId));
    if (confirmed.size) this.outgoing = this.outgoing.filter((o) => !confirmed.has(o.clientId));
    if (!fresh.length) return;
    this.messages = [...this.messages, ...fresh].sort(byId);
    const c = this.conversation;
    const newest = this.messages[this.messages.length - 1]!;
    if (c && (!c.lastMessage || newest.seq > c.lastMessage.seq)) this.conversation = { ...c, lastMessage: newest, lastMessageAt: newest.createdAt };
  }

  /** Fetches the conversation again (e.g. after the mentorship ended), keeping the messages. */
  async refreshConversation(): Promise<void> {
    const target = this.#loadedFor;
    if (!target) return;
    try {
      const conversation = await target.client.conversations.get(target.id);
      if (this.#loadedFor !== target || !this.conversation) return;
      this.conversation = {
        ...conversation,
        lastReadSeq: Math.max(conversation.lastReadSeq, this.conversation.lastReadSeq),
        otherLastReadSeq: Math.max(conversation.otherLastReadSeq, this.conversation.otherLastReadSeq),
      };
      this.#host.requestUpdate();
    } catch {
      // The thread keeps what it shows; the next action reports any real problem.
    }
  }

  /** The newest message the viewer has not marked read yet, if any. */
  get unreadUpTo(): Message | undefined {
    const newest = this.messages[this.messages.length - 1];
    if (!newest || !this.conversation) return undefined;
    return newest.seq > this.conversation.lastReadSeq ? newest : undefined;
  }

  /** Moves the viewer's read marker to the newest message shown (call while the thread is visible). */
  async markRead(): Promise<void> {
    const target = this.#loadedFor;
    const newest = this.unreadUpTo;
    if (!target || !newest || this.#marking >= newest.seq) return;
    this.#marking = newest.seq;
    try {
      const read = await target.client.conversations.markRead(target.id, newest.seq);
      if (this.#loadedFor !== target || !this.conversation) return;
      this.conversation = { ...this.conversation, lastReadSeq: Math.max(this.conversation.lastReadSeq, read.lastReadSeq), unreadCount: read.unreadCount ?? 0 };
      this.#host.requestUpdate();
    } catch {
      // Tried again with the next message or visit.
      this.#marking = 0;
    }
  }

  /** Folds a live event into the thread. */
  handleEvent(event: TypedRealtimeEvent): void {
    // The page being loaded may have been read before this event's change: kept, and folded in
    // once the page is here (merging by id drops what the page already has).
    if (this.status === 'loading') {
      this.#early.push(event);
      return;
    }
    const c = this.conversation;
    if (!c || this.status !== 'ready') return;
    switch (event.type) {
      case 'message.created': {
        const m = event.data;
        if (m.conversationId !== c.id) return;
        const isNew = !this.messages.some((x) => x.id === m.id);
        this.#merge([m]);
        if (isNew && !this.isMine(m)) this.onIncoming?.(m);
        this.#host.requestUpdate();
        return;
      }
      case 'conversation.read': {
        const r = event.data;
        if (r.conversationId !== c.id) return;
        if (r.userId === c.otherParty.id) this.conversation = { ...c, otherLastReadSeq: Math.max(c.otherLastReadSeq, r.lastReadSeq) };
        else this.conversation = { ...c, lastReadSeq: Math.max(c.lastReadSeq, r.lastReadSeq), ...(r.unreadCount !== undefined ? { unreadCount: r.unreadCount } : {}) };
        this.#host.requestUpdate();
        return;
      }
      case 'mentorship.updated': {
        const m = event.data;
        if (m.id !== c.mentorshipId) return;
        const ended = m.status === 'completed' || m.status === 'cancelled';
        this.conversation = { ...c, mentorshipStatus: m.status, canSend: !ended };
        this.#host.requestUpdate();
        return;
      }
      default:
        return;
    }
  }
}
