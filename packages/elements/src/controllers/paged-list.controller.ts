import type { Page } from '@mentorkit/contract';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from './resource.controller.js';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedListOptions<T, A extends readonly unknown[]> {
  /** What the first page depends on (compared with `===`); `undefined` until the list should load. */
  args: () => A | undefined;
  /** One page: the first without a cursor, later ones with the previous page's `nextCursor`. */
  fetchPage: (args: A, cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  key: (item: T) => string;
}

/**
 * A cursor-paged list with honest states: the first page loads whenever its arguments change,
 * "load more" appends the next page without duplicates, and items can be replaced or removed
 * in place after an action so the list does not jump back to a skeleton.
 */
export class PagedListController<T, A extends readonly unknown[]> {
  /** Items loaded so far, in server order. */
  items: T[] = [];
  nextCursor: string | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #key: (item: T) => string;
  readonly #first: ResourceController<Page<T>, A>;
  readonly #more: ResourceController<Page<T>, [A, string]>;
  readonly #fetchPage: PagedListOptions<T, A>['fetchPage'];
  #args: A | undefined;

  constructor(host: ReactiveControllerHost, options: PagedListOptions<T, A>) {
    this.#host = host;
    this.#key = options.key;
    this.#fetchPage = options.fetchPage;
    this.#first = new ResourceController(host, {
      args: options.args,
      task: (args, { signal }) => {
        // A new first page makes any "load more" of the old list meaningless.
        this.#more.abort();
        this.#args = args;
        return options.fetchPage(args, undefined, signal);
      },
      onComplete: (page) => {
        this.items = page.items;
        this.nextCursor = page.nextCursor;
      },
    });
    this.#more = new ResourceController(host, {
      task: ([args, cursor], { signal }) => options.fetchPage(args, cursor, signal),
      onComplete: (page) => {
        const seen = new Set(this.items.map(this.#key));
        this.items = [...this.items, ...page.items.filter((item) => !seen.has(this.#key(item)))];
        this.nextCursor = page.nextCursor;
      },
    });
  }

  get status(): ListStatus {
    switch (this.#first.status) {
      case 'initial':
        return 'idle';
      case 'pending':
        return 'loading';
      case 'error':
        return 'error';
      case 'complete':
        return 'ready';
    }
  }

  get error(): unknown {
    return this.#first.status === 'error' ? this.#first.error : undefined;
  }

  get hasMore(): boolean {
    return this.status === 'ready' && this.nextCursor !== null;
  }

  get loadingMore(): boolean {
    return this.#more.status === 'pending';
  }

  get loadMoreError(): unknown {
    return this.#more.status === 'error' ? this.#more.error : undefined;
  }

  /** Loads the next page; resolves with the items it added (none when it failed or was superseded). */
  async loadMore(): Promise<T[]> {
    const args = this.#args;
    if (!args || !this.nextCursor || this.loadingMore || this.status !== 'ready') return [];
    const before = this.items.length;
    await this.#more.run([args, this.nextCursor]);
    return this.#more.status === 'complete' ? this.items.slice(before) : [];
  }

  /** Repeats whatever failed: the first page or the last "load more". */
  retry(): Promise<unknown> {
    if (this.#first.status === 'error') return this.#first.retry();
    if (this.#more.status === 'error') return this.loadMore();
    return Promise.resolve();
  }

  /** Loads the first page again with the same arguments (e.g. after the server said the list is out of date). */
  reload(): Promise<void> {
    return this.#first.retry();
  }

  /**
   * Loads the first page again while the list stays on screen (a live update: no skeleton, focus
   * and scroll kept). Its items take the place of the first page's; items loaded by "load more"
   * after them stay. Nothing happens unless the list is shown, or when its arguments change
   * meanwhile (their own load wins).
   */
  async refresh(): Promise<void> {
    const args = this.#args;
    if (this.status !== 'ready' || args === undefined) return;
    const page = await this.#fetchPage(args, undefined, new AbortController().signal);
    if (this.#args !== args || this.status !== 'ready') return;
    const fresh = new Set(page.items.map(this.#key));
    // The new first page is the whole list, or no more than a page was shown: it replaces them.
    const whole = page.nextCursor === null || this.items.length <= page.items.length;
    this.items = whole ? page.items : [...page.items, ...this.items.slice(page.items.length).filter((i) => !fresh.has(this.#key(i)))];
    if (whole) this.nextCursor = page.nextCursor;
    this.#host.requestUpdate();
  }

  find(key: string): T | undefined {
    return this.items.find((item) => this.#key(item) === key);
  }

  /** Puts `item` where the item with the same key was (e.g. after an action changed it). */
  replace(item: T): void {
    const key = this.#key(item);
    this.items = this.items.map((i) => (this.#key(i) === key ? item : i));
    this.#host.requestUpdate();
  }

  /** Takes an item out; returns where it was (-1 when it was not there). */
  remove(key: string): number {
    const index = this.items.findIndex((i) => this.#key(i) === key);
    if (index >= 0) {
      this.items = this.items.filter((_, i) => i !== index);
      this.#host.requestUpdate();
    }
    return index;
  }
}
