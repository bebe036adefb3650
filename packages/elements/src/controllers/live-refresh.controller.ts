import type { RealtimeEventType, TypedRealtimeEvent } from '@mentorkit/contract';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RealtimeController, type RealtimeControllerStatus, type RealtimeSource } from './realtime.controller.js';

export interface LiveRefreshOptions<Part extends string> {
  /** The live stream (see `RealtimeController`). */
  source: () => RealtimeSource | undefined;
  /** Only these event types are looked at (all by default). */
  types?: readonly RealtimeEventType[];
  /**
   * Which parts of the view an event makes stale (none: the event is ignored). Runs at once for
   * each event, so it can also note what to announce.
   */
  route: (event: TypedRealtimeEvent) => readonly Part[] | Part | undefined;
  /**
   * Loads the stale parts again; one call for everything that arrived within `delayMs`. Answering
   * `false` means "not applied" (e.g. an action of the viewer began meanwhile and is newer): the
   * parts stay stale and load again once `ready`.
   */
  refresh: (parts: ReadonlySet<Part>) => Promise<unknown> | void;
  /**
   * Whether a refresh may run now; while false (e.g. an action of the viewer is on its way and
   * its optimistic state must not be overwritten) the refresh waits and asks again.
   */
  ready?: () => boolean;
  /**
   * Words for the screen reader about an event (e.g. "Ana accepted your request"), said through
   * `announce` once the refresh that shows the change has finished.
   */
  describe?: (event: TypedRealtimeEvent) => string | undefined;
  announce?: (message: string) => void;
  /** Quiet time that gathers a burst of events into one refresh (default 250 ms). */
  delayMs?: number;
}

/**
 * Live updates by refetching: events name the parts of a view they make stale, and after a short
 * quiet time the view loads just those parts again — once for a burst of events, never two loads
 * of the same view at a time (events during a refresh lead to one more after it). Refetching
 * rather than patching from event data keeps the view exactly the server's truth (counts, sort
 * order, what the viewer may do), and keyed rendering keeps focus and scroll where they are.
 */
export class LiveRefreshController<Part extends string> implements ReactiveController {
  readonly #options: LiveRefreshOptions<Part>;
  readonly #live: RealtimeController;
  #stale = new Set<Part>();
  #notes: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #waiters: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, options: LiveRefreshOptions<Part>) {
    this.#options = options;
    host.addController(this);
    this.#live = new RealtimeController(host, {
      source: options.source,
      ...(options.types ? { types: options.types } : {}),
      onEvent: (event) => this.#onEvent(event),
    });
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get status(): RealtimeControllerStatus {
    return this.#live.status;
  }

  /** Nothing stale and no refresh running. */
  get settled(): boolean {
    return !this.#stale.size && !this.#timer && !this.#running;
  }

  /** Resolves once every refresh asked for so far has finished. */
  whenSettled(): Promise<void> {
    return this.settled ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Marks parts stale by hand, e.g. after an action elsewhere on the page. */
  markStale(parts: readonly Part[] | Part): void {
    for (const part of typeof parts === 'string' ? [parts] : parts) this.#stale.add(part);
    this.#schedule();
  }

  hostDisconnected(): void {
    // Back on the page, the element loads afresh anyway; stale marks of now do not matter then.
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stale.clear();
    this.#notes = [];
    if (!this.#running) this.#release();
  }

  #onEvent(event: TypedRealtimeEvent): void {
    const parts = this.#options.route(event);
    if (parts === undefined || parts.length === 0) return;
    const note = this.#options.describe?.(event);
    if (note) this.#notes.push(note);
    this.markStale(parts);
  }

  #schedule(): void {
    if (this.#timer || this.#running || !this.#stale.size) return;
    this.#timer = setTimeout(() => this.#flush(), this.#options.delayMs ?? 250);
  }

  #flush(): void {
    this.#timer = undefined;
    if (!this.#stale.size) return this.#release();
    if (this.#options.ready && !this.#options.ready()) {
      this.#schedule();
      return;
    }
    const parts = this.#stale;
    const notes = this.#notes;
    this.#stale = new Set();
    this.#notes = [];
    this.#running = (async () => {
      try {
        if ((await this.#options.refresh(parts)) === false) {
          for (const part of parts) this.#stale.add(part);
          this.#notes.unshift(...notes);
          return;
        }
      } catch {
        // A failed refresh leaves what is shown; the next event or action loads again.
      }
      if (notes.length) this.#options.announce?.(notes.join(' '));
    })().finally(() => {
      this.#running = undefined;
      if (this.#stale.size) this.#schedule();
      else this.#release();
    });
  }

  #release(): void {
    if (!this.settled) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * Call before a refresh that may remove the card holding focus (e.g. a request answered
 * elsewhere); call what it returns once the refresh has rendered. If focus went with the card, it
 * moves to the card now at the same place in the list, else to `fallback` (e.g. the section
 * heading). Focus anywhere else is left alone.
 */
export function keepFocusInList(root: HTMLElement | DocumentFragment, cards: string, fallback: () => HTMLElement | null): () => void {
  const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  const list = () => [...root.querySelectorAll<HTMLElement>(cards)];
  const index = active ? list().findIndex((card) => card.contains(active)) : -1;
  return () => {
    if (index < 0 || (active?.isConnected && active !== document.body)) return;
    const now = list();
    (now[Math.min(index, now.length - 1)] ?? fallback())?.focus();
  };
}
