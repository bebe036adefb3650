import { msg } from '@lit/localize';
import type { Notification, TypedRealtimeEvent } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { inLanguageOf } from '../../internal/localization.js';

export type NotificationListStatus = 'idle' | 'loading' | 'error' | 'ready';

export const NOTIFICATION_PAGE_SIZE = 20;

/**
 * The headless notification list: the newest page, the unread count, marking one or all read
 * (shown at once, rolled back with a message if the server refuses), more pages, live additions.
 */
export class NotificationListController implements ReactiveController {
  status: NotificationListStatus = 'idle';
  error: unknown = undefined;
  items: Notification[] = [];
  unreadCount = 0;
  nextCursor: string | null = null;
  moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  /** The last refused action, in words. */
  actionError = '';
  /** Called with each notification that arrives live. */
  onArrived: ((n: Notification) => void) | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  #loadedFor: MentorkitClient | undefined;
  #abort: AbortController | undefined;
  /**
   * Notifications that arrived live while a page was on its way (it may have been read before
   * them), and whether each was shown (and announced) already.
   */
  #early: { notification: Notification; shown: boolean }[] | undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.#client();
    if (client === this.#loadedFor) return;
    this.#loadedFor = client;
    if (client) void this.load();
    else {
      this.#abort?.abort();
      this.status = 'idle';
      this.items = [];
      this.unreadCount = 0;
    }
  }

  hostConnected(): void {
    if (this.status === 'loading' || this.status === 'idle') {
      this.#loadedFor = undefined;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Loads the newest page; `quiet` keeps the current list on screen while it does. */
  async load(options: { quiet?: boolean } = {}): Promise<void> {
    const client = this.#loadedFor;
    if (!client) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (!options.quiet || this.status !== 'ready') this.status = 'loading';
    this.error = undefined;
    this.actionError = '';
    this.#early = [];
    this.#host.requestUpdate();
    try {
      const page = await client.notifications.list({ limit: NOTIFICATION_PAGE_SIZE }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.items = page.items;
      this.unreadCount = page.unreadCount;
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
      const early = this.#early;
      this.#early = undefined;
      // Folded in again: what the page already holds is skipped by id, so nothing counts twice,
      // and only what was not shown yet is announced.
      for (const { notification, shown } of early) this.#add(notification, !shown);
    } catch (error) {
      this.#early = undefined;
      if (abort.signal.aborted) return;
      if (options.quiet && this.status === 'ready') {
        // A refresh that failed keeps what is shown, and says so.
        this.actionError = inLanguageOf(this.#host, () => `${msg('The list could not be refreshed.')} ${describeError(error)}`);
      } else {
        this.error = error;
        this.status = 'error';
      }
    }
    this.#host.requestUpdate();
  }

  async loadMore(): Promise<void> {
    const client = this.#loadedFor;
    if (!client || !this.nextCursor || this.moreStatus === 'loading') return;
    this.moreStatus = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await client.notifications.list({ limit: NOTIFICATION_PAGE_SIZE, cursor: this.nextCursor });
      if (client !== this.#loadedFor) return;
      const known = new Set(this.items.map((n) => n.id));
      this.items = [...this.items, ...page.items.filter((n) => !known.has(n.id))];
      this.nextCursor = page.nextCursor;
      this.unreadCount = page.unreadCount;
      this.moreStatus = 'idle';
    } catch {
      this.moreStatus = 'error';
    }
    this.#host.requestUpdate();
  }

  /** Marks one notification read (or every one, without an id); true when the server agreed. */
  async markRead(id?: string): Promise<boolean> {
    const client = this.#loadedFor;
    if (!client) return false;
    const before = { unreadCount: this.unreadCount };
    const now = new Date().toISOString();
    const targets = this.items.filter((n) => !n.readAt && (id === undefined || n.id === id));
    if (!targets.length && id !== undefined) return true;
    this.items = this.items.map((n) => (!n.readAt && (id === undefined || n.id === id) ? { ...n, readAt: now } : n));
    this.unreadCount = id === undefined ? 0 : Math.max(0, this.unreadCount - targets.length);
    this.actionError = '';
    this.#host.requestUpdate();
    try {
      const result = await client.notifications.markRead(id === undefined ? { all: true } : { ids: [id] });
      if (client !== this.#loadedFor) return true;
      this.unreadCount = result.unreadCount;
      this.#host.requestUpdate();
      return true;
    } catch (error) {
      if (client !== this.#loadedFor) return false;
      const undo = new Set(targets.map((t) => t.id));
      this.items = this.items.map((n) => (undo.has(n.id) ? { ...n, readAt: null } : n));
      this.unreadCount = before.unreadCount;
      this.actionError = inLanguageOf(
        this.#host,
        () => `${id === undefined ? msg('The notifications could not be marked as read.') : msg('The notification could not be marked as read.')} ${describeError(error)}`,
      );
      this.#host.requestUpdate();
      return false;
    }
  }

  handleEvent(event: TypedRealtimeEvent): void {
    if (event.type !== 'notification.created') return;
    const ready = this.status === 'ready';
    if (ready) this.#add(event.data, true);
    // While ready it is on screen now (or was already); otherwise it waits for the page.
    this.#early?.push({ notification: event.data, shown: ready });
  }

  /** Puts a notification at the top unless it is there already. */
  #add(n: Notification, announce: boolean): void {
    if (this.items.some((x) => x.id === n.id)) return;
    this.items = [n, ...this.items];
    if (!n.readAt) this.unreadCount++;
    if (announce) this.onArrived?.(n);
    this.#host.requestUpdate();
  }
}
